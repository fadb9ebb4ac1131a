import { useCallback } from 'react';
import { useSession } from './session';

/** Permission keys the web app checks; the server declares them (org.permissions.ts, audit.routes.ts, approvals.permissions.ts, expense-claim.permissions.ts). */
export const Access = {
  usersRead: 'org.users.read',
  usersManage: 'org.users.manage',
  structureManage: 'org.structure.manage',
  authorityManage: 'org.authority.manage',
  movesManage: 'org.moves.manage',
  policiesManage: 'org.policies.manage',
  auditRead: 'platform.audit.read',
  approvalDefinitionsManage: 'approvals.definitions.manage',
  expensesFile: 'targets.expenses.file',
  expensesRead: 'targets.expenses.read',
  expensesPay: 'targets.expenses.pay',
} as const;

export type AccessKey = (typeof Access)[keyof typeof Access];

/** Administrators receive ['*'] from /api/auth/me and hold every key. */
export function hasAccess(permissions: readonly string[], key: AccessKey | undefined): boolean {
  return !key || permissions.includes('*') || permissions.includes(key);
}

export function useAccess(): (key: AccessKey | undefined) => boolean {
  const { permissions } = useSession();
  return useCallback((key) => hasAccess(permissions, key), [permissions]);
}
