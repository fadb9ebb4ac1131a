import { sql } from 'drizzle-orm';
import type { DataScope } from '../../server/src/platform/access/principal.js';
import type { Db } from '../../server/src/platform/db/database.js';
import { selectRows } from '../../server/src/platform/db/raw.js';
import { shipsFrom } from './orders-data.js';

/** What placed orders are made of: accounts in the entering user's scope, SKUs that are always in stock. */
export interface OrderFlow {
  accounts: number[];
  /** The warehouse each account's orders ship from, by the index of `accounts`. */
  warehouses: number[];
  skus: number[];
  unitsPerCase: number[];
  /** The national list every SKU has a price in. */
  priceListId: number;
  enteredBy: number;
  confirmedBy: number;
}

/**
 * Makes every order of the flow pass its checks, as a well-run company's
 * orders mostly do: `accountCount` active accounts of the scope get a credit
 * line no order exhausts, and `skuCount` SKUs without a minimum order get
 * stock in every warehouse that no benchmark run uses up.
 */
export async function prepareOrderFlow(
  db: Db,
  scope: DataScope,
  users: { enteredBy: number; confirmedBy: number },
  sizes = { accounts: 64, skus: 24 },
): Promise<OrderFlow> {
  if (scope.userIds.length === 0 || scope.geographyIds.length === 0) throw new Error('the entering user needs a geography scope');
  const accounts = await selectRows<{ id: string | number; warehouse_id: string | number }>(
    db,
    sql`SELECT a.id, ${shipsFrom} AS warehouse_id FROM accounts a
      WHERE a.status = 'active' AND (a.owner_user_id IN ${scope.userIds} OR a.geography_id IN ${scope.geographyIds})
      ORDER BY a.id LIMIT ${sizes.accounts}`,
  );
  const [list] = await selectRows<{ id: string | number }>(
    db,
    sql`SELECT id FROM price_lists WHERE status = 'active' AND account_kind IS NULL AND geography_id IS NULL
      ORDER BY priority DESC, valid_from DESC LIMIT 1`,
  );
  if (!list) throw new Error('no national price list');
  const skus = await selectRows<{ id: string | number; units_per_case: number }>(
    db,
    sql`SELECT s.id, s.units_per_case FROM skus s JOIN price_list_items i ON i.sku_id = s.id AND i.price_list_id = ${list.id}
      WHERE s.status = 'active' AND s.min_order_quantity IS NULL ORDER BY s.id LIMIT ${sizes.skus}`,
  );
  if (accounts.length < 8 || skus.length < 3)
    throw new Error(`too few accounts (${accounts.length}) or SKUs (${skus.length}) to place orders`);
  const accountIds = accounts.map((a) => Number(a.id));
  const skuIds = skus.map((s) => Number(s.id));
  await db.execute(sql`UPDATE accounts SET credit_limit_fen = 1000000000000 WHERE id IN ${accountIds}`);
  await db.execute(sql`INSERT INTO stock_levels (warehouse_id, sku_id) SELECT w.id, s.id FROM warehouses w, skus s
    WHERE w.active AND s.id IN ${skuIds} ON CONFLICT DO NOTHING`);
  await db.execute(sql`UPDATE stock_levels SET on_hand = on_hand + 100000000 WHERE sku_id IN ${skuIds}`);
  return {
    accounts: accountIds,
    warehouses: accounts.map((a) => Number(a.warehouse_id)),
    skus: skuIds,
    unitsPerCase: skus.map((s) => Number(s.units_per_case)),
    priceListId: Number(list.id),
    ...users,
  };
}
