import { defineErrors } from '../../platform/errors/app-error.js';

/** Errors of the order KPIs (CUS-10 repeat purchase); codes share the `orders.` prefix of the module. */
export const OrderKpiErrors = defineErrors('orders', {
  periodReversed: {
    status: 400,
    'zh-CN': '{field} 不能早于开始日期（{from}）',
    en: '{field} cannot be before the start date ({from})',
  },
  periodTooLong: {
    status: 400,
    'zh-CN': '{field}：统计期间最多 {days} 天',
    en: '{field}: the period spans at most {days} days',
  },
});
