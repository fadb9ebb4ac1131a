import { definePermissions } from '../../platform/access/permissions.js';

export const CustomerPermissions = definePermissions('customers', {
  'accounts.read': { 'zh-CN': '查看客户档案（按数据范围）', en: 'View customer accounts (within data scope)' },
  'accounts.write': {
    'zh-CN': '新建与维护客户档案（联系人、储运地址、释放到公海）',
    en: 'Create and maintain accounts (contacts, addresses, release to the pool)',
  },
  'accounts.manage': { 'zh-CN': '分配客户负责人、锁定与回收客户', en: 'Assign account owners, lock and release accounts' },
  'accounts.export': { 'zh-CN': '导出客户档案', en: 'Export customer accounts' },
  'accounts.import': { 'zh-CN': '导入客户档案', en: 'Import customer accounts' },
  'pool.claim': { 'zh-CN': '从公海领取客户', en: 'Claim accounts from the public pool' },
  'grades.manage': { 'zh-CN': '客户分级评定', en: 'Re-grade accounts' },
  'settings.manage': { 'zh-CN': '维护客户规则（拜访标准、公海规则）', en: 'Edit customer rules (visit minimums, pool rules)' },
  'credit.manage': { 'zh-CN': '设定客户信用额度与信用等级', en: 'Set account credit limits and ratings' },
  'disputes.decide': { 'zh-CN': '查看与处理客户归属争议', en: 'Review customer ownership disputes' },
});
