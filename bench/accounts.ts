// `npm run bench:accounts -w bench`: the account list scoped to mm-huadong with filters at 100k accounts, through
// the whole application (autocannon) against the same repository SQL run directly; the goal is p99 ≤ 25 ms at 10 connections.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type AccountFilter, listAccounts } from '../server/src/modules/customers/account.repository.js';
import { createPrincipalLoader } from '../server/src/modules/org/index.js';
import type { Db } from '../server/src/platform/db/database.js';
import { selectRows } from '../server/src/platform/db/raw.js';
import { refreshStatistics } from '../server/src/platform/db/statistics.js';
import { type RunningApp, startApp } from './lib/app.js';
import { drive, type LoadResult, type LoadSettings } from './lib/load.js';

function positive(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

const settings: LoadSettings = {
  seconds: positive(process.env.BENCH_SECONDS, 10),
  warmupSeconds: positive(process.env.BENCH_WARMUP_SECONDS, 2),
  connections: positive(process.env.BENCH_CONNECTIONS, 10),
};
const accountCount = positive(process.env.BENCH_ACCOUNTS, 100_000);
const goalP99 = 25;
const scopedUser = 'mm-huadong';
const filter: AccountFilter = { grade: 'A', kind: 'retail_store' };
const listUrl = '/api/customers/accounts?limit=20&grade=A&kind=retail_store';
const page = { limit: 20, offset: 0, sort: 'code', order: 'asc' } as const;

/**
 * 100k accounts in one INSERT … SELECT: spread over every territory and its rep (one in ten in the pool),
 * the kinds and grades of a real archive, so a market manager's filtered list has to pick from thousands.
 */
async function loadAccounts(db: Db): Promise<void> {
  await db.execute(sql`
    WITH territory AS (
      SELECT id, owner_user_id, row_number() OVER (ORDER BY id) - 1 AS slot, count(*) OVER () AS total
      FROM geographies WHERE kind = 'territory')
    INSERT INTO accounts (code, name, normalized_name, kind, grade, status, owner_user_id, geography_id, city, source, tags,
      last_follow_up_at, owned_since, pool_entered_at)
    SELECT 'BK' || lpad(n::text, 7, '0'), '基准客户' || n || '号商行', 'bench' || n,
      (ARRAY['retail_store', 'retail_store', 'retail_store', 'retail_store', 'key_account', 'end_user', 'distributor'])[1 + n % 7],
      (ARRAY['A', 'B', 'B', 'C', 'C', 'D', 'D'])[1 + (n / 7) % 7],
      CASE WHEN n % 41 = 0 THEN 'dormant' ELSE 'active' END,
      CASE WHEN n % 10 = 0 THEN NULL ELSE t.owner_user_id END,
      t.id, '基准市', 'import', CASE WHEN n % 9 = 0 THEN ARRAY['团购'] ELSE '{}'::text[] END,
      now() - make_interval(days => n % 40), CASE WHEN n % 10 = 0 THEN NULL ELSE now() END,
      CASE WHEN n % 10 = 0 THEN now() ELSE NULL END
    FROM generate_series(1, ${accountCount}) AS n JOIN territory t ON t.slot = n % t.total`);
  await refreshStatistics(db);
}

/** The handler's own queries (page, then total) through the repository, from `connections` callers at once. */
async function direct(db: Db, userId: number): Promise<LoadResult> {
  const principal = await createPrincipalLoader(db)(userId);
  if (!principal) throw new Error(`${scopedUser} has no principal`);
  const once = () => listAccounts(db, principal.scope, filter, page);
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    const until = performance.now() + seconds * 1000;
    const caller = async () => {
      while (performance.now() < until) {
        const started = performance.now();
        await once();
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: settings.connections }, caller));
    return { latencies, seconds: (performance.now() - started) / 1000 };
  };
  await run(settings.warmupSeconds);
  const { latencies, seconds } = await run(settings.seconds);
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? 0;
  return { requestsPerSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), requests: latencies.length, failures: 0 };
}

interface Measure {
  database: string;
  total: number;
  app: LoadResult;
  direct: LoadResult;
}

async function measure(label: string, target: Parameters<typeof startApp>[0]): Promise<Measure> {
  console.log(`\n${label}: fresh database with the demo company …`);
  const running: RunningApp = await startApp(target);
  try {
    const db = running.database.db;
    const loading = performance.now();
    await loadAccounts(db);
    console.log(`  ${accountCount} accounts loaded and analyzed in ${((performance.now() - loading) / 1000).toFixed(1)} s`);
    const cookie = await running.login(scopedUser);
    const probe = await fetch(`${running.baseUrl}${listUrl}`, { headers: { cookie } });
    const first = (await probe.json()) as { items?: unknown[]; total?: number };
    if (probe.status !== 200 || !first.items?.length) throw new Error(`${listUrl} as ${scopedUser} answered ${probe.status}`);
    console.log(`  ${scopedUser} sees ${first.total} accounts matching grade A, retail store`);
    process.stdout.write('  through the app …');
    const app = await drive(`${running.baseUrl}${listUrl}`, settings, { cookie });
    console.log(` ${app.requestsPerSecond.toFixed(0)} req/s, p99 ${app.p99} ms`);
    const [user] = await selectRows<{ id: string | number }>(db, sql`SELECT id FROM users WHERE username = ${scopedUser}`);
    process.stdout.write('  the same SQL directly …');
    const straight = await direct(db, Number(user?.id));
    console.log(` ${straight.requestsPerSecond.toFixed(0)} lists/s, p99 ${straight.p99.toFixed(1)} ms`);
    return { database: label, total: first.total ?? 0, app, direct: straight };
  } finally {
    await running.stop();
  }
}

console.log(
  `Account list benchmark: ${accountCount} accounts, ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s per measure`,
);
const results = [await measure('PGlite', { kind: 'pglite' })];
const postgresUrl = process.env.BENCH_DATABASE_URL || undefined;
if (postgresUrl) results.push(await measure('PostgreSQL', { kind: 'postgres', url: postgresUrl }));

const ms = (value: number) => (value < 1 ? '< 1' : value.toFixed(1));
console.log(`\ndatabase     app req/s  app p99 ms  direct lists/s  direct p99 ms  app/direct  goal: app p99 ≤ ${goalP99} ms`);
for (const r of results) {
  const ratio = r.app.requestsPerSecond / r.direct.requestsPerSecond;
  const verdict = r.app.p99 <= goalP99 && r.app.failures === 0 ? 'PASS' : 'FAIL';
  console.log(
    `${r.database.padEnd(12)} ${r.app.requestsPerSecond.toFixed(0).padStart(9)} ${ms(r.app.p99).padStart(11)} ${r.direct.requestsPerSecond.toFixed(0).padStart(15)} ${ms(r.direct.p99).padStart(14)} ${`${(ratio * 100).toFixed(0)} %`.padStart(11)}  ${verdict}${r.app.failures ? ` (${r.app.failures} failures)` : ''}`,
  );
}
const out = path.resolve(import.meta.dirname, 'results', 'accounts.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
const machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, load: os.loadavg() };
fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), machine, accountCount, settings, goalP99, results }, null, 2)}\n`);
console.log(`\nResults written to ${path.relative(process.cwd(), out)}`);
