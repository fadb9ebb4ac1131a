import { defineErrors } from '../../platform/errors/app-error.js';

export const ExpenseClaimErrors = defineErrors('targets', {
  dateInFuture: { status: 400, 'zh-CN': '{field} 不能晚于今天（{today}）', en: '{field} cannot be after today ({today})' },
  dateTooOld: {
    status: 400,
    'zh-CN': '{field} 不能早于 {days} 天前（{earliest}），逾期费用不予报销',
    en: '{field} cannot be more than {days} days ago ({earliest}); older expenses are not reimbursed',
  },
  notClaimant: {
    status: 403,
    'zh-CN': '只有报销人本人可以修改、提交或撤回报销单',
    en: 'Only the claimant may edit, submit or withdraw a claim',
  },
  notEditable: {
    status: 409,
    'zh-CN': '报销单状态为“{status}”，不能修改或提交',
    en: 'The claim is {status}, so it cannot be edited or submitted',
  },
  notWithdrawable: {
    status: 409,
    'zh-CN': '报销单状态为“{status}”，没有进行中的审批可撤回',
    en: 'The claim is {status}; there is no open approval to withdraw',
  },
  notPayable: {
    status: 409,
    'zh-CN': '只有已批准的报销单可以付款（当前状态：“{status}”）',
    en: 'Only an approved claim can be paid (this one is {status})',
  },
});
