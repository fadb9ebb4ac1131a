import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { demoPassword } from '../src/demo/seed.js';
import { type Database, openPostgres, wrapPglite } from '../src/platform/db/database.js';
import { withDatabase } from './global-setup.js';

let counter = 0;

/** A database of this test file's own, holding the migrated demo company. */
export async function openTestDatabase(): Promise<Database> {
  const postgresTemplate = inject('postgresTemplate');
  const url = process.env.TEST_DATABASE_URL;
  if (postgresTemplate && url) {
    counter += 1;
    const name = `salesos_t${process.env.VITEST_POOL_ID ?? '0'}_${counter}_${process.ppid}_${Date.now() % 100000}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplate}`);
    await admin.end();
    const database = openPostgres(withDatabase(url, name), 5);
    return {
      ...database,
      close: async () => {
        await database.close();
        const cleaner = new pg.Client({ connectionString: url });
        await cleaner.connect();
        await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleaner.end();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  const client = await PGlite.create({ loadDataDir: blob });
  return wrapPglite(client);
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Signs in (demo password unless given) and returns the session cookie header. */
  login(username: string, password?: string): Promise<string>;
  /** app.inject with a user's cookie; the username is signed in once and remembered. */
  as(username: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** App settings for tests: files go to a temp folder of the test file, no web build is served. */
export function testConfig(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesos-data-'))) {
  return { sessionIdleMinutes: 120, sessionMaxHours: 24, cookieSecure: false, webDist: '/nonexistent', dataDir };
}

export async function createTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = testConfig();
  const dataDir = config.dataDir;
  const app = await buildApp({ database, config, background: false });
  await app.ready();
  const cookies = new Map<string, string>();
  const login = async (username: string, password = demoPassword) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: username, password } });
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'salesos_sid');
    if (!cookie) throw new Error('no session cookie');
    return `salesos_sid=${cookie.value}`;
  };
  return {
    app,
    database,
    login,
    async as(username, options) {
      let cookie = cookies.get(username);
      if (!cookie) {
        cookie = await login(username);
        cookies.set(username, cookie);
      }
      return app.inject({ ...options, headers: { ...options.headers, cookie } });
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
