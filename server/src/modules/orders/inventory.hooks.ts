import { subscribe } from '../../platform/events/index.js';
import { type ApprovalDecidedPayload, type ApprovalReturnedPayload, registerApprovalType } from '../approvals/index.js';
import { recordStocktakeOutcome, recordStocktakeReturned, stocktakeApprovalType } from './stocktake.service.js';

// Loaded once with the module: the approval engine and the outbox learn about stocktakes here.

const consumer = 'orders.stocktakes';

registerApprovalType({
  key: stocktakeApprovalType,
  module: 'orders',
  'zh-CN': '盘点差异调整',
  en: 'Stocktake variance adjustment',
  subjectPath: (id) => `/inventory/stocktakes/${id}`,
  // The logistics manager's superior signs off what the count changes in the books.
  defaultDefinition: {
    name: '盘点差异调整',
    tiers: [{ minAmount: null, steps: [{ name: '上级审批', mode: 'sequential', approvers: { kind: 'superior', levels: 1 } }] }],
  },
});

subscribe<ApprovalDecidedPayload>({
  consumer,
  type: 'approval.decided',
  handle: async (tx, event) => {
    if (event.payload.type !== stocktakeApprovalType) return;
    await recordStocktakeOutcome(tx, event.payload);
  },
});

subscribe<ApprovalReturnedPayload>({
  consumer,
  type: 'approval.returned',
  handle: async (tx, event) => {
    if (event.payload.type !== stocktakeApprovalType) return;
    await recordStocktakeReturned(tx, event.payload);
  },
});
