import { type Column, type SQL, sql } from 'drizzle-orm';

const fieldName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A JSON array of child rows computed inside the parent's statement, so one
 * round trip reads an order with its lines and checks. Keys are the view's
 * field names; in the result bigints arrive as numbers and timestamps as ISO
 * strings with an offset (turn them back into dates where the API wants them).
 */
export function jsonRows(view: Record<string, Column | SQL>, from: SQL, orderBy: SQL): SQL<unknown[]> {
  const pairs = Object.entries(view).map(([key, value]) => {
    if (!fieldName.test(key)) throw new Error(`${key} cannot be a JSON key here`);
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  });
  return sql`(SELECT coalesce(json_agg(json_build_object(${sql.join(pairs, sql`, `)}) ORDER BY ${orderBy}), '[]'::json) ${from})`;
}
