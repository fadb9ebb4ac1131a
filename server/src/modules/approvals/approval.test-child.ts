/**
 * The server as a child process for the crash test (approval.crash.test.ts):
 * the real app on a PGlite DATA_DIR, plus the tests' request type and a
 * consumer of approval.decided that records each delivery in a table and says
 * so on stdout. BACKGROUND=0 keeps the dispatcher off, so a decision is
 * certainly still undelivered when the test kills the process.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.js';
import { openMigratedDatabase } from '../../platform/bootstrap.js';
import { subscribe } from '../../platform/events/index.js';
import type { ApprovalDecidedPayload } from './approval.flow.js';
import { fileRequest, userIdsByName } from './approval.test-support.js';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR is required');
const database = await openMigratedDatabase({ dataDir, databaseUrl: undefined });
await database.db.execute(sql`CREATE TABLE IF NOT EXISTS crash_outcomes (approval_id bigint NOT NULL, outcome text NOT NULL)`);

subscribe<ApprovalDecidedPayload>({
  consumer: 'test.crash',
  type: 'approval.decided',
  handle: async (tx, event) => {
    if (event.payload.type !== 'test.request') return;
    await tx.execute(sql`INSERT INTO crash_outcomes VALUES (${event.payload.approvalId}, ${event.payload.outcome})`);
    // Runs before the commit; the test only trusts the table, read after a clean shutdown.
    process.stdout.write(`${JSON.stringify({ handled: event.payload.approvalId })}\n`);
  },
});

const requester = process.env.FILE_FOR;
const approvalId = requester ? (await fileRequest(database.db, (await userIdsByName(database.db)).get(requester) ?? 0)).approvalId : null;
const app = await buildApp({
  database,
  config: { sessionIdleMinutes: 120, sessionMaxHours: 24, cookieSecure: false, webDist: '/nonexistent', dataDir },
  background: process.env.BACKGROUND !== '0',
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' ? address?.port : null, approvalId })}\n`);

process.once('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
