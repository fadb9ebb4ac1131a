/**
 * The server as a child process for the order crash test (order.crash.test.ts):
 * the real app on a PGlite DATA_DIR, listening on a free port it prints as
 * the first line. The test kills it with SIGKILL while orders are coming in.
 */
import { buildApp } from '../../app.js';
import { openMigratedDatabase } from '../../platform/bootstrap.js';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR is required');
const database = await openMigratedDatabase({ dataDir, databaseUrl: undefined });
const app = await buildApp({
  database,
  config: { sessionIdleMinutes: 120, sessionMaxHours: 24, cookieSecure: false, webDist: '/nonexistent', dataDir },
  background: false,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' ? address?.port : null })}\n`);
