import { sql } from 'drizzle-orm';
import type { TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { creditCodeCheckChar } from './account.rules.js';

// Shared by the customers tests: look-ups on the demo company and inputs no demo account collides with.

export async function userIdOf(t: TestApp, username: string): Promise<number> {
  const [row] = await selectRows<{ id: string | number }>(t.database.db, sql`SELECT id FROM users WHERE username = ${username}`);
  if (!row) throw new Error(`no user ${username}`);
  return Number(row.id);
}

/** Accounts a demo user owns, oldest first. */
export async function accountsOwnedBy(t: TestApp, username: string, limit = 5): Promise<number[]> {
  const rows = await selectRows<{ id: string | number }>(
    t.database.db,
    sql`SELECT a.id FROM accounts a JOIN users u ON u.id = a.owner_user_id
      WHERE u.username = ${username} AND NOT a.locked ORDER BY a.id LIMIT ${limit}`,
  );
  return rows.map((r) => Number(r.id));
}

export async function geographyIdOf(t: TestApp, code: string): Promise<number> {
  const [row] = await selectRows<{ id: string | number }>(t.database.db, sql`SELECT id FROM geographies WHERE code = ${code}`);
  if (!row) throw new Error(`no geography ${code}`);
  return Number(row.id);
}

export async function countRows(t: TestApp, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await selectRows<{ n: string | number }>(t.database.db, query);
  return Number(row?.n ?? 0);
}

/** A valid credit code outside the demo's range (demo serials start at 30000000). */
export function testCreditCode(serial: number): string {
  const first17 = `91330100${String(70_000_000 + serial).slice(-8)}0`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

let sequence = 0;

/** A fresh account body: a unique name, credit code and mobile (19900…: below every number the demo generates). */
export function newAccount(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  const tag = `${process.pid % 1000}${sequence}`.padStart(6, '0').slice(-6);
  return {
    name: `测试${tag}号烟酒商行`,
    kind: 'retail_store',
    creditCode: testCreditCode(Number(tag)),
    mobile: `19900${tag}`,
    ...overrides,
  };
}
