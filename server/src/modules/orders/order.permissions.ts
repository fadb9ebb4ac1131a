import { definePermissions } from '../../platform/access/permissions.js';

/** OSB-1/2/3/10 keys; the inventory keys are declared beside these under the same module name. */
export const OrderPermissions = definePermissions('orders', {
  'orders.read': { 'zh-CN': '查看订单与订单跟踪（按数据范围）', en: 'View orders and their timeline (within data scope)' },
  'orders.enter': {
    'zh-CN': '录入、提交与取消订单',
    en: 'Enter, submit and cancel orders',
  },
  'orders.finance': {
    'zh-CN': '财务确认订单（收款或信用）、标记已付款',
    en: 'Confirm orders for finance (payment or credit) and mark them paid',
  },
  'shipments.read': { 'zh-CN': '查看发运单、配送车次与发货清单', en: 'View shipments, delivery runs and delivery notes' },
  'shipments.manage': {
    'zh-CN': '创建发运单、更新物流状态、安排配送车次',
    en: 'Create shipments, update tracking and plan delivery runs',
  },
});
