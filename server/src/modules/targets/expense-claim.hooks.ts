import { subscribe } from '../../platform/events/index.js';
import { registerAttachmentOwner } from '../../platform/files/index.js';
import { type ApprovalDecidedPayload, type ApprovalReturnedPayload, registerApprovalType } from '../approvals/index.js';
import { isClaimInScope } from './expense-claim.repository.js';
import { expenseApprovalType, expenseClaimEntity, recordApprovalOutcome, recordApprovalReturned } from './expense-claim.service.js';

// Loaded once with the module: the engine, the outbox and the file store learn about expense claims here.

const consumer = 'targets.expense-claims';

registerApprovalType({
  key: expenseApprovalType,
  module: 'targets',
  'zh-CN': '销售费用报销',
  en: 'Sales expense claim',
  subjectPath: (id) => `/expenses/${id}`,
  // The expense policy: the team's manager up to CNY 5,000; above that the director-level superior as well.
  defaultDefinition: {
    name: '销售费用报销',
    tiers: [
      { minAmount: null, steps: [{ name: '直接上级审批', mode: 'sequential', approvers: { kind: 'superior', levels: 1 } }] },
      {
        minAmount: 500_001,
        steps: [
          { name: '直接上级审批', mode: 'sequential', approvers: { kind: 'superior', levels: 1 } },
          { name: '总监审批', mode: 'sequential', approvers: { kind: 'ladder', ladder: 'director' } },
        ],
      },
    ],
  },
});

subscribe<ApprovalDecidedPayload>({
  consumer,
  type: 'approval.decided',
  handle: async (tx, event) => {
    if (event.payload.type !== expenseApprovalType) return;
    await recordApprovalOutcome(tx, event.payload);
  },
});

subscribe<ApprovalReturnedPayload>({
  consumer,
  type: 'approval.returned',
  handle: async (tx, event) => {
    if (event.payload.type !== expenseApprovalType) return;
    await recordApprovalReturned(tx, event.payload);
  },
});

registerAttachmentOwner(expenseClaimEntity, (db, principal, ownerId) => isClaimInScope(db, principal.scope, Number(ownerId)));
