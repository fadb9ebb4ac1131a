import { sql } from 'drizzle-orm';
import type { TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';

// Shared by the inventory tests: look-ups on the demo company and fresh warehouses of a test's own.

export async function idOf(t: TestApp, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await selectRows<{ id: string | number }>(t.database.db, query);
  if (!row) throw new Error('no row');
  return Number(row.id);
}

export const userIdOf = (t: TestApp, username: string) => idOf(t, sql`SELECT id FROM users WHERE username = ${username}`);
export const geographyIdOf = (t: TestApp, code: string) => idOf(t, sql`SELECT id FROM geographies WHERE code = ${code}`);

/** Active demo SKUs, by id. */
export async function skuIds(t: TestApp, n: number, skip = 0): Promise<number[]> {
  const rows = await selectRows<{ id: string | number }>(
    t.database.db,
    sql`SELECT id FROM skus WHERE status = 'active' ORDER BY id LIMIT ${n} OFFSET ${skip}`,
  );
  if (rows.length < n) throw new Error('not enough demo SKUs');
  return rows.map((r) => Number(r.id));
}

export async function countRows(t: TestApp, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await selectRows<{ n: string | number }>(t.database.db, query);
  return Number(row?.n ?? 0);
}

let serial = 0;

/** A new, empty warehouse managed by logistics, created through the API. */
export async function newWarehouse(t: TestApp, extra: Record<string, unknown> = {}): Promise<number> {
  serial += 1;
  const response = await t.as('admin', {
    method: 'POST',
    url: '/api/inventory/warehouses',
    payload: {
      code: `T-${serial}-${process.pid}`,
      name: `测试仓 ${serial}`,
      kind: 'regional',
      managerUserId: await userIdOf(t, 'logistics'),
      ...extra,
    },
  });
  if (response.statusCode !== 201) throw new Error(`warehouse: ${response.statusCode} ${response.body}`);
  return response.json().id;
}

export async function receive(t: TestApp, warehouseId: number, lines: { skuId: number; quantity: number }[], reference = 'RK-TEST') {
  const response = await t.as('logistics', { method: 'POST', url: '/api/inventory/receipts', payload: { warehouseId, reference, lines } });
  if (response.statusCode !== 201) throw new Error(`receipt: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function level(t: TestApp, warehouseId: number, skuId: number): Promise<{ onHand: number; reserved: number }> {
  const [row] = await selectRows<{ on_hand: number; reserved: number }>(
    t.database.db,
    sql`SELECT on_hand, reserved FROM stock_levels WHERE warehouse_id = ${warehouseId} AND sku_id = ${skuId}`,
  );
  return { onHand: Number(row?.on_hand ?? 0), reserved: Number(row?.reserved ?? 0) };
}

export async function ledgerCheck(t: TestApp) {
  const response = await t.as('admin', { method: 'GET', url: '/api/inventory/ledger-check' });
  if (response.statusCode !== 200) throw new Error(`check: ${response.statusCode} ${response.body}`);
  return response.json() as { ok: boolean; mismatches: unknown[]; overdrawnOrders: unknown[] };
}
