import { definePermissions } from '../../platform/access/permissions.js';

export const OrgPermissions = definePermissions('org', {
  'users.read': { 'zh-CN': '查看人员', en: 'View people' },
  'users.manage': { 'zh-CN': '管理人员（新增、修改、重置密码）', en: 'Manage people (create, edit, reset password)' },
  'structure.manage': { 'zh-CN': '管理组织架构、岗位与区域', en: 'Manage departments, positions and geography' },
  'authority.manage': { 'zh-CN': '维护分层权限矩阵', en: 'Edit the authority matrix' },
  'moves.manage': { 'zh-CN': '办理晋升、调动与离职交接', en: 'Promote, transfer and hand over leavers' },
  'policies.manage': { 'zh-CN': '编制与发布制度', en: 'Draft and publish policies' },
});
