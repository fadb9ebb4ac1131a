import { defineErrors } from '../../platform/errors/app-error.js';

export const LeadErrors = defineErrors('customers', {
  leadClosed: {
    status: 409,
    'zh-CN': '线索已{status}，不能再跟进、分配或转化',
    en: 'The lead is {status}; it can no longer be followed up, assigned or converted',
  },
  leadUnassigned: { status: 409, 'zh-CN': '线索尚未分配负责人，请先分配', en: 'The lead has no owner yet; assign it first' },
  assigneeOutOfScope: {
    status: 400,
    'zh-CN': '{field} 不在您的管理范围内或已离职',
    en: '{field} is not an active person within the people you manage',
  },
  noRoundRobinTeam: {
    status: 409,
    'zh-CN': '您没有可轮流分配的直属销售代表',
    en: 'You have no direct reports at representative level to assign to in turn',
  },
  appointmentTimeRequired: {
    status: 400,
    'zh-CN': '预约需要填写预约时间 {field}',
    en: 'An appointment needs its time in {field}',
  },
  scheduledOnlyForAppointments: {
    status: 400,
    'zh-CN': '只有预约可以填写预约时间 {field}',
    en: 'Only an appointment has a scheduled time ({field})',
  },
  followUpInFuture: { status: 400, 'zh-CN': '{field} 不能晚于当前时间', en: '{field} cannot be in the future' },
  teamNameTaken: { status: 409, 'zh-CN': '拓客团队名称“{name}”已存在', en: 'A lead team named "{name}" already exists' },
  contractDates: {
    status: 400,
    'zh-CN': '合同结束日期不能早于开始日期',
    en: 'The contract cannot end before it starts',
  },
  dateRange: {
    status: 400,
    'zh-CN': '{field} 不能早于开始日期，且跨度不超过 {days} 天',
    en: '{field} must not precede the start and may span at most {days} days',
  },
  planForOthers: {
    status: 403,
    'zh-CN': '为他人制定电话计划需要“分配线索”权限',
    en: 'Planning someone else’s calls needs the lead assignment permission',
  },
});
