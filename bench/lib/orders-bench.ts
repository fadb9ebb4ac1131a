import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { orderLines, orders } from '../../server/src/modules/orders/index.js';
import { getOrder, type OrderQuery, searchOrders } from '../../server/src/modules/orders/order.service.js';
import { createPrincipalLoader } from '../../server/src/modules/org/index.js';
import type { Principal } from '../../server/src/platform/access/principal.js';
import type { Db } from '../../server/src/platform/db/database.js';
import { selectRows } from '../../server/src/platform/db/raw.js';
import { refreshStatistics } from '../../server/src/platform/db/statistics.js';
import { addDays, shanghaiDate } from '../../server/src/platform/time.js';
import { loadAccounts } from './accounts-data.js';
import { type RunningApp, startApp } from './app.js';
import { startBareSql } from './bare.js';
import { alternate, closedLoop, driveRequests, type LoadResult, type LoadSettings, type RequestStep } from './load.js';
import { type OrderFlow, prepareOrderFlow } from './order-flow.js';
import { orderFlowScript } from './order-flow.pgbench.js';
import { loadOrderHistory } from './orders-data.js';
import { pgbench } from './pgbench.js';
import { milliseconds, printColumns, writeJson } from './report.js';
import { positive, settingsFromEnv } from './settings.js';
import { type CapturedQuery, captureQueries, prepared, withParam } from './sql-capture.js';

const scopedUser = 'mm-huadong';
const financeUser = 'finance';
/** The issue's goals: app throughput as a share of the baseline's, and the app's p99 where one is set. */
const goals = {
  read: { ratio: 0.5, p99: 10 },
  place: { ratio: 0.35 },
  list: { ratio: 0.25, p99: 25 },
} as const;
/** Placing orders is measured at 8 clients (the goal's figure), reads at BENCH_CONNECTIONS (10). */
const writeClients = 8;

interface Comparison {
  name: string;
  unit: string;
  app: LoadResult;
  baselineName: string;
  baseline: LoadResult;
  ratio: number;
  goalRatio?: number;
  goalP99?: number;
  verdict: 'PASS' | 'FAIL' | 'info';
  /** What a FAIL missed: the ratio, the p99, or failed requests. */
  missed: string[];
}

/** What every measure needs: the running app on its fresh database, the manager and finance signed in. */
interface Bench {
  running: RunningApp;
  databaseUrl: string;
  principal: Principal;
  cookies: { enter: string; finance: string };
  settings: LoadSettings;
  /** App and baseline alternate this many times (see `alternate`). */
  rounds: number;
}

function compare(
  name: string,
  unit: string,
  app: LoadResult,
  baselineName: string,
  baseline: LoadResult,
  goal?: { ratio: number; p99?: number },
): Comparison {
  const ratio = app.requestsPerSecond / baseline.requestsPerSecond;
  if (!goal) return { name, unit, app, baselineName, baseline, ratio, verdict: 'info', missed: [] };
  const missed = [
    ...(ratio < goal.ratio ? ['ratio'] : []),
    ...(goal.p99 !== undefined && app.p99 > goal.p99 ? ['p99'] : []),
    ...(app.failures > 0 ? ['failures'] : []),
  ];
  const verdict = missed.length === 0 ? 'PASS' : 'FAIL';
  return { name, unit, app, baselineName, baseline, ratio, goalRatio: goal.ratio, goalP99: goal.p99, verdict, missed };
}

const say = (text: string) => process.stdout.write(text);
const rate = (result: LoadResult, unit: string) =>
  `${result.requestsPerSecond.toFixed(0)} ${unit}/s, p99 ${milliseconds(result.p99, 1)} ms${result.failures ? `, ${result.failures} failures` : ''}`;

async function userId(db: Db, username: string): Promise<number> {
  const [row] = await selectRows<{ id: string | number }>(db, sql`SELECT id FROM users WHERE username = ${username}`);
  if (!row) throw new Error(`demo user ${username} is missing`);
  return Number(row.id);
}

