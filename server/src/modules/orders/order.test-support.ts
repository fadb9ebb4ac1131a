import { sql } from 'drizzle-orm';
import type { TestApp } from '../../../test/helpers.js';
import type { Db } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { geographyPath } from '../org/index.js';
import { resolvePrices } from '../products/index.js';
import { defaultWarehouseFor } from './inventory.service.js';

/** What the order tests work with: an account of rep-huadong-1, its warehouse and a few SKUs it has prices for. */
export interface OrderFixture {
  accountId: number;
  accountCode: string;
  geographyId: number;
  warehouseId: number;
  /** Untracked SKUs with their list and floor price for this account. */
  skus: { id: number; code: string; unitsPerCase: number; listPriceFen: number; floorPriceFen: number }[];
  /** A SKU whose shipments must record batch or unit codes. */
  tracked: { id: number; code: string; unitsPerCase: number; listPriceFen: number; floorPriceFen: number };
}

type Row = Record<string, string | number | boolean | null>;

export async function orderFixture(db: Db, owner = 'rep-huadong-1', offset = 0): Promise<OrderFixture> {
  const [account] = await selectRows<Row>(
    db,
    sql`SELECT a.id, a.code, a.kind, a.geography_id FROM accounts a JOIN users u ON u.id = a.owner_user_id
      WHERE u.username = ${owner} AND a.status = 'active' AND a.geography_id IS NOT NULL ORDER BY a.id OFFSET ${offset} LIMIT 1`,
  );
  if (!account) throw new Error(`no active account of ${owner}`);
  const path = await geographyPath(db, Number(account.geography_id));
  const warehouseId = await defaultWarehouseFor(db, path);
  if (warehouseId === null) throw new Error('no warehouse serves the account');
  const candidates = await selectRows<Row>(
    db,
    sql`SELECT id, code, units_per_case, tracks_codes FROM skus WHERE status = 'active' AND min_order_quantity IS NULL ORDER BY id`,
  );
  const prices = await resolvePrices(db, {
    accountKind: String(account.kind),
    geographyPath: path,
    onDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    skuIds: candidates.map((c) => Number(c.id)),
  });
  // Room between floor and list for a 6 % discount, so price rules can be tested one at a time.
  const priced = candidates
    .filter((c) => {
      const price = prices.get(Number(c.id));
      return price !== undefined && price.unitPriceFen >= 1000 && price.floorPriceFen <= price.unitPriceFen * 0.92;
    })
    .map((c) => {
      const price = prices.get(Number(c.id));
      return {
        id: Number(c.id),
        code: String(c.code),
        unitsPerCase: Number(c.units_per_case),
        tracks: Boolean(c.tracks_codes),
        listPriceFen: price?.unitPriceFen ?? 0,
        floorPriceFen: price?.floorPriceFen ?? 0,
      };
    });
  const untracked = priced.filter((s) => !s.tracks).map(({ tracks: _t, ...s }) => s);
  const tracked = priced.find((s) => s.tracks);
  if (untracked.length < 3 || !tracked) throw new Error('the demo catalog lacks priced SKUs');
  const { tracks: _t, ...trackedSku } = tracked;
  return {
    accountId: Number(account.id),
    accountCode: String(account.code),
    geographyId: Number(account.geography_id),
    warehouseId,
    skus: untracked.slice(0, 3),
    tracked: trackedSku,
  };
}

/** Sets a SKU's stock in a warehouse to exactly this many units, none reserved, with the adjustment in the ledger. */
export async function setStock(db: Db, warehouseId: number, skuId: number, onHand: number): Promise<void> {
  await db.execute(sql`INSERT INTO stock_movements (warehouse_id, sku_id, kind, on_hand_delta, reserved_delta, note)
    SELECT ${warehouseId}, ${skuId}, 'adjustment', ${onHand} - coalesce(on_hand, 0), -coalesce(reserved, 0), 'test'
    FROM (SELECT 1) one LEFT JOIN stock_levels ON warehouse_id = ${warehouseId} AND sku_id = ${skuId}
    WHERE ${onHand} - coalesce(on_hand, 0) <> 0 OR coalesce(reserved, 0) <> 0`);
  await db.execute(sql`INSERT INTO stock_levels (warehouse_id, sku_id, on_hand, reserved) VALUES (${warehouseId}, ${skuId}, ${onHand}, 0)
    ON CONFLICT (warehouse_id, sku_id) DO UPDATE SET on_hand = ${onHand}, reserved = 0`);
}

export async function stockOf(db: Db, warehouseId: number, skuId: number): Promise<{ onHand: number; reserved: number }> {
  const [row] = await selectRows<Row>(
    db,
    sql`SELECT on_hand, reserved FROM stock_levels WHERE warehouse_id = ${warehouseId} AND sku_id = ${skuId}`,
  );
  return { onHand: Number(row?.on_hand ?? 0), reserved: Number(row?.reserved ?? 0) };
}

/** null = cash only. */
export async function setCreditLimit(db: Db, accountId: number, limitFen: number | null): Promise<void> {
  await db.execute(sql`UPDATE accounts SET credit_limit_fen = ${limitFen} WHERE id = ${accountId}`);
}

export async function pendingApprovers(db: Db, approvalId: number): Promise<string[]> {
  const rows = await selectRows<{ username: string }>(
    db,
    sql`SELECT u.username FROM approval_tasks k JOIN users u ON u.id = k.approver_id
      WHERE k.approval_id = ${approvalId} AND k.status = 'pending' ORDER BY u.username`,
  );
  return rows.map((r) => r.username);
}

export async function auditActions(db: Db, entity: string, id: number): Promise<string[]> {
  const rows = await selectRows<{ action: string }>(
    db,
    sql`SELECT action FROM audit_log WHERE entity = ${entity} AND entity_id = ${String(id)} ORDER BY id`,
  );
  return rows.map((r) => r.action);
}

export function orderApi(t: TestApp) {
  return {
    create: (user: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
      t.as(user, { method: 'POST', url: '/api/orders', payload, headers }),
    get: (user: string, id: number, headers: Record<string, string> = {}) =>
      t.as(user, { method: 'GET', url: `/api/orders/${id}`, headers }),
    post: (user: string, url: string, payload: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      t.as(user, { method: 'POST', url, payload, headers }),
  };
}
