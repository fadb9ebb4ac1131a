import type { Principal } from '../../platform/access/principal.js';
import type { Actor } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { can } from '../org/index.js';
import { ApprovalErrors } from './approvals.errors.js';
import { type ApprovalOpened, type ApprovalRequest, requestApproval } from './request.service.js';

export type AuthorityOutcome = { outcome: 'allowed' } | ({ outcome: 'approval' } & ApprovalOpened);

/**
 * ORG-5 in one call for the modules: within the person's authority the
 * action goes ahead; beyond it an approval is opened in the caller's
 * transaction (and the caller keeps its subject pending); an action the
 * person may not take at all is refused.
 */
export async function decideOrRequest(
  tx: Tx,
  actor: Actor,
  principal: Pick<Principal, 'isAdmin' | 'ladder'>,
  input: { action: string; amount?: number | null; approval: ApprovalRequest },
): Promise<AuthorityOutcome> {
  const decision = await can(tx, principal, input.action, input.amount ?? undefined);
  if (decision.decision === 'allowed') return { outcome: 'allowed' };
  if (decision.decision === 'denied') throw new AppError(ApprovalErrors.notAuthorised, { action: input.action }, { action: input.action });
  return { outcome: 'approval', ...(await requestApproval(tx, actor, input.approval)) };
}