async function principalOf(db: Db, id: number): Promise<Principal> {
  const loaded = await createPrincipalLoader(db)(id);
  if (!loaded) throw new Error(`user ${id} has no principal`);
  return { ...loaded, via: { kind: 'token', tokenId: 0 } };
}

async function expectStatus(response: Response, status: number, what: string): Promise<unknown> {
  const body = await response.json();
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** The app's side of a read measure: GET these paths in turn as the signed-in user. */
const appGets = (running: RunningApp, cookie: string, paths: string[]) => (now: LoadSettings) =>
  driveRequests(
    running.baseUrl,
    now,
    paths.map((path) => ({ method: 'GET', path })),
    { headers: { cookie } },
  );

/** a) One order by id through the app (session, permission, scope, its query) against bare Fastify running the same SQL with pg. */
async function measureRead({ running, databaseUrl, principal, cookies, settings, rounds }: Bench) {
  const db = running.database.db;
  const scope = principal.scope;
  const rows = await selectRows<{ id: string | number }>(
    db,
    sql`SELECT id FROM orders WHERE owner_user_id IN ${scope.userIds} OR geography_id IN ${scope.geographyIds} ORDER BY hashint8(id) LIMIT 500`,
  );
  const ids = rows.map((row) => Number(row.id));
  const probe = ids[0];
  if (probe === undefined) throw new Error(`${scopedUser} sees no orders`);
  const captured = await captureQueries(databaseUrl, (capturing) => getOrder({ db: capturing, principal }, probe));
  if (captured.length === 0) throw new Error('GET /api/orders/:id ran no query');
  // As the handler: its statements one after the other (today one, the order with its lines and checks).
  const stagesFor = (id: number) => captured.map((query) => [withParam(query, probe, id)]);
  const cookie = cookies.enter;
  await expectStatus(await fetch(`${running.baseUrl}/api/orders/${probe}`, { headers: { cookie } }), 200, 'GET /api/orders/:id');
  const bare = await startBareSql(databaseUrl, settings.connections, stagesFor);
  try {
    await expectStatus(await fetch(`${bare.url}/${probe}`), 200, 'the bare route');
    say(
      `  a) GET /api/orders/:id over ${ids.length} orders of the scope: the app, and bare Fastify running its ${captured.length} statements …`,
    );
    const [app, baseline] = await alternate(
      settings,
      rounds,
      appGets(
        running,
        cookie,
        ids.map((id) => `/api/orders/${id}`),
      ),
      (now) =>
        driveRequests(
          bare.url,
          now,
          ids.map((id) => ({ method: 'GET', path: `/${id}` })),
        ),
    );
    console.log(`\n     app ${rate(app, 'req')}; bare ${rate(baseline, 'req')}`);
    return compare(`a) GET /api/orders/:id as ${scopedUser}`, 'req', app, 'bare Fastify route, same SQL with pg', baseline, goals.read);
  } finally {
    await bare.close();
  }
}

const queryString = (query: OrderQuery) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) params.append(key, String(item));
  }
  return params.toString();
};

/** The filters a market manager uses most, each as its first page and the page after it (keyset cursor). */
async function listQueries(running: RunningApp, principal: Principal, cookie: string): Promise<OrderQuery[]> {
  const db = running.database.db;
  const today = shanghaiDate(new Date());
  const [region] = await selectRows<{ id: string | number }>(
    db,
    sql`SELECT id FROM geographies WHERE kind = 'region' AND id IN ${principal.scope.geographyIds} ORDER BY id LIMIT 1`,
  );
  const rep = await userId(db, 'rep-huadong-1');
  const firstPages: OrderQuery[] = [
    { status: ['confirmed', 'partially_shipped'], limit: 20 },
    { status: ['awaiting_finance'], limit: 20 },
    { geographyId: Number(region?.id), from: addDays(today, -90), limit: 20 },
    { ownerUserId: rep, status: ['completed'], limit: 20 },
    { from: addDays(today, -30), to: today, limit: 20 },
  ];
  const queries: OrderQuery[] = [];
  for (const first of firstPages) {
    const page = (await expectStatus(
      await fetch(`${running.baseUrl}/api/orders?${queryString(first)}`, { headers: { cookie } }),
      200,
      'GET /api/orders',
    )) as { items: unknown[]; nextCursor: string | null };
    if (!page.nextCursor) throw new Error(`GET /api/orders?${queryString(first)} has no second page (${page.items.length} items)`);
    queries.push(first, { ...first, cursor: page.nextCursor });
  }
  return queries;
}

