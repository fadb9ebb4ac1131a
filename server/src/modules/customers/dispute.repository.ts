import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DataScope } from '../../platform/access/principal.js';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { approvals } from '../approvals/index.js';
import { users } from '../org/index.js';
import { accounts } from './account.schema.js';
import { accountDisputes, type DisputeStatus } from './customers.schema.js';

export type DisputeRow = typeof accountDisputes.$inferSelect;
export type NewDispute = typeof accountDisputes.$inferInsert;

const claimant = alias(users, 'claimant');
const owner = alias(users, 'owner');
const superior = alias(users, 'superior');

const disputeView = {
  id: accountDisputes.id,
  accountId: accountDisputes.accountId,
  accountCode: accounts.code,
  accountName: accounts.name,
  claimantUserId: accountDisputes.claimantUserId,
  claimantName: claimant.displayName,
  ownerUserId: accountDisputes.ownerUserId,
  ownerName: owner.displayName,
  commonSuperiorUserId: accountDisputes.commonSuperiorUserId,
  commonSuperiorName: superior.displayName,
  reason: accountDisputes.reason,
  status: accountDisputes.status,
  approvalId: accountDisputes.approvalId,
  createdAt: accountDisputes.createdAt,
  decidedAt: accountDisputes.decidedAt,
};

function selectDisputes(db: Executor) {
  return db
    .select(disputeView)
    .from(accountDisputes)
    .innerJoin(accounts, eq(accounts.id, accountDisputes.accountId))
    .innerJoin(claimant, eq(claimant.id, accountDisputes.claimantUserId))
    .leftJoin(owner, eq(owner.id, accountDisputes.ownerUserId))
    .leftJoin(superior, eq(superior.id, accountDisputes.commonSuperiorUserId));
}

export type DisputeView = Awaited<ReturnType<typeof selectDisputes>>[number];

/** A dispute concerns a manager when either rep is theirs or the account lies in their geography. */
function disputeScope(scope: DataScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.userIds.length > 0) {
    parts.push(inArray(accountDisputes.claimantUserId, scope.userIds), inArray(accountDisputes.ownerUserId, scope.userIds));
  }
  if (scope.geographyIds.length > 0) parts.push(inArray(accounts.geographyId, scope.geographyIds));
  return parts.length > 0 ? or(...parts) : sql`false`;
}

export async function listDisputes(
  db: Executor,
  scope: DataScope,
  filter: { status?: DisputeStatus; accountId?: number },
  page: { limit: number; offset: number },
) {
  const where = and(
    disputeScope(scope),
    filter.status ? eq(accountDisputes.status, filter.status) : undefined,
    filter.accountId ? eq(accountDisputes.accountId, filter.accountId) : undefined,
  );
  const items = await selectDisputes(db)
    .where(where)
    .orderBy(desc(accountDisputes.createdAt), desc(accountDisputes.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(accountDisputes)
    .innerJoin(accounts, eq(accounts.id, accountDisputes.accountId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

/** One dispute for a reader: theirs as claimant or owner, or within their scope; null otherwise. */
export async function findDispute(db: Executor, scope: DataScope, readerId: number, id: number): Promise<DisputeView | null> {
  const mine = or(eq(accountDisputes.claimantUserId, readerId), eq(accountDisputes.ownerUserId, readerId));
  const [row] = await selectDisputes(db).where(and(eq(accountDisputes.id, id), or(mine, disputeScope(scope) ?? sql`true`)));
  return row ?? null;
}

export async function lockDispute(db: Executor, id: number): Promise<DisputeRow | null> {
  const [row] = await db.select().from(accountDisputes).where(eq(accountDisputes.id, id)).for('update');
  return row ?? null;
}

export async function findOpenDispute(db: Executor, accountId: number, claimantUserId: number): Promise<DisputeRow | null> {
  const [row] = await db
    .select()
    .from(accountDisputes)
    .where(
      and(
        eq(accountDisputes.accountId, accountId),
        eq(accountDisputes.claimantUserId, claimantUserId),
        eq(accountDisputes.status, 'pending'),
      ),
    );
  return row ?? null;
}

/** Where the dispute's approval stands (a returned one may be filed again with more evidence). */
export async function approvalStatusOf(db: Executor, approvalId: number | null): Promise<string | null> {
  if (approvalId === null) return null;
  const [row] = await db.select({ status: approvals.status }).from(approvals).where(eq(approvals.id, approvalId));
  return row?.status ?? null;
}

export async function insertDispute(db: Executor, values: NewDispute): Promise<DisputeRow> {
  const [row] = await db.insert(accountDisputes).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateDispute(db: Executor, id: number, values: Partial<NewDispute>): Promise<DisputeRow> {
  const [row] = await db.update(accountDisputes).set(values).where(eq(accountDisputes.id, id)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/**
 * The lowest position above both people in the reporting tree that someone
 * holds, and its first holder: who should settle a dispute between them.
 * Their own positions do not count (two reps may share one position).
 */
export async function findCommonSuperior(db: Executor, userA: number, userB: number): Promise<{ id: number; displayName: string } | null> {
  const chain = (userId: number) => sql`WITH RECURSIVE up AS (
      SELECT p.superior_id AS id, 1 AS depth FROM users u JOIN positions p ON p.id = u.position_id
      WHERE u.id = ${userId} AND p.superior_id IS NOT NULL
      UNION ALL
      SELECT p.superior_id, up.depth + 1 FROM positions p JOIN up ON p.id = up.id
      WHERE p.superior_id IS NOT NULL AND up.depth < 64)
    SELECT id, depth FROM up`;
  const [row] = await selectRows<{ id: string | number; display_name: string }>(
    db,
    sql`SELECT u.id, u.display_name
      FROM (${chain(userA)}) a JOIN (${chain(userB)}) b ON a.id = b.id
      JOIN users u ON u.position_id = a.id AND u.status = 'active'
      ORDER BY a.depth, u.id LIMIT 1`,
  );
  return row ? { id: Number(row.id), displayName: row.display_name } : null;
}
