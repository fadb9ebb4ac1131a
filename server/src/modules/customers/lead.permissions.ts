import { definePermissions } from '../../platform/access/permissions.js';

/** CUS-7 keys of the customers module; declared beside the account keys under the same module name. */
export const LeadPermissions = definePermissions('customers', {
  'leads.read': { 'zh-CN': '查看线索、电话计划与拓客团队（按数据范围）', en: 'View leads, call plans and lead teams (within data scope)' },
  'leads.manage': {
    'zh-CN': '登记与跟进线索、预约、转为客户、标记流失，制定本人电话计划',
    en: 'Record and follow up leads, book appointments, convert or mark lost; plan my calls',
  },
  'leads.assign': {
    'zh-CN': '分配线索（手动或轮流分配），制定团队电话计划，管理外包拓客团队',
    en: 'Assign leads (by hand or round-robin), plan the team’s calls, manage outsourced lead teams',
  },
  'leads.export': { 'zh-CN': '导出线索', en: 'Export leads' },
});
