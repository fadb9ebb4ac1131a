import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { createAdmin, resetPasswordByLogin } from './cli.commands.js';
import { isEmpty, seedDemo } from './demo/seed.js';
import { openMigratedDatabase } from './platform/bootstrap.js';
import { loadConfig } from './platform/config.js';

const usage = `Usage: npm run cli -- <command> [options]
  migrate                                   apply database migrations
  seed-demo                                 load the demo company into an empty database
  create-admin --username U --password P [--name N]   create an administrator
  reset-password --username U --password P  set a user's password (ends their sessions)
  openapi <file>                            write the OpenAPI document to a file`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  });
  const config = loadConfig();
  if (!command || command === 'help') {
    console.log(usage);
    return;
  }
  const database = await openMigratedDatabase(config);
  try {
    switch (command) {
      case 'migrate':
        console.log('migrations applied');
        break;
      case 'seed-demo':
        if (!(await isEmpty(database.db))) throw new Error('the database already has users; the demo loads only into an empty one');
        await seedDemo(database.db);
        console.log('demo company loaded');
        break;
      case 'create-admin':
        if (!values.username || !values.password) throw new Error('--username and --password are required');
        await createAdmin(database.db, {
          username: values.username,
          password: values.password,
          displayName: values.name ?? values.username,
        });
        console.log(`administrator ${values.username} created`);
        break;
      case 'reset-password':
        if (!values.username || !values.password) throw new Error('--username and --password are required');
        await resetPasswordByLogin(database.db, values.username, values.password);
        console.log(`password of ${values.username} reset`);
        break;
      case 'openapi': {
        const target = path.resolve(positionals[0] ?? 'openapi.json');
        const app = await buildApp({ database, config, background: false });
        await app.ready();
        fs.writeFileSync(target, `${JSON.stringify(app.swagger(), null, 2)}\n`);
        await app.close();
        console.log(`OpenAPI written to ${target}`);
        break;
      }
      default:
        throw new Error(`unknown command ${command}\n${usage}`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
