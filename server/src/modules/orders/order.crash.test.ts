import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { demoPassword } from '../../demo/seed.js';
import { wrapPglite } from '../../platform/db/database.js';
import { orderFixture, setCreditLimit } from './order.test-support.js';

const child = path.join(import.meta.dirname, 'order.test-child.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesos-order-crash-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const server of running) server.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startServer() {
  const server = spawn(process.execPath, ['--import', 'tsx', child], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.push(server);
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const ready = new Promise<number>((resolve, reject) => {
    let buffered = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('{"port"'));
      if (line) resolve(JSON.parse(line).port);
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { server, ready, exited };
}

async function login(base: string, user: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: user, password: demoPassword }),
  });
  return response.headers.get('set-cookie')?.split(';')[0] ?? '';
}

// The child runs on its own PGlite directory; PostgreSQL durability is PostgreSQL's own.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('OSB-1 a killed process loses no acknowledged order', () => {
  it('OSB-1 SIGKILL under order-entry load: every acknowledged order exists with its lines and audit row, every acknowledged confirmation with its reservation; no order lacks lines', async () => {
    const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    const setup = await PGlite.create({ dataDir, loadDataDir: template });
    const fixture = await orderFixture(wrapPglite(setup).db);
    await setCreditLimit(wrapPglite(setup).db, fixture.accountId, null);
    await setup.close();

    const { server, ready, exited } = startServer();
    const base = `http://127.0.0.1:${await ready}`;
    const ssg = await login(base, 'ssg');
    const finance = await login(base, 'finance');
    const [a, b] = fixture.skus;
    const created = new Map<number, number>(); // order id → line count
    const confirmed = new Set<number>();
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i += 1) {
        const lines =
          i % 2 === 0
            ? [{ skuId: a?.id, units: 1 }]
            : [
                { skuId: a?.id, units: 1 },
                { skuId: b?.id, units: 2 },
              ];
        try {
          const response = await fetch(`${base}/api/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: ssg, 'idempotency-key': `crash-${w}-${i}` },
            body: JSON.stringify({ accountId: fixture.accountId, channel: 'phone', submit: true, lines }),
          });
          if (response.status !== 201) continue;
          const order = (await response.json()) as { id: number; status: string };
          created.set(order.id, lines.length);
          if (order.status !== 'awaiting_finance') continue;
          const confirm = await fetch(`${base}/api/orders/${order.id}/confirm`, { method: 'POST', headers: { cookie: finance } });
          if (confirm.status === 200) confirmed.add(order.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    while (created.size < 12) await new Promise((resolve) => setTimeout(resolve, 20));
    server.kill('SIGKILL');
    stop = true;
    await exited;
    await Promise.all(workers);
    expect(created.size).toBeGreaterThanOrEqual(12);

    const client = await PGlite.create({ dataDir });
    try {
      const ids = [...created.keys()];
      const rows = await client.query<{ id: number; lines: number; audits: number; status: string; reservations: number }>(
        `SELECT o.id::int, o.status,
           (SELECT count(*)::int FROM order_lines l WHERE l.order_id = o.id) AS lines,
           (SELECT count(*)::int FROM audit_log a WHERE a.entity = 'order' AND a.entity_id = o.id::text AND a.action = 'create') AS audits,
           (SELECT count(*)::int FROM stock_movements m WHERE m.order_id = o.id AND m.kind = 'reservation') AS reservations
         FROM orders o WHERE o.id = ANY($1::bigint[]) ORDER BY o.id`,
        [ids],
      );
      expect(rows.rows.map((r) => r.id)).toEqual(ids.sort((x, y) => x - y));
      for (const row of rows.rows) {
        expect(row.lines).toBe(created.get(row.id));
        expect(row.audits).toBe(1);
        if (confirmed.has(row.id)) {
          expect(row.status).toBe('confirmed');
          expect(row.reservations).toBe(row.lines);
        }
      }
      const orphans = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)
           OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'order' AND a.entity_id = o.id::text)
           OR (o.status = 'confirmed' AND NOT EXISTS (SELECT 1 FROM stock_movements m WHERE m.order_id = o.id AND m.kind = 'reservation'))`,
      );
      expect(orphans.rows[0]?.n).toBe(0);
      const ledger = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM stock_levels l LEFT JOIN (SELECT warehouse_id, sku_id, sum(on_hand_delta) oh, sum(reserved_delta) rs
           FROM stock_movements GROUP BY 1, 2) m USING (warehouse_id, sku_id) WHERE l.on_hand <> coalesce(m.oh, 0) OR l.reserved <> coalesce(m.rs, 0)`,
      );
      expect(ledger.rows[0]?.n).toBe(0);
    } finally {
      await client.close();
    }
  }, 180_000);
});