/** c) The scoped, filtered order list with keyset paging through the app against the same SQL run directly with pg. */
async function measureList({ running, databaseUrl, principal, cookies, settings, rounds }: Bench) {
  const cookie = cookies.enter;
  const queries = await listQueries(running, principal, cookie);
  const statements: CapturedQuery[] = [];
  for (const query of queries) {
    const captured = await captureQueries(databaseUrl, (capturing) => searchOrders({ db: capturing, principal }, query));
    if (captured.length !== 1 || !captured[0]) throw new Error(`GET /api/orders ran ${captured.length} queries`);
    statements.push(captured[0]);
  }
  say(`  c) GET /api/orders, ${queries.length} filter and cursor combinations in turn: the app, and its SQL with pg …`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: settings.connections, options: '-c TimeZone=UTC' });
  try {
    const [app, baseline] = await alternate(
      settings,
      rounds,
      appGets(
        running,
        cookie,
        queries.map((query) => `/api/orders?${queryString(query)}`),
      ),
      (now) =>
        closedLoop(now, (call) => {
          const statement = statements[call % statements.length] as CapturedQuery;
          return pool.query(prepared(statement));
        }),
    );
    console.log(`\n     app ${rate(app, 'req')}; pg ${rate(baseline, 'lists')}`);
    return {
      comparison: compare(`c) GET /api/orders (filters, cursor) as ${scopedUser}`, 'req', app, 'same SQL with pg', baseline, goals.list),
      queries,
    };
  } finally {
    await pool.end();
  }
}

