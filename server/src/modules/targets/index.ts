import type { FastifyPluginAsync } from 'fastify';
import './expense-claim.hooks.js';
import { expenseClaimRoutes } from './expense-claim.routes.js';
import { defaultExpenseClaimSettings, type ExpenseClaimSettings } from './expense-claim.service.js';

export { ExpensePermissions } from './expense-claim.permissions.js';
export type { ExpenseCategory, ExpenseClaimStatus } from './expense-claim.schema.js';
export { expenseCategories, expenseClaims } from './expense-claim.schema.js';
export { expenseApprovalType, expenseClaimEntity, sendToApproval } from './expense-claim.service.js';

export interface TargetsModuleOptions {
  expenseClaims?: Partial<ExpenseClaimSettings>;
}

export const targetsModule: FastifyPluginAsync<TargetsModuleOptions> = async (app, options) => {
  await app.register(expenseClaimRoutes, { prefix: '/api', settings: { ...defaultExpenseClaimSettings, ...options.expenseClaims } });
};
