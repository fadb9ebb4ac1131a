import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { ActionKind } from './approval.enums.js';
import { approvalActions, approvals, approvalTasks } from './approvals.schema.js';

export type ApprovalRow = typeof approvals.$inferSelect;
export type TaskRow = typeof approvalTasks.$inferSelect;
type NewApproval = typeof approvals.$inferInsert;

export interface NewAction {
  approvalId: number;
  round: number;
  stepIndex: number | null;
  actorId: number | null;
  action: ActionKind;
  comment?: string | null;
  targetUserId?: number | null;
}

export async function insertApproval(tx: Executor, values: NewApproval): Promise<ApprovalRow> {
  const [row] = await tx.insert(approvals).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Every action starts here: the approval row is locked until the transaction
 * ends, so two people acting on one approval are handled one after the other
 * and the second sees what the first did. NO KEY UPDATE, because rows that
 * merely reference the approval (timeline, tasks written by the reminder job)
 * need not wait for it, which keeps the two from deadlocking.
 */
export async function lockApproval(tx: Executor, id: number): Promise<ApprovalRow | null> {
  const [row] = await tx.select().from(approvals).where(eq(approvals.id, id)).for('no key update');
  return row ?? null;
}

export async function updateApproval(
  tx: Executor,
  id: number,
  set: Partial<Pick<ApprovalRow, 'status' | 'currentStep' | 'chain' | 'round' | 'payload' | 'amount' | 'summary'>> & { decided?: boolean },
): Promise<ApprovalRow> {
  const { decided, ...columns } = set;
  const [row] = await tx
    .update(approvals)
    .set({ ...columns, ...(decided === undefined ? {} : { decidedAt: decided ? sql`now()` : null }) })
    .where(eq(approvals.id, id))
    .returning();
  if (!row) throw new Error(`approval ${id} vanished`);
  return row;
}

export function insertTasks(
  tx: Executor,
  rows: { approvalId: number; round: number; stepIndex: number; approverId: number; originTaskId?: number | null }[],
): Promise<TaskRow[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return tx.insert(approvalTasks).values(rows).returning();
}

export function listRoundTasks(tx: Executor, approvalId: number, round: number): Promise<TaskRow[]> {
  return tx
    .select()
    .from(approvalTasks)
    .where(and(eq(approvalTasks.approvalId, approvalId), eq(approvalTasks.round, round)))
    .orderBy(asc(approvalTasks.id));
}

/** Closes one task with the approver's decision. */
export async function closeTask(tx: Executor, taskId: number, status: TaskRow['status'], comment: string | null): Promise<void> {
  await tx.update(approvalTasks).set({ status, comment, actedAt: sql`now()` }).where(eq(approvalTasks.id, taskId));
}

/** Cancels the still-pending tasks that match (another decision made them moot); returns how many. */
export async function cancelPendingTasks(
  tx: Executor,
  approvalId: number,
  round: number,
  only: { stepIndex?: number; originOf?: number; except?: number } = {},
): Promise<number> {
  const conditions: (SQL | undefined)[] = [
    eq(approvalTasks.approvalId, approvalId),
    eq(approvalTasks.round, round),
    eq(approvalTasks.status, 'pending'),
  ];
  if (only.stepIndex !== undefined) conditions.push(eq(approvalTasks.stepIndex, only.stepIndex));
  if (only.originOf !== undefined) conditions.push(sql`coalesce(${approvalTasks.originTaskId}, ${approvalTasks.id}) = ${only.originOf}`);
  if (only.except !== undefined) conditions.push(ne(approvalTasks.id, only.except));
  const rows = await tx
    .update(approvalTasks)
    .set({ status: 'cancelled', actedAt: sql`now()` })
    .where(and(...conditions))
    .returning({ id: approvalTasks.id });
  return rows.length;
}

export async function insertActions(tx: Executor, rows: NewAction[]): Promise<void> {
  if (rows.length > 0) await tx.insert(approvalActions).values(rows);
}

/** Has the user ever had a task on the approval, in any round and whatever became of it? */
export async function isApprover(tx: Executor, approvalId: number, userId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: approvalTasks.id })
    .from(approvalTasks)
    .where(and(eq(approvalTasks.approvalId, approvalId), eq(approvalTasks.approverId, userId)))
    .limit(1);
  return Boolean(row);
}

export function findApprovals(tx: Executor, ids: number[]): Promise<ApprovalRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.select().from(approvals).where(inArray(approvals.id, ids));
}
