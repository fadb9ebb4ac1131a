import { and, eq, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { rateOf } from '../../platform/rates.js';
import { businessTimeZone } from '../../platform/time.js';
import { users } from '../org/index.js';
import { callPlans, leadFollowUps } from './lead.schema.js';

export type CallPlanRow = typeof callPlans.$inferSelect;

/** ORG-4 for callers: the caller themself, and the caller's geography. */
export const callerScopeColumns = { owner: users.id, geography: users.geographyId };

export async function findCallPlan(db: Executor, callerUserId: number, planDate: string): Promise<CallPlanRow | null> {
  const [row] = await db
    .select()
    .from(callPlans)
    .where(and(eq(callPlans.callerUserId, callerUserId), eq(callPlans.planDate, planDate)))
    .for('update');
  return row ?? null;
}

/** One plan per caller and day: planning the day again replaces the target. */
export async function upsertCallPlan(
  db: Executor,
  values: { callerUserId: number; planDate: string; targetCalls: number; note: string | null; createdBy: number },
): Promise<CallPlanRow> {
  const [row] = await db
    .insert(callPlans)
    .values(values)
    .onConflictDoUpdate({
      target: [callPlans.callerUserId, callPlans.planDate],
      set: { targetCalls: values.targetCalls, note: values.note, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}

export interface CallReportFilter {
  /** Shanghai calendar days, inclusive. */
  from: string;
  to: string;
  callerUserId?: number;
}

interface CallReportRow {
  caller_user_id: string | number;
  caller_name: string;
  day: string;
  plan_id: string | number | null;
  target_calls: number | null;
  note: string | null;
  calls: number;
  leads_called: number;
  appointments: number;
  total: number;
}

/**
 * CUS-7 call plans and results per caller per day, in one query: each plan
 * joined with the calls (follow-ups of kind call) and appointments that caller
 * recorded on that Shanghai day; days with calls but no plan appear too.
 */
export async function callReport(db: Executor, scope: DataScope, filter: CallReportFilter, page: { limit: number; offset: number }) {
  const zone = businessTimeZone;
  const caller = filter.callerUserId ?? null;
  const rows = await selectRows<CallReportRow>(
    db,
    sql`WITH done AS (
        SELECT f.user_id AS caller_id, (f.at AT TIME ZONE ${zone})::date AS day,
          count(*) FILTER (WHERE f.kind = 'call')::int AS calls,
          count(DISTINCT f.lead_id) FILTER (WHERE f.kind = 'call')::int AS leads_called,
          count(*) FILTER (WHERE f.kind = 'appointment')::int AS appointments
        FROM ${leadFollowUps} f
        WHERE f.kind IN ('call', 'appointment')
          AND f.at >= (${filter.from}::date::timestamp AT TIME ZONE ${zone})
          AND f.at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE ${zone})
          AND (${caller}::bigint IS NULL OR f.user_id = ${caller}::bigint)
        GROUP BY 1, 2),
      planned AS (
        SELECT p.caller_user_id AS caller_id, p.plan_date AS day, p.id, p.target_calls, p.note
        FROM ${callPlans} p
        WHERE p.plan_date BETWEEN ${filter.from}::date AND ${filter.to}::date
          AND (${caller}::bigint IS NULL OR p.caller_user_id = ${caller}::bigint))
      SELECT ${users.id} AS caller_user_id, ${users.displayName} AS caller_name,
        to_char(COALESCE(planned.day, done.day), 'YYYY-MM-DD') AS day,
        planned.id AS plan_id, planned.target_calls, planned.note,
        COALESCE(done.calls, 0) AS calls, COALESCE(done.leads_called, 0) AS leads_called,
        COALESCE(done.appointments, 0) AS appointments, count(*) OVER ()::int AS total
      FROM planned FULL JOIN done ON done.caller_id = planned.caller_id AND done.day = planned.day
      JOIN ${users} ON ${users.id} = COALESCE(planned.caller_id, done.caller_id)
      WHERE ${scopeCondition(scope, callerScopeColumns) ?? sql`true`}
      ORDER BY 3 DESC, ${users.displayName}, ${users.id}
      LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      callerUserId: Number(row.caller_user_id),
      callerName: row.caller_name,
      date: row.day,
      planId: row.plan_id === null ? null : Number(row.plan_id),
      targetCalls: row.target_calls,
      note: row.note,
      calls: row.calls,
      leadsCalled: row.leads_called,
      appointments: row.appointments,
      attainment: row.target_calls ? rateOf(row.calls, row.target_calls) : null,
    })),
  };
}
