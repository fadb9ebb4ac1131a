import type { TFunction } from 'i18next';
import type { ExpenseCategory, ExpenseStatus } from '../../api/types';

export const expenseApprovalType = 'expense.claim';
export const expenseCategories: readonly ExpenseCategory[] = ['travel', 'entertainment', 'samples', 'promotion', 'other'];
export const expenseStatuses: readonly ExpenseStatus[] = ['draft', 'submitted', 'approved', 'paid', 'rejected', 'returned', 'withdrawn'];
/** Where the claimant may still change the claim and (re)submit it (as the server's editableStatuses). */
export const editableStatuses: readonly ExpenseStatus[] = ['draft', 'returned', 'withdrawn'];

export function categoryOptions(t: TFunction) {
  return expenseCategories.map((category) => ({ value: category, label: t(`expenseCategory.${category}`) }));
}

export function categoryEnum(t: TFunction) {
  return Object.fromEntries(expenseCategories.map((category) => [category, { text: t(`expenseCategory.${category}`) }]));
}

export function statusEnum(t: TFunction) {
  return Object.fromEntries(expenseStatuses.map((status) => [status, { text: t(`expenseStatus.${status}`) }]));
}
