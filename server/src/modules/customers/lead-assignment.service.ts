import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { LeadErrors } from './lead.errors.js';
import { type LeadRow, updateLeadRow } from './lead.repository.js';
import { assertAssignee, leadEntity, lockOpenLeads } from './lead.service.js';
import { directRepresentatives, lockCursor, saveCursor } from './lead-assignment.repository.js';

export interface Assignment {
  leadId: number;
  ownerUserId: number;
  ownerName: string;
}

interface Assignee {
  id: number;
  displayName: string;
  geographyId: number | null;
}

/** Hands one locked lead to its assignee: a new lead becomes assigned, and a lead without a geography takes the assignee's. */
async function handTo(tx: Tx, ctx: ServiceContext, lead: LeadRow, assignee: Assignee, how: 'manual' | 'round-robin') {
  const after = await updateLeadRow(tx, lead.id, {
    ownerUserId: assignee.id,
    status: lead.status === 'new' ? 'assigned' : lead.status,
    geographyId: lead.geographyId ?? assignee.geographyId,
  });
  await writeAudit(tx, ctx.actor, { entity: leadEntity, entityId: lead.id, action: 'assign', before: lead, after: { ...after, how } });
  return { leadId: lead.id, ownerUserId: assignee.id, ownerName: assignee.displayName };
}

/** CUS-7 manual assignment: open leads in the caller's scope go to one active person the caller's scope reaches. */
export async function assignLeads(ctx: ServiceContext, leadIds: number[], ownerUserId: number): Promise<Assignment[]> {
  return ctx.db.transaction(async (tx) => {
    const assignee = await assertAssignee(tx, ctx.principal, ownerUserId, 'ownerUserId');
    const rows = await lockOpenLeads(tx, ctx.principal, leadIds);
    const result: Assignment[] = [];
    for (const lead of rows) result.push(await handTo(tx, ctx, lead, assignee, 'manual'));
    return result;
  });
}

/**
 * CUS-7 round-robin: the caller's direct reports at representative level
 * take the leads in turn (by id), continuing after whoever the caller's last
 * round ended with. The caller's cursor is locked for the transaction, so
 * concurrent rounds queue and the rotation stays fair.
 */
export async function assignRoundRobin(ctx: ServiceContext, leadIds: number[]): Promise<Assignment[]> {
  const positionId = ctx.principal.positionId;
  return ctx.db.transaction(async (tx) => {
    const team = positionId === null ? [] : await directRepresentatives(tx, positionId);
    if (team.length === 0) throw new AppError(LeadErrors.noRoundRobinTeam, {}, { field: 'leadIds' });
    const last = await lockCursor(tx, ctx.principal.userId);
    const rows = await lockOpenLeads(tx, ctx.principal, leadIds);
    // Whoever follows the last assignee in id order; someone who left the team meanwhile is simply skipped.
    let next = last === null ? 0 : team.findIndex((member) => member.id > last);
    if (next < 0) next = 0;
    const result: Assignment[] = [];
    for (const lead of rows) {
      const assignee = team[next % team.length] as Assignee;
      result.push(await handTo(tx, ctx, lead, assignee, 'round-robin'));
      next += 1;
    }
    const lastAssignee = result.at(-1);
    if (lastAssignee) await saveCursor(tx, ctx.principal.userId, lastAssignee.ownerUserId);
    return result;
  });
}
