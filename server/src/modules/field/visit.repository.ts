import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { attachments } from '../../platform/files/index.js';
import { accounts } from '../customers/index.js';
import { geographies, users } from '../org/index.js';
import { type VisitKind, type VisitStatus, visits } from './visit.schema.js';

export type VisitRow = typeof visits.$inferSelect;
export type NewVisit = typeof visits.$inferInsert;

export const visitEntity = 'visit';

export const visitView = {
  id: visits.id,
  visitDate: visits.visitDate,
  accountId: visits.accountId,
  accountCode: accounts.code,
  accountName: accounts.name,
  accountGrade: accounts.grade,
  repUserId: visits.repUserId,
  repName: users.displayName,
  geographyId: visits.geographyId,
  geographyName: geographies.name,
  kind: visits.kind,
  status: visits.status,
  plannedFor: visits.plannedFor,
  checkedInAt: visits.checkedInAt,
  latitude: visits.latitude,
  longitude: visits.longitude,
  purpose: visits.purpose,
  result: visits.result,
  nextStep: visits.nextStep,
  cancelReason: visits.cancelReason,
  planId: visits.planId,
  attachmentCount: sql<number>`(SELECT count(*)::int FROM ${attachments}
    WHERE ${attachments.ownerEntity} = ${visitEntity} AND ${attachments.ownerId} = ${visits.id}::text)`,
  createdAt: visits.createdAt,
  updatedAt: visits.updatedAt,
};

function selectVisits(db: Executor) {
  return db
    .select(visitView)
    .from(visits)
    .innerJoin(accounts, eq(accounts.id, visits.accountId))
    .innerJoin(users, eq(users.id, visits.repUserId))
    .leftJoin(geographies, eq(geographies.id, visits.geographyId));
}
export type VisitView = Awaited<ReturnType<typeof selectVisits>>[number];

export interface VisitFilter {
  repUserId?: number;
  accountId?: number;
  kind?: VisitKind;
  status?: VisitStatus;
  planId?: number;
  /** Shanghai days, inclusive. */
  from?: string;
  to?: string;
}

export const visitSortColumns = { visitDate: visits.visitDate, checkedInAt: visits.checkedInAt, createdAt: visits.createdAt } as const;
export type VisitSort = keyof typeof visitSortColumns;

/** A visit is the visiting user's record, and belongs to the geography of the account it was made to (ORG-4). */
export function visitScope(scope: DataScope): SQL | undefined {
  return scopeCondition(scope, { owner: visits.repUserId, geography: visits.geographyId });
}

function filterConditions(scope: DataScope, filter: VisitFilter): SQL | undefined {
  return and(
    visitScope(scope),
    filter.repUserId ? eq(visits.repUserId, filter.repUserId) : undefined,
    filter.accountId ? eq(visits.accountId, filter.accountId) : undefined,
    filter.kind ? eq(visits.kind, filter.kind) : undefined,
    filter.status ? eq(visits.status, filter.status) : undefined,
    filter.planId ? eq(visits.planId, filter.planId) : undefined,
    filter.from ? gte(visits.visitDate, filter.from) : undefined,
    filter.to ? lte(visits.visitDate, filter.to) : undefined,
  );
}

export async function listVisits(
  db: Executor,
  scope: DataScope,
  filter: VisitFilter,
  page: { limit: number; offset: number; sort: VisitSort; order: 'asc' | 'desc' },
): Promise<{ items: VisitView[]; total: number }> {
  const where = filterConditions(scope, filter);
  const direction = page.order === 'desc' ? desc : asc;
  const items = await selectVisits(db)
    .where(where)
    .orderBy(direction(visitSortColumns[page.sort]), direction(visits.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(visits).where(where);
  return { items, total: total?.n ?? 0 };
}

/**
 * The filtered, scoped list in the list's default order (newest day first),
 * page by page on a (visit_date, id) keyset, for a streaming export of any size.
 */
export async function* visitPages(db: Executor, scope: DataScope, filter: VisitFilter, pageSize = 1000): AsyncGenerator<VisitView[]> {
  const where = filterConditions(scope, filter);
  let after: { visitDate: string; id: number } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after ? sql`(${visits.visitDate}, ${visits.id}) < (${after.visitDate}::date, ${after.id})` : undefined;
    const page = await selectVisits(db).where(and(where, keyset)).orderBy(desc(visits.visitDate), desc(visits.id)).limit(pageSize);
    if (page.length === 0) return;
    yield page;
    const last = page.at(-1) as VisitView;
    after = { visitDate: last.visitDate, id: last.id };
    if (page.length < pageSize) return;
  }
}

/** Every visit of a date range in time order (calendars, work logs); the caller bounds the range. */
export function listVisitsByDay(db: Executor, scope: DataScope, filter: VisitFilter): Promise<VisitView[]> {
  return selectVisits(db)
    .where(filterConditions(scope, filter))
    .orderBy(asc(visits.visitDate), sql`coalesce(${visits.checkedInAt}, ${visits.createdAt})`, asc(visits.id));
}

/** One visit, or null when missing or outside the scope (the caller answers 404 either way). */
export async function findVisit(db: Executor, scope: DataScope, id: number): Promise<VisitView | null> {
  const [row] = await selectVisits(db).where(and(eq(visits.id, id), visitScope(scope)));
  return row ?? null;
}

export async function isVisitInScope(db: Executor, scope: DataScope, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: visits.id })
    .from(visits)
    .where(and(eq(visits.id, id), visitScope(scope)));
  return Boolean(row);
}

/** The visit row locked for a state change, so a check-in and a cancel of one visit run one after the other. */
export async function lockVisit(db: Executor, id: number): Promise<VisitRow | null> {
  const [row] = await db.select().from(visits).where(eq(visits.id, id)).for('update');
  return row ?? null;
}

export async function insertVisit(db: Executor, values: NewVisit): Promise<VisitRow> {
  const [row] = await db.insert(visits).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Changes a visit; the new values may move it to another day (a check-in on a
 * day other than the planned one), which a partitioned table handles as a
 * row moving between partitions.
 */
export async function updateVisit(db: Executor, id: number, values: Partial<NewVisit>): Promise<VisitRow> {
  const [row] = await db
    .update(visits)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(visits.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/**
 * Bulk load (demo data): the rows travel as one JSON parameter and
 * json_to_recordset spreads them, which is several times faster than a
 * statement with a parameter per field. Absent texts become '' as the
 * column defaults would have it.
 */
export async function insertVisits(db: Executor, values: NewVisit[]): Promise<void> {
  if (values.length === 0) return;
  await db.execute(sql`INSERT INTO ${visits} (visit_date, account_id, rep_user_id, geography_id, kind, status, planned_for,
      checked_in_at, latitude, longitude, purpose, result, next_step, cancel_reason, plan_id)
    SELECT "visitDate", "accountId", "repUserId", "geographyId", kind, status, "plannedFor", "checkedInAt", latitude, longitude,
      coalesce(purpose, ''), coalesce(result, ''), coalesce("nextStep", ''), "cancelReason", "planId"
    FROM json_to_recordset(${JSON.stringify(values)}::json) AS r("visitDate" date, "accountId" bigint, "repUserId" bigint,
      "geographyId" bigint, kind text, status text, "plannedFor" date, "checkedInAt" timestamptz, latitude numeric, longitude numeric,
      purpose text, result text, "nextStep" text, "cancelReason" text, "planId" bigint)`);
}
