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
  fieldVisitsRead: 'field.visits.read',
  fieldVisitsRecord: 'field.visits.record',
  fieldVisitsExport: 'field.visits.export',
  fieldLogsWrite: 'field.logs.write',
  fieldLogsReview: 'field.logs.review',
  fieldComplianceRead: 'field.compliance.read',
  leadsRead: 'customers.leads.read',
  leadsManage: 'customers.leads.manage',
  leadsAssign: 'customers.leads.assign',
  leadsExport: 'customers.leads.export',
  customersRead: 'customers.accounts.read',
  customersWrite: 'customers.accounts.write',
  customersManage: 'customers.accounts.manage',
  customersExport: 'customers.accounts.export',
  customersImport: 'customers.accounts.import',
  customersPoolClaim: 'customers.pool.claim',
  customersGradesManage: 'customers.grades.manage',
  customersSettingsManage: 'customers.settings.manage',
  customersDisputesDecide: 'customers.disputes.decide',
  accountVisitsRead: 'field.visits.read',
  productsRead: 'products.read',
  productsCatalogManage: 'products.catalog.manage',
  productsPricesManage: 'products.prices.manage',
  productsProposalsSubmit: 'products.proposals.submit',
  productsProposalsReview: 'products.proposals.review',
  inventoryRead: 'orders.inventory.read',
  inventoryAvailability: 'orders.inventory.availability',
  inventoryReceive: 'orders.inventory.receive',
  inventoryStocktake: 'orders.inventory.stocktake',
  warehousesManage: 'orders.warehouses.manage',
  ordersRead: 'orders.orders.read',
  ordersEnter: 'orders.orders.enter',
  ordersFinance: 'orders.orders.finance',
  shipmentsRead: 'orders.shipments.read',
  shipmentsManage: 'orders.shipments.manage',
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
