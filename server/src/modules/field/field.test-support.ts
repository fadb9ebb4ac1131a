// Test support for the field module: stores of the tests' own and signed-in users for service calls.
import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import type { AccountGrade, AccountKind } from '../customers/index.js';
import { createPrincipalLoader } from '../org/index.js';

async function idOf(db: Db, query: ReturnType<typeof sql>, what: string): Promise<number> {
  const [row] = await selectRows<{ id: string | number }>(db, query);
  if (!row) throw new Error(`no ${what}`);
  return Number(row.id);
}

export const userId = (db: Db, username: string) => idOf(db, sql`SELECT id FROM users WHERE username = ${username}`, username);
export const geographyId = (db: Db, code: string) => idOf(db, sql`SELECT id FROM geographies WHERE code = ${code}`, code);

let stores = 0;

/** A store of the test's own, so the demo's stores and visits never blur what a test counts. */
export async function createStore(
  db: Db,
  options: {
    owner: string | null;
    geography: string;
    grade?: AccountGrade | null;
    kind?: AccountKind;
    status?: 'active' | 'dormant' | 'closed';
  },
): Promise<number> {
  stores += 1;
  const name = `测试门店${process.pid}-${stores}-${Math.random().toString(36).slice(2, 8)}`;
  const owner = options.owner ? await userId(db, options.owner) : null;
  return idOf(
    db,
    sql`INSERT INTO accounts (code, name, normalized_name, kind, grade, status, owner_user_id, geography_id)
      VALUES (${`T${name}`}, ${name}, ${name}, ${options.kind ?? 'retail_store'}, ${options.grade === undefined ? 'A' : options.grade},
        ${options.status ?? 'active'}, ${owner}, ${await geographyId(db, options.geography)})
      RETURNING id`,
    'store',
  );
}

/** A service context for a demo user, for calls the HTTP API cannot make (a fixed "now"). */
export async function contextOf(db: Db, username: string): Promise<ServiceContext> {
  const id = await userId(db, username);
  const loaded = await createPrincipalLoader(db)(id);
  if (!loaded) throw new Error(`${username} is not active`);
  const principal: Principal = { ...loaded, via: { kind: 'token', tokenId: 0 } };
  return { db, principal, actor: { userId: id } };
}

/** Audit rows of one record, oldest first. */
export function auditOf(db: Db, entity: string, entityId: number | string) {
  return selectRows<{ action: string; actor_user_id: string | number | null; before: unknown; after: Record<string, unknown> | null }>(
    db,
    sql`SELECT action, actor_user_id, before, after FROM audit_log WHERE entity = ${entity} AND entity_id = ${String(entityId)} ORDER BY id`,
  );
}
