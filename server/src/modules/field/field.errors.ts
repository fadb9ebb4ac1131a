import { defineErrors } from '../../platform/errors/app-error.js';

export const FieldErrors = defineErrors('field', {
  checkInInFuture: { status: 400, 'zh-CN': '{field} 不能晚于当前时间（{now}）', en: '{field} cannot be later than now ({now})' },
  checkInTooOld: {
    status: 400,
    'zh-CN': '{field} 不能早于 {days} 天前（{earliest}），更早的拜访不能补录',
    en: '{field} cannot be more than {days} days ago ({earliest}); older visits cannot be recorded',
  },
  plannedInPast: { status: 400, 'zh-CN': '{field} 不能早于今天（{today}）', en: '{field} cannot be before today ({today})' },
  positionIncomplete: {
    status: 400,
    'zh-CN': '{field} 缺失：纬度与经度须同时填写',
    en: '{field} is missing: latitude and longitude go together',
  },
  notVisitor: { status: 403, 'zh-CN': '只有拜访人本人可以签到或取消拜访', en: 'Only the visiting user may check in or cancel a visit' },
  notPlanned: {
    status: 409,
    'zh-CN': '拜访状态为“{status}”，只有计划中的拜访可以签到或取消',
    en: 'The visit is {status}; only a planned visit can be checked in or cancelled',
  },
  notMonday: { status: 400, 'zh-CN': '{field} 必须是周一（{date} 不是）', en: '{field} must be a Monday ({date} is not)' },
  planExists: {
    status: 409,
    'zh-CN': '{weekStart} 这一周的拜访计划已经存在',
    en: 'A visit plan for the week of {weekStart} already exists',
  },
  notPlanOwner: { status: 403, 'zh-CN': '只有计划人本人可以修改或提交拜访计划', en: 'Only the planning rep may edit or submit a plan' },
  planSubmitted: { status: 409, 'zh-CN': '拜访计划已提交，不能再修改', en: 'The visit plan is already submitted and can no longer change' },
  planEmpty: {
    status: 409,
    'zh-CN': '拜访计划中还没有计划拜访，不能提交',
    en: 'The plan has no planned visits yet, so it cannot be submitted',
  },
  logDateInFuture: { status: 400, 'zh-CN': '{field} 不能晚于今天（{today}）', en: '{field} cannot be after today ({today})' },
  logDateTooOld: {
    status: 400,
    'zh-CN': '{field} 不能早于 {days} 天前（{earliest}），过期日志不能再填写或修改',
    en: '{field} cannot be more than {days} days ago ({earliest}); older logs can no longer be written or changed',
  },
  notSuperior: { status: 403, 'zh-CN': '只有日志作者的上级可以点评', en: 'Only a superior of the author may comment on a work log' },
  monthInFuture: { status: 400, 'zh-CN': '{field} 不能晚于本月（{current}）', en: '{field} cannot be after the current month ({current})' },
  rangeReversed: { status: 400, 'zh-CN': '{field} 不能早于开始日期（{from}）', en: '{field} cannot be before the start date ({from})' },
  rangeTooLong: { status: 400, 'zh-CN': '{field}：日期范围最多 {days} 天', en: '{field}: the date range spans at most {days} days' },
});
