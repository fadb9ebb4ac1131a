import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../server/src/app.js';
import { demoPassword, seedDemo } from '../../server/src/demo/seed.js';
import { loadConfig } from '../../server/src/platform/config.js';
import { type Database, openPglite, openPostgres } from '../../server/src/platform/db/database.js';

export interface RunningApp {
  app: FastifyInstance;
  /** The app's own database, for benchmarks that load data or query it directly. */
  database: Database;
  /** Its connection string when it is PostgreSQL, for baselines that bypass the app (pg, pgbench). */
  databaseUrl?: string;
  baseUrl: string;
  /** Signs a demo user in and returns the Cookie header value. */
  login(username: string): Promise<string>;
  stop(): Promise<void>;
}

/** The whole application on a fresh database holding the demo company, listening on a random port. */
export async function startApp(target: { kind: 'pglite' } | { kind: 'postgres'; url: string }): Promise<RunningApp> {
  const fresh = target.kind === 'pglite' ? await freshPglite() : await freshPostgres(target.url);
  await fresh.database.migrate();
  await seedDemo(fresh.database.db);
  const app = await buildApp({ database: fresh.database, config: loadConfig() });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    database: fresh.database,
    databaseUrl: fresh.url,
    baseUrl,
    async login(username) {
      const response = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: username, password: demoPassword }),
      });
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('salesos_sid='));
      if (response.status !== 200 || !cookie) throw new Error(`login ${username} failed: ${response.status} ${await response.text()}`);
      return cookie.split(';')[0] ?? '';
    },
    async stop() {
      await app.close();
      await fresh.database.close();
      await fresh.dispose();
    },
  };
}

interface Fresh {
  database: Database;
  url?: string;
  dispose(): Promise<void>;
}

async function freshPglite(): Promise<Fresh> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesos-bench-'));
  return { database: await openPglite(dir), dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function freshPostgres(url: string): Promise<Fresh> {
  const name = `salesos_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return {
    database: openPostgres(parsed.toString()),
    url: parsed.toString(),
    async dispose() {
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}
