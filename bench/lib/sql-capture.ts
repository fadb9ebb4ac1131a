import { createHash } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../server/src/platform/db/database.js';
import * as schema from '../../server/src/platform/db/schema.js';

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/**
 * The statements a repository or service call sends, exactly as drizzle
 * renders them, so a baseline can run the very same SQL with plain `pg`.
 * The call runs for real on a short-lived pool of its own.
 */
export async function captureQueries(url: string, call: (db: Db) => Promise<unknown>): Promise<CapturedQuery[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1, options: '-c TimeZone=UTC' });
  const captured: CapturedQuery[] = [];
  const db = drizzle({ client: pool, schema, logger: { logQuery: (text, params) => captured.push({ text, params }) } }) as unknown as Db;
  try {
    await call(db);
  } finally {
    await pool.end();
  }
  return captured;
}

/** The same statement with its one parameter equal to `from` replaced by `to` (e.g. another order id). */
export function withParam(query: CapturedQuery, from: unknown, to: unknown): CapturedQuery {
  const at = query.params.indexOf(from);
  if (at < 0 || query.params.lastIndexOf(from) !== at) throw new Error(`${String(from)} is not exactly one parameter of ${query.text}`);
  return { text: query.text, params: query.params.map((param, i) => (i === at ? to : param)) };
}

/**
 * The statement as a named pg query: each connection parses and plans it once,
 * as the app's own statements are (platform/db/auto-prepare), so a baseline
 * does not pay planning the app no longer pays.
 */
export function prepared(query: CapturedQuery): pg.QueryConfig {
  return { name: `b${createHash('sha1').update(query.text).digest('base64url')}`, text: query.text, values: query.params };
}
