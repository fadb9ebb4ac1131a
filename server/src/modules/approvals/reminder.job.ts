import { writeAudit } from '../../platform/audit/audit.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { registerJob } from '../../platform/jobs/index.js';
import { notifyAbout } from './approval.flow.js';
import { findApprovals, insertActions, insertTasks, listRoundTasks, lockApproval } from './approval.repository.js';
import { findRequester, listSuperiorLevels } from './chain.repository.js';
import { type DueTask, listDueEscalations, stampDueReminders, stampEscalated } from './reminder.repository.js';

const hour = 3_600_000;

function hoursFrom(value: string | undefined, fallback: number): number {
  const parsed = Number.parseFloat(value ?? '');
  return (Number.isFinite(parsed) && parsed > 0 ? parsed : fallback) * hour;
}

/** APR-4 thresholds: APPROVAL_REMIND_HOURS (default 24) and APPROVAL_ESCALATE_HOURS (default 72). */
export function reminderSettings(env: NodeJS.ProcessEnv = process.env) {
  return { remindMs: hoursFrom(env.APPROVAL_REMIND_HOURS, 24), escalateMs: hoursFrom(env.APPROVAL_ESCALATE_HOURS, 72) };
}

async function remind(tx: Tx, due: DueTask[]): Promise<void> {
  await insertActions(
    tx,
    due.map((task) => ({
      approvalId: task.approvalId,
      round: task.round,
      stepIndex: task.stepIndex,
      actorId: null,
      action: 'reminded' as const,
      targetUserId: task.approverId,
    })),
  );
  for (const approval of await findApprovals(tx, [...new Set(due.map((task) => task.approvalId))])) {
    const tasks = due.filter((task) => task.approvalId === approval.id);
    await notifyAbout(
      tx,
      approval,
      tasks.map((task) => task.approverId),
      'approval.reminder',
    );
    await writeAudit(
      tx,
      { userId: null },
      { entity: 'approval', entityId: approval.id, action: 'remind', after: { taskIds: tasks.map((t) => t.id) } },
    );
  }
}

/**
 * Hands a task that waited too long to the approver's superior as well: a
 * new task on the same step in the same seat, so whichever of the two acts
 * first decides. The original stays pending.
 */
async function escalate(db: Db, taskId: number, approvalId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const approval = await lockApproval(tx, approvalId);
    if (approval?.status !== 'pending') return;
    const tasks = await listRoundTasks(tx, approval.id, approval.round);
    const task = tasks.find((t) => t.id === taskId);
    if (task?.status !== 'pending' || task.escalatedAt) return;
    await stampEscalated(tx, task.id);
    const approver = await findRequester(tx, task.approverId);
    const levels = approver?.positionId ? await listSuperiorLevels(tx, approver.positionId) : [];
    const onStep = new Set(tasks.filter((t) => t.stepIndex === task.stepIndex && t.status === 'pending').map((t) => t.approverId));
    const superiors = (levels.find((level) => level.holders.length > 0)?.holders ?? []).filter(
      (person) => person.id !== approval.requesterId && !onStep.has(person.id),
    );
    if (superiors.length === 0) return;
    const seat = task.originTaskId ?? task.id;
    const created = await insertTasks(
      tx,
      superiors.map((person) => ({
        approvalId: approval.id,
        round: approval.round,
        stepIndex: task.stepIndex,
        approverId: person.id,
        originTaskId: seat,
      })),
    );
    await insertActions(
      tx,
      superiors.map((person) => ({
        approvalId: approval.id,
        round: approval.round,
        stepIndex: task.stepIndex,
        actorId: null,
        action: 'escalated' as const,
        targetUserId: person.id,
      })),
    );
    await notifyAbout(
      tx,
      approval,
      superiors.map((person) => person.id),
      'approval.escalated',
    );
    await writeAudit(
      tx,
      { userId: null },
      { entity: 'approval', entityId: approval.id, action: 'escalate', after: { taskId: task.id, newTaskIds: created.map((t) => t.id) } },
    );
  });
}

/** One run of the APR-4 job: reminders for tasks waiting past the reminder threshold, escalation past the escalation one. */
async function runApprovalReminders(db: Db, settings = reminderSettings()): Promise<void> {
  await db.transaction(async (tx) => {
    const due = await stampDueReminders(tx, settings.remindMs);
    if (due.length > 0) await remind(tx, due);
  });
  for (const task of await listDueEscalations(db, settings.escalateMs)) await escalate(db, task.id, task.approvalId);
}

registerJob({ name: 'approvals.reminders', everyMs: 15 * 60_000, run: (db) => runApprovalReminders(db) });
