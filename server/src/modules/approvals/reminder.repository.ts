import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { approvals, approvalTasks } from './approvals.schema.js';

export interface DueTask {
  id: number;
  approvalId: number;
  round: number;
  stepIndex: number;
  approverId: number;
}

const batch = 500;
const ago = (ms: number) => sql`now() - ${ms} * interval '1 millisecond'`;

/**
 * Stamps the reminder on pending tasks that waited `remindMs` since they were
 * opened or last reminded, and returns them: once per period, whatever
 * process runs the job. A bounded batch; the rest goes in the next run.
 */
export async function stampDueReminders(tx: Executor, remindMs: number): Promise<DueTask[]> {
  const rows = await selectRows<{ id: string; approval_id: string; round: number; step_index: number; approver_id: string }>(
    tx,
    sql`UPDATE approval_tasks SET reminded_at = now()
      WHERE id IN (
        SELECT t.id FROM approval_tasks t JOIN approvals a ON a.id = t.approval_id
        WHERE t.status = 'pending' AND a.status = 'pending' AND coalesce(t.reminded_at, t.created_at) <= ${ago(remindMs)}
        ORDER BY t.id LIMIT ${batch})
      RETURNING id, approval_id, round, step_index, approver_id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    approvalId: Number(r.approval_id),
    round: r.round,
    stepIndex: r.step_index,
    approverId: Number(r.approver_id),
  }));
}

/** Pending tasks older than `escalateMs` that were never escalated. */
export function listDueEscalations(db: Executor, escalateMs: number): Promise<{ id: number; approvalId: number }[]> {
  return db
    .select({ id: approvalTasks.id, approvalId: approvalTasks.approvalId })
    .from(approvalTasks)
    .innerJoin(approvals, eq(approvals.id, approvalTasks.approvalId))
    .where(
      and(
        eq(approvalTasks.status, 'pending'),
        eq(approvals.status, 'pending'),
        isNull(approvalTasks.escalatedAt),
        lte(approvalTasks.createdAt, ago(escalateMs)),
      ),
    )
    .orderBy(approvalTasks.id)
    .limit(batch);
}

export async function stampEscalated(tx: Executor, taskId: number): Promise<void> {
  await tx.update(approvalTasks).set({ escalatedAt: sql`now()` }).where(eq(approvalTasks.id, taskId));
}
