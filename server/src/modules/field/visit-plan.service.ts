import { isInScope } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { isoWeekday } from '../../platform/time.js';
import { FieldErrors } from './field.errors.js';
import { listVisitsByDay } from './visit.repository.js';
import {
  countPlanVisits,
  findPlan,
  insertPlan,
  listPlans,
  lockPlan,
  updatePlan,
  type VisitPlanFilter,
  type VisitPlanRow,
} from './visit-plan.repository.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;
const planEntity = 'visit_plan';

export function searchPlans(ctx: ReadContext, filter: VisitPlanFilter, page: { limit: number; offset: number }) {
  return listPlans(ctx.db, ctx.principal.scope, filter, page);
}

/** A plan with its visits in day order; a manager reads the plans of their team the same way. */
export async function getPlan(ctx: ReadContext, id: number) {
  const plan = await findPlan(ctx.db, ctx.principal.scope, id);
  if (!plan) throw new AppError(PlatformErrors.notFound);
  return { ...plan, visits: await listVisitsByDay(ctx.db, ctx.principal.scope, { planId: id }) };
}

export async function createPlan(ctx: ServiceContext, input: { weekStart: string; note?: string }) {
  const field = 'weekStart';
  if (isoWeekday(input.weekStart) !== 1) throw new AppError(FieldErrors.notMonday, { field, date: input.weekStart }, { field });
  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertPlan(tx, {
      repUserId: ctx.principal.userId,
      geographyId: ctx.principal.geographyId,
      weekStart: input.weekStart,
      note: input.note ?? '',
    });
    if (!created) throw new AppError(FieldErrors.planExists, { weekStart: input.weekStart }, { field });
    await writeAudit(tx, ctx.actor, { entity: planEntity, entityId: created.id, action: 'create', after: created });
    return created.id;
  });
  return getPlan(ctx, id);
}

/** The plan locked for a change by its rep while still a draft. */
async function lockOwnDraft(tx: Tx, ctx: ServiceContext, id: number): Promise<VisitPlanRow> {
  const plan = await lockPlan(tx, id);
  if (!plan || !isInScope(ctx.principal.scope, { ownerId: plan.repUserId, geographyId: plan.geographyId })) {
    throw new AppError(PlatformErrors.notFound);
  }
  if (plan.repUserId !== ctx.principal.userId) throw new AppError(FieldErrors.notPlanOwner);
  if (plan.status !== 'draft') throw new AppError(FieldErrors.planSubmitted, {}, { field: 'status' });
  return plan;
}

export async function updatePlanNote(ctx: ServiceContext, id: number, input: { note: string }) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockOwnDraft(tx, ctx, id);
    const after = await updatePlan(tx, id, { note: input.note });
    await writeAudit(tx, ctx.actor, { entity: planEntity, entityId: id, action: 'update', before, after });
  });
  return getPlan(ctx, id);
}

/** Hands the week's plan to the manager; visits may still be added to it afterwards (unplanned calls happen). */
export async function submitPlan(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockOwnDraft(tx, ctx, id);
    if ((await countPlanVisits(tx, id)) === 0) throw new AppError(FieldErrors.planEmpty);
    const after = await updatePlan(tx, id, { status: 'submitted', submittedAt: new Date() });
    await writeAudit(tx, ctx.actor, { entity: planEntity, entityId: id, action: 'submit', before, after });
  });
  return getPlan(ctx, id);
}
