// `npm run bench:accounts -w bench`: the account list scoped to mm-huadong with filters at 100k accounts, through
// the whole application (autocannon) against the same repository SQL run directly; the goal is p99 ≤ 25 ms at 10 connections.

import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type AccountFilter, listAccounts } from '../server/src/modules/customers/account.repository.js';
import { createPrincipalLoader } from '../server/src/modules/org/index.js';
import type { Db } from '../server/src/platform/db/database.js';
import { selectRows } from '../server/src/platform/db/raw.js';
import { loadAccounts } from './lib/accounts-data.js';
import { type RunningApp, startApp } from './lib/app.js';
import { closedLoop, drive, type LoadResult } from './lib/load.js';
import { milliseconds, writeJson } from './lib/report.js';
import { positive, settingsFromEnv } from './lib/settings.js';

const settings = settingsFromEnv({ seconds: 10, warmupSeconds: 2, connections: 10 });
const accountCount = positive(process.env.BENCH_ACCOUNTS, 100_000);
const goalP99 = 25;
const scopedUser = 'mm-huadong';
const filter: AccountFilter = { grade: 'A', kind: 'retail_store' };
const listUrl = '/api/customers/accounts?limit=20&grade=A&kind=retail_store';
const page = { limit: 20, offset: 0, sort: 'code', order: 'asc' } as const;

/** The handler's own queries (page, then total) through the repository, from `connections` callers at once. */
async function direct(db: Db, userId: number): Promise<LoadResult> {
  const principal = await createPrincipalLoader(db)(userId);
  if (!principal) throw new Error(`${scopedUser} has no principal`);
  return closedLoop(settings, () => listAccounts(db, principal.scope, filter, page));
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
    await loadAccounts(db, accountCount);
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

const ms = (value: number) => milliseconds(value, 1);
console.log(`\ndatabase     app req/s  app p99 ms  direct lists/s  direct p99 ms  app/direct  goal: app p99 ≤ ${goalP99} ms`);
for (const r of results) {
  const ratio = r.app.requestsPerSecond / r.direct.requestsPerSecond;
  const verdict = r.app.p99 <= goalP99 && r.app.failures === 0 ? 'PASS' : 'FAIL';
  console.log(
    `${r.database.padEnd(12)} ${r.app.requestsPerSecond.toFixed(0).padStart(9)} ${ms(r.app.p99).padStart(11)} ${r.direct.requestsPerSecond.toFixed(0).padStart(15)} ${ms(r.direct.p99).padStart(14)} ${`${(ratio * 100).toFixed(0)} %`.padStart(11)}  ${verdict}${r.app.failures ? ` (${r.app.failures} failures)` : ''}`,
  );
}
writeJson(path.resolve(import.meta.dirname, 'results', 'accounts.json'), { accountCount, settings, goalP99, results });
