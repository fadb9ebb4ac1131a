import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers.js';
import { buildApp } from '../../app.js';
import { demoPassword } from '../../demo/seed.js';
import { type Database, wrapPglite } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { type DomainEvent, dispatchPendingEvents, subscribe } from '../../platform/events/index.js';
import type { ApprovalDecidedPayload } from './approval.flow.js';
import { fileRequest, userIdsByName } from './approval.test-support.js';

/**
 * The contract's promise to owning modules: approval.decided reaches each
 * subscriber exactly once, even across concurrent dispatchers, a handler
 * failure, or the process going away between the decision and the dispatch.
 */
let database: Database;
let ids: Map<string, number>;
const unsubscribes: (() => void)[] = [];
const quiet = { warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  database = await openTestDatabase();
  ids = await userIdsByName(database.db);
  await database.db.execute(sql`CREATE TABLE test_outcomes (approval_id bigint NOT NULL, outcome text NOT NULL)`);
});
afterEach(() => {
  for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
});
afterAll(() => database.close());

const id = (username: string) => ids.get(username) ?? 0;

/** The owning module's side: record the outcome in the delivery's transaction. */
function outcomeRecorder(consumer: string, failOnceFor = new Set<number>()) {
  unsubscribes.push(
    subscribe<ApprovalDecidedPayload>({
      consumer,
      type: 'approval.decided',
      handle: async (tx, event: DomainEvent<ApprovalDecidedPayload>) => {
        if (event.payload.type !== 'test.request') return;
        await tx.execute(sql`INSERT INTO test_outcomes VALUES (${event.payload.approvalId}, ${event.payload.outcome})`);
        if (failOnceFor.delete(event.payload.approvalId)) throw new Error('claim table locked');
      },
    }),
  );
}

const outcomes = async (db: Database['db'], approvalId: number) =>
  (await selectRows<{ outcome: string }>(db, sql`SELECT outcome FROM test_outcomes WHERE approval_id = ${approvalId}`)).map(
    (r) => r.outcome,
  );

const config = { sessionIdleMinutes: 120, sessionMaxHours: 24, cookieSecure: false, webDist: '/nonexistent', dataDir: '/nonexistent' };

async function approveAs(app: FastifyInstance, username: string, approvalId: number) {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: username, password: demoPassword } });
  const cookie = login.cookies.find((c) => c.name === 'salesos_sid');
  const response = await app.inject({
    method: 'POST',
    url: `/api/approvals/${approvalId}/approve`,
    headers: { cookie: `salesos_sid=${cookie?.value}` },
    payload: {},
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('APR-1 approval.decided is delivered exactly once', () => {
  it('APR-1 two dispatchers racing after an approval deliver the outcome once', async () => {
    outcomeRecorder('test.outcomes');
    const app = await buildApp({ database, config, background: false });
    const { approvalId } = await fileRequest(database.db, id('rep-huadong-1'));
    expect((await approveAs(app, 'am-huadong-1', approvalId)).status).toBe('approved');
    await app.close();
    const delivered = await Promise.all([
      dispatchPendingEvents(database.db, { log: quiet }),
      dispatchPendingEvents(database.db, { log: quiet }),
    ]);
    expect(delivered.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await outcomes(database.db, approvalId)).toEqual(['approved']);
    await dispatchPendingEvents(database.db, { log: quiet });
    expect(await outcomes(database.db, approvalId)).toEqual(['approved']);
  });

  it('APR-1 a handler failing on its first attempt is rolled back and delivered on the next pass', async () => {
    const { approvalId } = await fileRequest(database.db, id('rep-huadong-2'));
    outcomeRecorder('test.flaky-outcomes', new Set([approvalId]));
    const app = await buildApp({ database, config, background: false });
    await approveAs(app, 'am-huadong-1', approvalId);
    await app.close();
    await dispatchPendingEvents(database.db, { log: quiet });
    expect(await outcomes(database.db, approvalId)).toEqual([]);
    await dispatchPendingEvents(database.db, { log: quiet });
    expect(await outcomes(database.db, approvalId)).toEqual(['approved']);
  });

  it('APR-1 the process goes away after deciding: a new app on the same database delivers the outcome once', async () => {
    const { approvalId } = await fileRequest(database.db, id('rep-huadong-1'));
    const first = await buildApp({ database, config, background: false });
    await approveAs(first, 'am-huadong-1', approvalId);
    await first.close();

    // Nothing survives but the database: on PGlite its files are copied into a fresh instance.
    let restarted: Database = database;
    if (database.kind === 'pglite') {
      const client = (database.db as unknown as { $client: PGlite }).$client;
      restarted = wrapPglite(await PGlite.create({ loadDataDir: await client.dumpDataDir('none') }));
    }
    try {
      outcomeRecorder('test.after-restart');
      const second = await buildApp({ database: restarted, config, background: false });
      await second.ready();
      await dispatchPendingEvents(restarted.db, { log: quiet });
      await dispatchPendingEvents(restarted.db, { log: quiet });
      await second.close();
      expect(await outcomes(restarted.db, approvalId)).toEqual(['approved']);
      const [delivery] = await selectRows<{ n: number }>(
        restarted.db,
        sql`SELECT count(*)::int AS n FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id
          WHERE d.consumer = 'test.after-restart' AND e.type = 'approval.decided' AND (e.payload ->> 'approvalId')::bigint = ${approvalId}`,
      );
      expect(delivery?.n).toBe(1);
    } finally {
      if (restarted !== database) await restarted.close();
    }
  });
});
