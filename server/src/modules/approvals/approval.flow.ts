import type { Actor } from '../../platform/audit/audit.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/database.js';
import { emitEvent } from '../../platform/events/index.js';
import type { Locale } from '../../platform/i18n.js';
import { notify } from '../../platform/notifications/index.js';
import { typeLabel } from './approval.registry.js';
import { type ApprovalRow, insertActions, insertTasks, type NewAction, updateApproval } from './approval.repository.js';
import type { Person } from './approval.types.js';

/** What the outbox carries when an approval ends (contract: owning modules subscribe to it). */
export interface ApprovalDecidedPayload {
  approvalId: number;
  type: string;
  subjectType: string;
  /** As stored: the subject id the owning module passed, as a string. */
  subjectId: string;
  outcome: 'approved' | 'rejected' | 'withdrawn';
  /** Who took the last decision; null when the chain was empty and the request passed at once. */
  decidedBy: number | null;
  at: string;
}

export interface ApprovalReturnedPayload {
  approvalId: number;
  type: string;
  subjectType: string;
  subjectId: string;
  by: number;
  reason: string;
}

const approvalLink = (approvalId: number) => `/approvals/${approvalId}`;

type NotificationKind = 'approval.task' | 'approval.reminder' | 'approval.escalated' | 'approval.decided' | 'approval.returned';

const titles: Record<NotificationKind, Record<Locale, string>> = {
  'approval.task': { 'zh-CN': '待审批', en: 'To approve' },
  'approval.reminder': { 'zh-CN': '催办', en: 'Reminder' },
  'approval.escalated': { 'zh-CN': '超时上报', en: 'Escalated to you' },
  'approval.decided': { 'zh-CN': '审批结果', en: 'Decision' },
  'approval.returned': { 'zh-CN': '退回修改', en: 'Returned for changes' },
};

/** Tells people about an approval, in the transaction of the change that concerns them. */
export function notifyAbout(tx: Executor, approval: ApprovalRow, userIds: number[], kind: NotificationKind): Promise<void> {
  const title = (locale: Locale) => `${titles[kind][locale]}：${typeLabel(approval.type, locale)} · ${approval.summary}`;
  return notify(
    tx,
    userIds.map((userId) => ({ userId, kind, title: { 'zh-CN': title('zh-CN'), en: title('en') }, link: approvalLink(approval.id) })),
  );
}

export function subjectOf(approval: ApprovalRow) {
  return { approvalId: approval.id, type: approval.type, subjectType: approval.subjectType, subjectId: approval.subjectId };
}

/** What audit rows record of an approval: its position in the flow, not the payload the owning module audits itself. */
function auditView(approval: ApprovalRow) {
  return { status: approval.status, round: approval.round, currentStep: approval.currentStep, decidedAt: approval.decidedAt };
}

/** Ends an approval and writes the outbox event in the same transaction; the owning module learns it exactly once. */
export async function finishApproval(
  tx: Executor,
  approval: ApprovalRow,
  outcome: ApprovalDecidedPayload['outcome'],
  decidedBy: number | null,
): Promise<ApprovalRow> {
  const currentStep = outcome === 'approved' ? approval.chain.length : approval.currentStep;
  const row = await updateApproval(tx, approval.id, { status: outcome, currentStep, decided: true });
  const payload: ApprovalDecidedPayload = {
    ...subjectOf(row),
    outcome,
    decidedBy,
    at: (row.decidedAt ?? new Date()).toISOString(),
  };
  await emitEvent(tx, 'approval.decided', { ...payload });
  if (outcome !== 'withdrawn') await notifyAbout(tx, row, [row.requesterId], 'approval.decided');
  return row;
}

/**
 * Moves to the first step from `fromIndex` that needs someone: skipped steps
 * go into the timeline, the step found gets one task per approver. Past the
 * last step the approval is approved.
 */
export async function openNextStep(tx: Executor, approval: ApprovalRow, fromIndex: number, decidedBy: number | null): Promise<ApprovalRow> {
  const skipped: NewAction[] = [];
  let index = fromIndex;
  while (index < approval.chain.length && approval.chain[index]?.skipped) {
    skipped.push({ approvalId: approval.id, round: approval.round, stepIndex: index, actorId: null, action: 'skipped' });
    index += 1;
  }
  await insertActions(tx, skipped);
  const step = approval.chain[index];
  if (!step) return finishApproval(tx, approval, 'approved', decidedBy);
  await insertTasks(
    tx,
    step.approvers.map((person) => ({ approvalId: approval.id, round: approval.round, stepIndex: index, approverId: person.id })),
  );
  const row = await updateApproval(tx, approval.id, { currentStep: index });
  await notifyAbout(
    tx,
    row,
    step.approvers.map((person) => person.id),
    'approval.task',
  );
  return row;
}

/** Who decides first on a freshly opened round (the step's resolved approvers). */
export function approversOfCurrentStep(approval: ApprovalRow): Person[] {
  return approval.status === 'pending' ? (approval.chain[approval.currentStep]?.approvers ?? []) : [];
}

export async function auditApproval(
  tx: Executor,
  actor: Actor,
  action: string,
  before: ApprovalRow | null,
  after: ApprovalRow,
  extra = {},
) {
  await writeAudit(tx, actor, {
    entity: 'approval',
    entityId: after.id,
    action,
    before: before ? auditView(before) : undefined,
    after: { ...auditView(after), ...extra },
  });
}
