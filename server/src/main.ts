import { buildApp } from './app.js';
import { demoLogins, demoPassword, isEmpty, seedDemo } from './demo/seed.js';
import { openMigratedDatabase } from './platform/bootstrap.js';
import { loadConfig } from './platform/config.js';

const config = loadConfig();
const database = await openMigratedDatabase(config);

// The embedded database gets the demo company on its first start; a server database only when asked.
const wantsDemo = config.seedDemo || !config.databaseUrl;
let seeded = false;
if (wantsDemo && (await isEmpty(database.db))) {
  await seedDemo(database.db);
  seeded = true;
}

const app = await buildApp({ database, config, logger: { level: config.logLevel } });
await app.listen({ port: config.port, host: config.host });

const url = `http://${config.host}:${config.port}`;
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
const lines = [
  '',
  `  Sales OS is running at ${url}`,
  `  API docs: ${url}/docs    database: ${where}${seeded ? ' (demo company loaded)' : ''}`,
];
if (wantsDemo || seeded) {
  lines.push(`  Demo logins (password ${demoPassword}):`);
  for (const [login, role] of demoLogins) lines.push(`    ${login.padEnd(14)} ${role}`);
}
console.log(lines.join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
