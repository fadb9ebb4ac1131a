import { definePermissions } from '../../platform/access/permissions.js';

/** Acting on an approval needs no permission: being its current approver is the permission. */
export const ApprovalPermissions = definePermissions('approvals', {
  'definitions.manage': { 'zh-CN': '维护审批流程', en: 'Edit approval definitions' },
});
