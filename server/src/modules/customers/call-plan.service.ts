import { hasPermission } from '../../platform/access/principal.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { addDays } from '../../platform/time.js';
import { type CallReportFilter, callReport, findCallPlan, upsertCallPlan } from './call-plan.repository.js';
import { LeadErrors } from './lead.errors.js';
import { LeadPermissions } from './lead.permissions.js';
import { assertAssignee } from './lead.service.js';

export const callPlanEntity = 'call_plan';

/** A report spans at most about a quarter, so one query stays small. */
export const maxReportDays = 92;

export interface CallPlanInput {
  /** Default: the caller. */
  callerUserId?: number;
  date: string;
  targetCalls: number;
  note?: string | null;
}

/** CUS-7: sets a caller's target for a day; someone else's plan needs the assignment permission and that person in scope. */
export async function planCalls(ctx: ServiceContext, input: CallPlanInput) {
  const callerUserId = input.callerUserId ?? ctx.principal.userId;
  const forOther = callerUserId !== ctx.principal.userId;
  if (forOther && !hasPermission(ctx.principal, LeadPermissions['leads.assign'])) {
    throw new AppError(LeadErrors.planForOthers, {}, { field: 'callerUserId' });
  }
  const plan = await ctx.db.transaction(async (tx) => {
    if (forOther) await assertAssignee(tx, ctx.principal, callerUserId, 'callerUserId');
    const before = await findCallPlan(tx, callerUserId, input.date);
    const after = await upsertCallPlan(tx, {
      callerUserId,
      planDate: input.date,
      targetCalls: input.targetCalls,
      note: input.note?.trim() || null,
      createdBy: ctx.principal.userId,
    });
    await writeAudit(tx, ctx.actor, { entity: callPlanEntity, entityId: after.id, action: before ? 'update' : 'create', before, after });
    return after;
  });
  const { items } = await callReport(
    ctx.db,
    ctx.principal.scope,
    { from: plan.planDate, to: plan.planDate, callerUserId },
    { limit: 1, offset: 0 },
  );
  return items[0] as (typeof items)[number];
}

export function callResults(
  ctx: Pick<ServiceContext, 'db' | 'principal'>,
  filter: CallReportFilter,
  page: { limit: number; offset: number },
) {
  if (filter.to < filter.from || filter.to > addDays(filter.from, maxReportDays - 1)) {
    throw new AppError(LeadErrors.dateRange, { field: 'to', days: maxReportDays }, { field: 'to' });
  }
  return callReport(ctx.db, ctx.principal.scope, filter, page);
}
