import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { geographies, positionPermissions, positions, users } from '../org/index.js';
import { visits } from './visit.schema.js';
import { workLogComments, workLogs } from './work-log.schema.js';

export type WorkLogRow = typeof workLogs.$inferSelect;
export type NewWorkLog = typeof workLogs.$inferInsert;

const logView = {
  id: workLogs.id,
  userId: workLogs.userId,
  userName: users.displayName,
  geographyId: workLogs.geographyId,
  geographyName: geographies.name,
  date: workLogs.logDate,
  progress: workLogs.progress,
  problems: workLogs.problems,
  helpNeeded: workLogs.helpNeeded,
  submittedAt: workLogs.submittedAt,
  updatedAt: workLogs.updatedAt,
  // The day's visits are found by date, not stored: a visit recorded after the log still shows.
  doneVisitCount: sql<number>`(SELECT count(*)::int FROM ${visits} WHERE ${visits.repUserId} = ${workLogs.userId}
    AND ${visits.visitDate} = ${workLogs.logDate} AND ${visits.status} = 'done')`,
  commentCount: sql<number>`(SELECT count(*)::int FROM ${workLogComments} WHERE ${workLogComments.logId} = ${workLogs.id})`,
};

function selectLogs(db: Executor) {
  return db
    .select(logView)
    .from(workLogs)
    .innerJoin(users, eq(users.id, workLogs.userId))
    .leftJoin(geographies, eq(geographies.id, workLogs.geographyId));
}
export type WorkLogView = Awaited<ReturnType<typeof selectLogs>>[number];

export interface WorkLogFilter {
  userId?: number;
  from?: string;
  to?: string;
}

/** A log is its author's record and stays in the geography the author had when writing it (ORG-4). */
function logScope(scope: DataScope): SQL | undefined {
  return scopeCondition(scope, { owner: workLogs.userId, geography: workLogs.geographyId });
}

export async function listLogs(
  db: Executor,
  scope: DataScope,
  filter: WorkLogFilter,
  page: { limit: number; offset: number },
): Promise<{ items: WorkLogView[]; total: number }> {
  const where = and(
    logScope(scope),
    filter.userId ? eq(workLogs.userId, filter.userId) : undefined,
    filter.from ? gte(workLogs.logDate, filter.from) : undefined,
    filter.to ? lte(workLogs.logDate, filter.to) : undefined,
  );
  const items = await selectLogs(db)
    .where(where)
    .orderBy(desc(workLogs.logDate), asc(users.displayName), asc(workLogs.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(workLogs).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findLog(db: Executor, scope: DataScope, id: number): Promise<WorkLogView | null> {
  const [row] = await selectLogs(db).where(and(eq(workLogs.id, id), logScope(scope)));
  return row ?? null;
}

export async function findLogOfDay(db: Executor, userId: number, date: string): Promise<WorkLogView | null> {
  const [row] = await selectLogs(db).where(and(eq(workLogs.userId, userId), eq(workLogs.logDate, date)));
  return row ?? null;
}

export async function lockLogOfDay(db: Executor, userId: number, date: string): Promise<WorkLogRow | null> {
  const [row] = await db
    .select()
    .from(workLogs)
    .where(and(eq(workLogs.userId, userId), eq(workLogs.logDate, date)))
    .for('update');
  return row ?? null;
}

/** Inserts the day's log, or overwrites it when a concurrent request wrote it first: one log per user and day. */
export async function upsertLog(db: Executor, values: NewWorkLog): Promise<WorkLogRow> {
  const [row] = await db
    .insert(workLogs)
    .values(values)
    .onConflictDoUpdate({
      target: [workLogs.userId, workLogs.logDate],
      set: { progress: values.progress, problems: values.problems, helpNeeded: values.helpNeeded, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}

export function listComments(db: Executor, logId: number) {
  return db
    .select({
      id: workLogComments.id,
      userId: workLogComments.userId,
      userName: users.displayName,
      body: workLogComments.body,
      at: workLogComments.at,
    })
    .from(workLogComments)
    .innerJoin(users, eq(users.id, workLogComments.userId))
    .where(eq(workLogComments.logId, logId))
    .orderBy(asc(workLogComments.at), asc(workLogComments.id));
}

export async function insertComment(db: Executor, values: typeof workLogComments.$inferInsert) {
  const [row] = await db.insert(workLogComments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Whether a position sits above a user's position in the reporting tree (their superior at any level). */
export async function isAboveInTree(db: Executor, positionId: number, userId: number): Promise<boolean> {
  const [row] = await selectRows<{ above: boolean }>(
    db,
    sql`WITH RECURSIVE chain AS (
        SELECT p.superior_id AS id FROM ${users} u JOIN ${positions} p ON p.id = u.position_id WHERE u.id = ${userId}
        UNION SELECT p.superior_id FROM ${positions} p JOIN chain ON p.id = chain.id WHERE p.superior_id IS NOT NULL)
      SELECT EXISTS (SELECT 1 FROM chain WHERE id = ${positionId}) AS above`,
  );
  return row?.above ?? false;
}

export interface MissingLogsRow {
  userId: number;
  username: string;
  userName: string;
  positionName: string;
  geographyName: string | null;
  missingDates: string[];
}

/**
 * CUS-6 missing logs: every working day (Monday to Friday; public holidays
 * are not modelled) of the range × every active representative or
 * supervisor in scope whose position grants writing logs, without a log.
 * One query; writers with no gap come back with an empty list.
 */
export async function missingLogs(
  db: Executor,
  scope: DataScope,
  input: { from: string; days: number; writePermission: string },
): Promise<MissingLogsRow[]> {
  const inScope = scopeCondition(scope, { owner: users.id, geography: users.geographyId }) ?? sql`true`;
  const rows = await selectRows<{
    user_id: string | number;
    username: string;
    user_name: string;
    position_name: string;
    geography_name: string | null;
    missing: string[] | null;
  }>(
    db,
    sql`WITH day AS (
        SELECT ${input.from}::date + i AS day FROM generate_series(0, ${input.days - 1}::int) i
        WHERE extract(isodow FROM ${input.from}::date + i) < 6)
      SELECT ${users.id} AS user_id, ${users.username} AS username, ${users.displayName} AS user_name,
        ${positions.name} AS position_name, g.name AS geography_name,
        array_agg(to_char(day.day, 'YYYY-MM-DD') ORDER BY day.day) FILTER (WHERE w.id IS NULL) AS missing
      FROM ${users}
      JOIN ${positions} ON ${positions.id} = ${users.positionId}
      LEFT JOIN ${geographies} g ON g.id = ${users.geographyId}
      CROSS JOIN day
      LEFT JOIN ${workLogs} w ON w.user_id = ${users.id} AND w.log_date = day.day
      WHERE ${users.status} = 'active' AND ${positions.ladder} IN ('representative', 'supervisor') AND ${inScope}
        AND EXISTS (SELECT 1 FROM ${positionPermissions} pp WHERE pp.position_id = ${positions.id} AND pp.permission = ${input.writePermission})
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY 3, 1`,
  );
  return rows.map((row) => ({
    userId: Number(row.user_id),
    username: row.username,
    userName: row.user_name,
    positionName: row.position_name,
    geographyName: row.geography_name,
    missingDates: row.missing ?? [],
  }));
}
