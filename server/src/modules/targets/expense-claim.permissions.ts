import { definePermissions } from '../../platform/access/permissions.js';

export const ExpensePermissions = definePermissions('targets', {
  'expenses.file': { 'zh-CN': '提交费用报销', en: 'File expense claims' },
  'expenses.read': { 'zh-CN': '查看费用报销（按数据范围）', en: 'View expense claims (within data scope)' },
  'expenses.pay': { 'zh-CN': '财务付款', en: 'Pay approved expense claims' },
});
