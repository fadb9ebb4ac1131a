import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { type OrderFixture, orderApi, orderFixture, setCreditLimit, setStock, stockOf } from './order.test-support.js';

let t: TestApp;
let f: OrderFixture;
let api: ReturnType<typeof orderApi>;

beforeAll(async () => {
  t = await createTestApp();
  api = orderApi(t);
  f = await orderFixture(t.database.db);
  await setCreditLimit(t.database.db, f.accountId, null);
}, 120_000);
afterAll(() => t.close());

describe('OSB-4 no oversell under concurrency', () => {
  it('OSB-4 50 one-unit orders confirmed at once against 20 in stock: exactly 20 confirmed, 30 clear out-of-stock answers, never negative', async () => {
    const sku = f.skus[0] as OrderFixture['skus'][number];
    await setStock(t.database.db, f.warehouseId, sku.id, 20);
    const ids: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const created = await api.create('ssg', {
        accountId: f.accountId,
        channel: 'phone',
        submit: true,
        lines: [{ skuId: sku.id, units: 1 }],
      });
      expect(created.json().status, created.body).toBe('awaiting_finance');
      ids.push(created.json().id);
    }
    const answers = await Promise.all(ids.map((id) => api.post('finance', `/api/orders/${id}/confirm`, {}, { 'accept-language': 'en' })));
    const confirmed = answers.filter((a) => a.statusCode === 200);
    const refused = answers.filter((a) => a.statusCode !== 200);
    expect(confirmed).toHaveLength(20);
    expect(refused).toHaveLength(30);
    for (const answer of refused) {
      expect(answer.statusCode).toBe(409);
      expect(answer.json().error.code).toBe('orders.outOfStock');
      expect(answer.json().error.message).toContain(`${sku.code} needs 1, 0 available`);
    }
    expect(await stockOf(t.database.db, f.warehouseId, sku.id)).toEqual({ onHand: 20, reserved: 20 });
    const states = await selectRows<{ status: string; n: number }>(
      t.database.db,
      sql`SELECT status, count(*)::int AS n FROM orders WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[]) GROUP BY status ORDER BY status`,
    );
    expect(states).toEqual([
      { status: 'awaiting_finance', n: 30 },
      { status: 'confirmed', n: 20 },
    ]);
    const [ledger] = await selectRows<{ reserved: number }>(
      t.database.db,
      sql`SELECT coalesce(sum(reserved_delta), 0)::int AS reserved FROM stock_movements WHERE kind = 'reservation' AND order_id = ANY(${`{${ids.join(',')}}`}::bigint[])`,
    );
    expect(ledger?.reserved).toBe(20);
  }, 180_000);
});
