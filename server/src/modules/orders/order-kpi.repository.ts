import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { type AccountKind, accounts } from '../customers/index.js';
import { type OrderStatus, orderStatuses } from './order.enums.js';
import { orderScopeColumns } from './order.repository.js';
import { orders } from './order.schema.js';

/** An order the customer actually placed: a draft was never sent (or was sent back), a cancelled one did not happen. */
export const placedStatuses: readonly OrderStatus[] = orderStatuses.filter((status) => status !== 'draft' && status !== 'cancelled');

export interface RepeatPurchaseAggregate {
  kind: AccountKind;
  /** Accounts with at least one placed order in the window. */
  accounts: number;
  /** Of those, accounts with at least two. */
  repeatAccounts: number;
}

/**
 * CUS-10 复购率 counts per account kind: the placed orders in scope entered within [start, end)
 * are counted per account (through the entry-time indexes), then the accounts are counted per kind.
 */
export async function aggregateRepeatPurchase(db: Executor, scope: DataScope, start: Date, end: Date): Promise<RepeatPurchaseAggregate[]> {
  const perAccount = db
    .select({ accountId: orders.accountId, orderCount: sql<number>`count(*)::int`.as('order_count') })
    .from(orders)
    .where(
      and(
        scopeCondition(scope, orderScopeColumns),
        inArray(orders.status, [...placedStatuses]),
        gte(orders.createdAt, start),
        lt(orders.createdAt, end),
      ),
    )
    .groupBy(orders.accountId)
    .as('per_account');
  return db
    .select({
      kind: accounts.kind,
      accounts: sql<number>`count(*)::int`,
      repeatAccounts: sql<number>`(count(*) FILTER (WHERE ${perAccount.orderCount} >= 2))::int`,
    })
    .from(perAccount)
    .innerJoin(accounts, eq(accounts.id, perAccount.accountId))
    .groupBy(accounts.kind)
    .orderBy(accounts.kind);
}
