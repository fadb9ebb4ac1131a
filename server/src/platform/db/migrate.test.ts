import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withDatabase } from '../../../test/global-setup.js';
import { type Database, openPostgres, wrapPglite } from './database.js';
import { selectRows } from './raw.js';

const migrationFiles = fs.readdirSync(path.resolve(import.meta.dirname, '../../../drizzle')).filter((f) => f.endsWith('.sql'));

async function migrateTwiceAndInspect(database: Database) {
  await database.migrate();
  await database.migrate();
  const tables = await selectRows<{ table_name: string }>(
    database.db,
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  const applied = await selectRows<{ n: string | number }>(database.db, sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`);
  return { tables: tables.map((t) => t.table_name), applied: Number(applied[0]?.n) };
}

describe('migrations', () => {
  it('apply to an empty embedded database, once, idempotently', async () => {
    const database = wrapPglite(await PGlite.create());
    try {
      const result = await migrateTwiceAndInspect(database);
      expect(result.applied).toBe(migrationFiles.length);
      expect(result.tables).toEqual(
        expect.arrayContaining(['users', 'positions', 'departments', 'geographies', 'audit_log', 'sessions', 'policies']),
      );
    } finally {
      await database.close();
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)('apply to an empty PostgreSQL database, once, idempotently', async () => {
    const url = process.env.TEST_DATABASE_URL as string;
    const name = `salesos_migrate_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const database = openPostgres(withDatabase(url, name), 2);
    try {
      const result = await migrateTwiceAndInspect(database);
      expect(result.applied).toBe(migrationFiles.length);
      expect(result.tables).toContain('users');
    } finally {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
