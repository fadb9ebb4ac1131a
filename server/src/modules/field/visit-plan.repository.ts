import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { geographies, users } from '../org/index.js';
import { type VisitPlanStatus, visitPlans, visits } from './visit.schema.js';

export type VisitPlanRow = typeof visitPlans.$inferSelect;
export type NewVisitPlan = typeof visitPlans.$inferInsert;

const planView = {
  id: visitPlans.id,
  repUserId: visitPlans.repUserId,
  repName: users.displayName,
  geographyId: visitPlans.geographyId,
  geographyName: geographies.name,
  weekStart: visitPlans.weekStart,
  status: visitPlans.status,
  note: visitPlans.note,
  submittedAt: visitPlans.submittedAt,
  plannedCount: sql<number>`(SELECT count(*)::int FROM ${visits} WHERE ${visits.planId} = ${visitPlans.id} AND ${visits.status} = 'planned')`,
  doneCount: sql<number>`(SELECT count(*)::int FROM ${visits} WHERE ${visits.planId} = ${visitPlans.id} AND ${visits.status} = 'done')`,
  cancelledCount: sql<number>`(SELECT count(*)::int FROM ${visits} WHERE ${visits.planId} = ${visitPlans.id} AND ${visits.status} = 'cancelled')`,
  createdAt: visitPlans.createdAt,
  updatedAt: visitPlans.updatedAt,
};

function selectPlans(db: Executor) {
  return db
    .select(planView)
    .from(visitPlans)
    .innerJoin(users, eq(users.id, visitPlans.repUserId))
    .leftJoin(geographies, eq(geographies.id, visitPlans.geographyId));
}
export type VisitPlanView = Awaited<ReturnType<typeof selectPlans>>[number];

export interface VisitPlanFilter {
  repUserId?: number;
  status?: VisitPlanStatus;
  /** Week starts (Mondays), inclusive. */
  from?: string;
  to?: string;
}

/** A plan is its rep's record and stays in the geography the rep had when opening it (ORG-4). */
function planScope(scope: DataScope): SQL | undefined {
  return scopeCondition(scope, { owner: visitPlans.repUserId, geography: visitPlans.geographyId });
}

export async function listPlans(
  db: Executor,
  scope: DataScope,
  filter: VisitPlanFilter,
  page: { limit: number; offset: number },
): Promise<{ items: VisitPlanView[]; total: number }> {
  const where = and(
    planScope(scope),
    filter.repUserId ? eq(visitPlans.repUserId, filter.repUserId) : undefined,
    filter.status ? eq(visitPlans.status, filter.status) : undefined,
    filter.from ? gte(visitPlans.weekStart, filter.from) : undefined,
    filter.to ? lte(visitPlans.weekStart, filter.to) : undefined,
  );
  const items = await selectPlans(db)
    .where(where)
    .orderBy(desc(visitPlans.weekStart), asc(users.displayName), asc(visitPlans.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(visitPlans).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findPlan(db: Executor, scope: DataScope, id: number): Promise<VisitPlanView | null> {
  const [row] = await selectPlans(db).where(and(eq(visitPlans.id, id), planScope(scope)));
  return row ?? null;
}

export async function lockPlan(db: Executor, id: number): Promise<VisitPlanRow | null> {
  const [row] = await db.select().from(visitPlans).where(eq(visitPlans.id, id)).for('update');
  return row ?? null;
}

/** The rep's plan of a week, locked, or null when there is none yet. */
export async function lockPlanOfWeek(db: Executor, repUserId: number, weekStart: string): Promise<VisitPlanRow | null> {
  const [row] = await db
    .select()
    .from(visitPlans)
    .where(and(eq(visitPlans.repUserId, repUserId), eq(visitPlans.weekStart, weekStart)))
    .for('update');
  return row ?? null;
}

/** Inserts the plan unless the rep already has one for that week; null in that case. */
export async function insertPlan(db: Executor, values: NewVisitPlan): Promise<VisitPlanRow | null> {
  const [row] = await db.insert(visitPlans).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updatePlan(db: Executor, id: number, values: Partial<NewVisitPlan>): Promise<VisitPlanRow> {
  const [row] = await db
    .update(visitPlans)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(visitPlans.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function countPlanVisits(db: Executor, planId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(visits).where(eq(visits.planId, planId));
  return row?.n ?? 0;
}
