import { subscribe } from '../../platform/events/index.js';
import { type ApprovalDecidedPayload, type ApprovalReturnedPayload, registerApprovalType, type StepInput } from '../approvals/index.js';
import { orderCheckKinds } from './order.enums.js';
import { onOrderApprovalDecided, onOrderApprovalReturned, orderApprovalType } from './order.service.js';

// Loaded once with the module: the approval engine and the outbox learn about order checks here.

const consumer = 'orders.checks';
const superior: StepInput = { name: '直接上级审批', mode: 'sequential', approvers: { kind: 'superior', levels: 1 } };
const director: StepInput = { name: '总监审批', mode: 'sequential', approvers: { kind: 'ladder', ladder: 'director' } };

const labels = {
  price: { 'zh-CN': '订单价格审批（低于底价或超出折扣权限）', en: 'Order price (below floor or discount beyond authority)' },
  credit: { 'zh-CN': '订单信用审批（超出信用额度）', en: 'Order credit (over the credit limit)' },
  stock: { 'zh-CN': '订单库存审批（可用库存不足）', en: 'Order stock (not enough available)' },
} as const;

for (const kind of orderCheckKinds) {
  registerApprovalType({
    key: orderApprovalType(kind),
    module: 'orders',
    ...labels[kind],
    subjectPath: (id) => `/orders/${id}`,
    // The entering person's superior decides; orders above CNY 200,000 also go to the director level.
    defaultDefinition: {
      name: labels[kind]['zh-CN'],
      tiers: [
        { minAmount: null, steps: [superior] },
        { minAmount: 20_000_001, steps: [superior, director] },
      ],
    },
  });
}

const isOrderType = (type: string) => orderCheckKinds.some((kind) => orderApprovalType(kind) === type);

subscribe<ApprovalDecidedPayload>({
  consumer,
  type: 'approval.decided',
  handle: async (tx, event) => {
    if (!isOrderType(event.payload.type)) return;
    await onOrderApprovalDecided(tx, event.payload);
  },
});

subscribe<ApprovalReturnedPayload>({
  consumer,
  type: 'approval.returned',
  handle: async (tx, event) => {
    if (!isOrderType(event.payload.type)) return;
    await onOrderApprovalReturned(tx, event.payload);
  },
});
