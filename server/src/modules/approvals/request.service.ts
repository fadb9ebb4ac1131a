import type { Actor } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { emitEvent } from '../../platform/events/index.js';
import { approversOfCurrentStep, auditApproval, openNextStep, subjectOf } from './approval.flow.js';
import { type ApprovalRow, insertActions, insertApproval, lockApproval, updateApproval } from './approval.repository.js';
import type { Person, ResolvedStep } from './approval.types.js';
import { ApprovalErrors } from './approvals.errors.js';
import { resolveChain } from './chain.resolver.js';
import { assertValidAmount, requireRequester, requireType, storedDefinition } from './definition.service.js';

export interface ApprovalRequest {
  type: string;
  subjectType: string;
  subjectId: string | number;
  /** Fen; null when the type has no amount. */
  amount: number | null;
  requesterId: number;
  summary: string;
  /** A snapshot of the subject as submitted, shown to the approvers. */
  payload: Record<string, unknown>;
  /** Who decides the definition's 'requested' steps, in order (ignored by the other approver kinds). */
  approverIds?: number[];
}

export interface ApprovalOpened {
  approvalId: number;
  status: 'pending' | 'approved';
  currentApprovers: Person[];
}

async function chainFor(
  tx: Tx,
  typeKey: string,
  requesterId: number,
  amount: number | null,
  approverIds: number[] = [],
): Promise<ResolvedStep[]> {
  const type = requireType(typeKey);
  assertValidAmount(amount);
  const requester = await requireRequester(tx, requesterId);
  return resolveChain(tx, await storedDefinition(tx, type), requester, amount, approverIds);
}

async function announceRound(tx: Tx, approval: ApprovalRow): Promise<void> {
  const first = approval.chain.find((step) => !step.skipped);
  await emitEvent(tx, 'approval.requested', {
    ...subjectOf(approval),
    requesterId: approval.requesterId,
    round: approval.round,
    approverIds: first?.approvers.map((person) => person.id) ?? [],
  });
}

function opened(approval: ApprovalRow): ApprovalOpened {
  return {
    approvalId: approval.id,
    status: approval.status === 'approved' ? 'approved' : 'pending',
    currentApprovers: approversOfCurrentStep(approval),
  };
}

/**
 * Opens an approval inside the caller's transaction: resolves the chain for
 * this requester and amount, creates the first step's tasks, writes the
 * timeline, audit and an 'approval.requested' event. An empty chain (the
 * requester is at the top) approves at once.
 */
export async function requestApproval(tx: Tx, actor: Actor, input: ApprovalRequest): Promise<ApprovalOpened> {
  const chain = await chainFor(tx, input.type, input.requesterId, input.amount, input.approverIds);
  const created = await insertApproval(tx, {
    type: input.type,
    subjectType: input.subjectType,
    subjectId: String(input.subjectId),
    amount: input.amount,
    requesterId: input.requesterId,
    summary: input.summary,
    payload: input.payload,
    status: 'pending',
    chain,
  });
  await insertActions(tx, [{ approvalId: created.id, round: created.round, stepIndex: null, actorId: actor.userId, action: 'requested' }]);
  await announceRound(tx, created);
  const approval = await openNextStep(tx, created, 0, null);
  await auditApproval(tx, actor, 'request', null, approval, {
    type: approval.type,
    subjectType: approval.subjectType,
    subjectId: approval.subjectId,
  });
  return opened(approval);
}

/**
 * Resubmits an approval returned for changes, with a new snapshot: the chain
 * is resolved again and restarts in a new round. A module whose definition
 * uses 'requested' steps names the approvers again (they may have changed).
 */
export async function resubmitApproval(
  tx: Tx,
  actor: Actor,
  input: { approvalId: number; payload: Record<string, unknown>; amount: number | null; summary: string; approverIds?: number[] },
): Promise<ApprovalOpened> {
  const before = await lockApproval(tx, input.approvalId);
  if (!before) throw new AppError(PlatformErrors.notFound);
  if (before.status !== 'returned') throw new AppError(ApprovalErrors.notReturned);
  const chain = await chainFor(tx, before.type, before.requesterId, input.amount, input.approverIds);
  const restarted = await updateApproval(tx, before.id, {
    status: 'pending',
    round: before.round + 1,
    currentStep: 0,
    chain,
    payload: input.payload,
    amount: input.amount,
    summary: input.summary,
    decided: false,
  });
  await insertActions(tx, [
    { approvalId: restarted.id, round: restarted.round, stepIndex: null, actorId: actor.userId, action: 'resubmitted' },
  ]);
  await announceRound(tx, restarted);
  const approval = await openNextStep(tx, restarted, 0, null);
  await auditApproval(tx, actor, 'resubmit', before, approval);
  return opened(approval);
}
