import { defineErrors } from '../../platform/errors/app-error.js';

export const ApprovalErrors = defineErrors('approvals', {
  unknownType: { status: 400, 'zh-CN': '未知的审批类型：{type}', en: 'Unknown approval type: {type}' },
  definitionInvalid: {
    status: 400,
    'zh-CN': '审批流程设置有误，请检查：{fields}',
    en: 'The approval definition is invalid; check: {fields}',
  },
  requesterInvalid: { status: 400, 'zh-CN': '申请人不存在或已离职', en: 'The requester does not exist or has left' },
  amountInvalid: { status: 400, 'zh-CN': '{field} 须为不小于 0 的整数（分）', en: '{field} must be a whole number of fen ≥ 0' },
  reasonRequired: { status: 400, 'zh-CN': '请填写原因', en: 'Please give a reason' },
  commentRequired: { status: 400, 'zh-CN': '请填写意见', en: 'Please write a comment' },
  alreadyDecided: {
    status: 409,
    'zh-CN': '该审批已被处理，请刷新后查看最新状态',
    en: 'This approval was already acted on; reload to see where it stands',
  },
  notPending: { status: 409, 'zh-CN': '审批已结束，不能再撤回', en: 'The approval has already ended and can no longer be withdrawn' },
  notReturned: { status: 409, 'zh-CN': '只有退回修改的审批才能重新提交', en: 'Only an approval returned for changes can be resubmitted' },
  transferTargetInvalid: {
    status: 400,
    'zh-CN': '不能转交给该人员：对方须为在职人员，且不是申请人',
    en: 'Cannot transfer to this person: they must be an active user other than the requester',
  },
  transferTargetOnStep: {
    status: 409,
    'zh-CN': '对方已是本步骤的审批人',
    en: 'That person is already an approver of this step',
  },
  notAuthorised: { status: 403, 'zh-CN': '无权决定：{action}', en: 'Not authorised to decide: {action}' },
});
