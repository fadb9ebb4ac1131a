// `npm run bench`: bare Fastify against the whole application, each as a share of the bare route's throughput.
import path from 'node:path';
import { type RunningApp, startApp } from './lib/app.js';
import { startBare } from './lib/bare.js';
import { drive, type LoadResult } from './lib/load.js';
import { benchOrders } from './lib/orders-bench.js';
import { printTable, type Row, rowOf, writeResults } from './lib/report.js';
import { settingsFromEnv } from './lib/settings.js';

const settings = settingsFromEnv({ seconds: 5, warmupSeconds: 1, connections: 10 });
const postgresUrl = process.env.BENCH_DATABASE_URL || undefined;
const scopedUser = 'mm-huadong';
const scopedList = '/api/org/users?limit=20';

async function measure(name: string, url: string, headers?: Record<string, string>): Promise<LoadResult> {
  process.stdout.write(`  ${name} …`);
  const result = await drive(url, settings, headers);
  console.log(` ${result.requestsPerSecond.toFixed(0)} req/s`);
  return result;
}

/** Health through every plugin, then the scoped list as a signed-in market manager. */
async function measureApp(label: string, running: RunningApp, baseline: LoadResult): Promise<Row[]> {
  const cookie = await running.login(scopedUser);
  const probe = await fetch(`${running.baseUrl}${scopedList}`, { headers: { cookie } });
  const page = (await probe.json()) as { items?: unknown[] };
  if (probe.status !== 200 || !page.items?.length) throw new Error(`${scopedList} as ${scopedUser} answered ${probe.status}`);
  const health = await measure(`health (${label})`, `${running.baseUrl}/api/health`);
  const users = await measure(`users as ${scopedUser} (${label})`, `${running.baseUrl}${scopedList}`, { cookie });
  return [
    rowOf(`GET /api/health, full stack (${label})`, health, baseline, true),
    rowOf(`GET ${scopedList} as ${scopedUser} (${label})`, users, baseline, false),
  ];
}

async function withApp<T>(target: Parameters<typeof startApp>[0], use: (running: RunningApp) => Promise<T>): Promise<T> {
  const running = await startApp(target);
  try {
    return await use(running);
  } finally {
    await running.stop();
  }
}

console.log(
  `Sales OS benchmark: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s per measure`,
);
const bare = await startBare();
const baseline = await measure('bare Fastify', bare.url).finally(() => bare.app.close());
const rows: Row[] = [rowOf('GET / on bare Fastify (baseline)', baseline, baseline, false)];
rows.push(...(await withApp({ kind: 'pglite' }, (running) => measureApp('PGlite', running, baseline))));
if (postgresUrl)
  rows.push(...(await withApp({ kind: 'postgres', url: postgresUrl }, (running) => measureApp('PostgreSQL', running, baseline))));

printTable(rows);
writeResults(path.resolve(import.meta.dirname, 'results', 'latest.json'), settings, rows);
// The order benchmarks compare against pgbench and need a million orders, so they run on PostgreSQL only.
if (postgresUrl) await benchOrders(postgresUrl);
