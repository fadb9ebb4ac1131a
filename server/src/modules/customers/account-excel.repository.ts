import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { refreshStatistics } from '../../platform/db/statistics.js';
import { geographies, users } from '../org/index.js';
import { type NewAccount, nextAccountCode } from './account.repository.js';
import { accounts } from './account.schema.js';
import { accountContacts } from './customers.schema.js';

// Bulk reads and writes of the account import (RPT-3): one query per chunk of rows, never one per row.

export function usersByUsername(db: Executor, usernames: string[]) {
  if (usernames.length === 0) return Promise.resolve([]);
  return db
    .select({ id: users.id, username: users.username, status: users.status, geographyId: users.geographyId })
    .from(users)
    .where(inArray(sql`lower(${users.username})`, usernames));
}

export function geographiesByCode(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.select({ id: geographies.id, code: geographies.code }).from(geographies).where(inArray(geographies.code, codes));
}

/** CUS-2 in bulk: the existing accounts holding any of the given duplicate keys. */
export function accountsWithKeys(db: Executor, keys: { names: string[]; creditCodes: string[]; mobiles: string[] }) {
  const matches: SQL[] = [];
  if (keys.names.length > 0) matches.push(inArray(accounts.normalizedName, keys.names));
  if (keys.creditCodes.length > 0) matches.push(inArray(accounts.creditCode, keys.creditCodes));
  if (keys.mobiles.length > 0) matches.push(inArray(accounts.mobile, keys.mobiles));
  if (matches.length === 0) return Promise.resolve([]);
  return db
    .select({
      code: accounts.code,
      name: accounts.name,
      normalizedName: accounts.normalizedName,
      creditCode: accounts.creditCode,
      mobile: accounts.mobile,
    })
    .from(accounts)
    .where(or(...matches));
}

/** A PostgreSQL array literal of text, so a whole column travels as one parameter. */
function textArray(values: readonly (string | number | null)[]): string {
  const items = values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`));
  return `{${items.join(',')}}`;
}

/**
 * One INSERT … SELECT FROM unnest(…) per chunk: one parameter per column
 * instead of one per cell, each row numbered from the account code sequence.
 */
export async function insertAccountRows(db: Executor, rows: Omit<NewAccount, 'code'>[]) {
  const column = <K extends keyof Omit<NewAccount, 'code'>>(key: K) =>
    textArray(rows.map((r) => (r[key] ?? null) as string | number | null));
  const tags = textArray(rows.map((r) => JSON.stringify(r.tags ?? [])));
  const ownedSince = textArray(rows.map((r) => (r.ownedSince instanceof Date ? r.ownedSince.toISOString() : null)));
  const result = await selectRows<{ id: string | number; normalized_name: string }>(
    db,
    sql`INSERT INTO ${accounts} (code, name, normalized_name, kind, party_type, credit_code, mobile, grade, status,
        owner_user_id, geography_id, province, city, address, source, tags, owned_since, created_by)
      SELECT ${nextAccountCode()}, r.name, r.normalized_name, r.kind, r.party_type, r.credit_code, r.mobile, r.grade, r.status,
        r.owner_user_id, r.geography_id, r.province, r.city, r.address, r.source,
        ARRAY(SELECT jsonb_array_elements_text(r.tags::jsonb)), r.owned_since, r.created_by
      FROM unnest(${column('name')}::text[], ${column('normalizedName')}::text[], ${column('kind')}::text[],
        ${column('partyType')}::text[], ${column('creditCode')}::text[], ${column('mobile')}::text[], ${column('grade')}::text[],
        ${column('status')}::text[], ${column('ownerUserId')}::bigint[], ${column('geographyId')}::bigint[],
        ${column('province')}::text[], ${column('city')}::text[], ${column('address')}::text[], ${column('source')}::text[],
        ${tags}::text[], ${ownedSince}::timestamptz[], ${column('createdBy')}::bigint[])
        AS r(name, normalized_name, kind, party_type, credit_code, mobile, grade, status, owner_user_id, geography_id,
          province, city, address, source, tags, owned_since, created_by)
      RETURNING id, normalized_name`,
  );
  return result.map((row) => ({ id: Number(row.id), normalizedName: row.normalized_name }));
}

/** After a large import the planner should know how big the account tables have become. */
export function analyzeImportedTables(db: Db): Promise<void> {
  return refreshStatistics(db, [accounts, accountContacts]);
}