/** Statuses of the orders the app placed since `afterId` (pgbench notes its own): every one should have passed its checks. */
async function placedStatuses(db: Db, afterId: number): Promise<Record<string, number>> {
  const rows = await selectRows<{ status: string; count: string | number }>(
    db,
    sql`SELECT status, count(*) AS count FROM orders WHERE id > ${afterId} AND note IS NULL GROUP BY status ORDER BY status`,
  );
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

async function lastOrderId(db: Db): Promise<number> {
  const [row] = await selectRows<{ id: string | number }>(db, sql`SELECT coalesce(max(id), 0) AS id FROM orders`);
  return Number(row?.id ?? 0);
}

/**
 * b) An order placed as the real flow places it: POST /api/orders with three lines and submit: true (entry,
 * price/credit/stock checks, timeline, audit, outbox: one transaction, awaiting finance), then
 * POST /api/orders/:id/confirm by finance (reservation, stock ledger, audit: one transaction). Against pgbench
 * running the same rows and locks as hand-written SQL. Informational: entry and submit alone.
 */
async function measurePlace({ running, databaseUrl, cookies, settings, rounds }: Bench, flow: OrderFlow) {
  const db = running.database.db;
  const writeSettings = { ...settings, connections: writeClients };
  const place = (extra: Partial<RequestStep> = {}): RequestStep => ({
    method: 'POST',
    path: '/api/orders',
    headers: { cookie: cookies.enter, 'content-type': 'application/json' },
    setupRequest: path.resolve(import.meta.dirname, 'order-flow.request.cts'),
    ...extra,
  });
  const confirm: RequestStep = {
    method: 'POST',
    path: '/api/orders/:id/confirm',
    headers: { cookie: cookies.finance },
    setupRequest: path.resolve(import.meta.dirname, 'order-flow.request.cts'),
  };
  const initialContext = { accounts: flow.accounts, skus: flow.skus };
  // One order by hand first: it must pass every check and be reserved, or the measure means nothing.
  const sample = (await expectStatus(
    await fetch(`${running.baseUrl}/api/orders`, {
      method: 'POST',
      headers: { cookie: cookies.enter, 'content-type': 'application/json', 'idempotency-key': `bench-${Date.now()}` },
      body: JSON.stringify({
        accountId: flow.accounts[0],
        channel: 'field',
        submit: true,
        lines: flow.skus.slice(0, 3).map((skuId) => ({ skuId, cases: 1 })),
      }),
    }),
    201,
    'POST /api/orders',
  )) as { id: number; status: string };
  if (sample.status !== 'awaiting_finance') throw new Error(`a bench order ended ${sample.status}, not awaiting finance`);
  const confirmed = (await expectStatus(
    await fetch(`${running.baseUrl}/api/orders/${sample.id}/confirm`, { method: 'POST', headers: { cookie: cookies.finance } }),
    200,
    'POST /api/orders/:id/confirm',
  )) as { status: string };
  if (confirmed.status !== 'confirmed') throw new Error(`a confirmed bench order is ${confirmed.status}`);

  const before = await lastOrderId(db);
  const sqlFlow = (confirm: boolean) => (now: LoadSettings) =>
    pgbench(databaseUrl, now, { script: orderFlowScript(flow, confirm), clients: writeClients, protocol: 'extended' });
  say(`  b) order placed and reserved (POST /api/orders + POST …/confirm), ${writeClients} clients: the app, and pgbench …`);
  const [flowApp, flowSql] = await alternate(
    writeSettings,
    rounds,
    (now) =>
      driveRequests(running.baseUrl, now, [place({ onResponse: path.resolve(import.meta.dirname, 'order-flow.response.cts') }), confirm], {
        initialContext,
      }),
    sqlFlow(true),
  );
  // Two requests make one order.
  const placed = { ...flowApp, requestsPerSecond: flowApp.requestsPerSecond / 2, requests: Math.floor(flowApp.requests / 2) };
  const appStatuses = await placedStatuses(db, before);
  console.log(`\n     app ${rate(placed, 'orders')}; pgbench ${rate(flowSql, 'orders')}`);
  say('     informational: entry + submit alone (POST /api/orders), and its pgbench transaction …');
  const [entryApp, entrySql] = await alternate(
    writeSettings,
    rounds,
    (now) => driveRequests(running.baseUrl, now, [place()], { initialContext }),
    sqlFlow(false),
  );
  console.log(`\n     app ${rate(entryApp, 'orders')}; pgbench ${rate(entrySql, 'orders')}`);
  return {
    comparisons: [
      compare('b) order placed + reserved (2 requests)', 'orders', placed, 'pgbench, same rows and locks', flowSql, goals.place),
      compare('   entry + submit alone (1 request)', 'orders', entryApp, 'pgbench, entry transaction only', entrySql),
    ],
    appStatuses,
  };
}

function printComparisons(comparisons: Comparison[]): void {
  const header = [
    'measure',
    'app /s',
    'app p50 ms',
    'app p99 ms',
    'failures',
    'baseline /s',
    'baseline p99 ms',
    'ratio',
    'goal',
    'verdict',
  ];
  const lines = comparisons.map((c) => [
    c.name,
    c.app.requestsPerSecond.toFixed(0),
    milliseconds(c.app.p50),
    milliseconds(c.app.p99),
    String(c.app.failures),
    c.baseline.requestsPerSecond.toFixed(0),
    milliseconds(c.baseline.p99, 1),
    `${(c.ratio * 100).toFixed(1)} %`,
    c.goalRatio === undefined ? '' : `≥ ${c.goalRatio * 100} %${c.goalP99 === undefined ? '' : `, p99 ≤ ${c.goalP99} ms`}`,
    c.verdict === 'FAIL' ? `FAIL (${c.missed.join(', ')})` : c.verdict,
  ]);
  printColumns(header, lines);
}

/**
 * The order benchmarks (PostgreSQL only: they need pgbench and a million
 * orders): a fresh database with the demo company, extra accounts and the
 * order history, then a) read one order, c) list orders, b) place orders.
 */
export async function benchOrders(postgresUrl: string): Promise<void> {
  const settings = settingsFromEnv({ seconds: 10, warmupSeconds: 3, connections: 10 });
  const orderCount = positive(process.env.BENCH_ORDERS, 1_000_000);
  const accountCount = positive(process.env.BENCH_ORDER_ACCOUNTS, 20_000);
  const rounds = positive(process.env.BENCH_ROUNDS, 3);
  console.log(
    `\nOrder benchmarks on PostgreSQL: ${orderCount} orders over ${accountCount} extra accounts; ${settings.connections} connections for reads, ${writeClients} clients for writes; ${settings.warmupSeconds} s warm-up + ${settings.seconds} s per measure, in ${rounds} round${rounds === 1 ? '' : 's'} alternating with its baseline`,
  );
  const loadBefore = os.loadavg();
  const running = await startApp({ kind: 'postgres', url: postgresUrl });
  try {
    const db = running.database.db;
    const databaseUrl = running.databaseUrl;
    if (!databaseUrl) throw new Error('the app runs without a PostgreSQL URL');
    const loading = performance.now();
    await loadAccounts(db, accountCount);
    const history = await loadOrderHistory(db, orderCount);
    // A bulk load leaves no page all-visible and no statistics; autovacuum would fix both soon after in production
    // (and may be off on a test server), so VACUUM (ANALYZE) now: index-only scans and plans then look as they will in use.
    await refreshStatistics(db, [orders, orderLines]);
    const loadSeconds = (performance.now() - loading) / 1000;
    console.log(
      `  ${history.orders} orders with ${history.lines} lines over ${history.days} days loaded, VACUUM (ANALYZE) done: ${loadSeconds.toFixed(0)} s`,
    );

    const [enteredBy, confirmedBy] = [await userId(db, scopedUser), await userId(db, financeUser)];
    const principal = await principalOf(db, enteredBy);
    const [scopeRow] = await selectRows<{ count: string | number }>(
      db,
      sql`SELECT count(*) AS count FROM orders WHERE owner_user_id IN ${principal.scope.userIds} OR geography_id IN ${principal.scope.geographyIds}`,
    );
    console.log(`  ${scopedUser} sees ${Number(scopeRow?.count)} of them`);
    const cookies = { enter: await running.login(scopedUser), finance: await running.login(financeUser) };

    const bench: Bench = { running, databaseUrl, principal, cookies, settings, rounds };
    // Reads first: the placing runs add orders to the top of the manager's list.
    const read = await measureRead(bench);
    const list = await measureList(bench);
    const flow = await prepareOrderFlow(db, principal.scope, { enteredBy, confirmedBy });
    const place = await measurePlace(bench, flow);
    console.log(`  orders the app placed (every round, warm-up included), by status: ${JSON.stringify(place.appStatuses)}`);

    const comparisons = [read, list.comparison, ...place.comparisons];
    printComparisons(comparisons);
    writeJson(path.resolve(import.meta.dirname, '..', 'results', 'orders.json'), {
      data: {
        orders: history.orders,
        lines: history.lines,
        days: history.days,
        extraAccounts: accountCount,
        scopedOrders: Number(scopeRow?.count),
      },
      load: { seconds: loadSeconds, maintenance: 'VACUUM (ANALYZE)' },
      // The machine's load average before anything started (machine.load is the one at the end).
      loadBefore,
      settings,
      rounds,
      writeClients,
      pgbenchProtocol: 'extended',
      listQueries: list.queries.map(queryString),
      placedByApp: place.appStatuses,
      comparisons,
    });
  } finally {
    await running.stop();
  }
}
