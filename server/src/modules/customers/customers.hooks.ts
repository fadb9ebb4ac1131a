import { getTableName } from 'drizzle-orm';
import { subscribe } from '../../platform/events/index.js';
import { type ApprovalDecidedPayload, registerApprovalType } from '../approvals/index.js';
import { registerOwnedEntity } from '../org/index.js';
import { accounts } from './account.schema.js';
import { disputeApprovalType, onDisputeDecided } from './dispute.service.js';
import './pool.job.js';

// Loaded once with the module: the approval engine, the outbox, ORG-6 hand-overs and the scheduler learn about accounts here.

registerApprovalType({
  key: disputeApprovalType,
  module: 'customers',
  'zh-CN': '客户归属争议',
  en: 'Customer ownership dispute',
  subjectPath: (id) => `/customers/disputes/${id}`,
  // CUS-2: the lowest common superior of both reps decides; the dispute names that person when it is filed
  // (a 'requested' step). An administrator may edit this definition, e.g. to add a further step.
  defaultDefinition: {
    name: '客户归属争议',
    tiers: [{ minAmount: null, steps: [{ name: '共同上级裁定', mode: 'sequential', approvers: { kind: 'requested' } }] }],
  },
});

subscribe<ApprovalDecidedPayload>({
  consumer: 'customers.disputes',
  type: 'approval.decided',
  handle: async (tx, event) => {
    if (event.payload.type !== disputeApprovalType) return;
    await onDisputeDecided(tx, event.payload);
  },
});

registerOwnedEntity({
  entity: 'account',
  table: getTableName(accounts),
  ownerColumn: accounts.ownerUserId.name,
  label: { 'zh-CN': '负责的客户', en: 'Customer accounts owned' },
});
