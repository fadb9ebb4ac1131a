import { isInScope } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { attachmentsOf, setRecordAttachments } from '../../platform/files/index.js';
import { isoWeekStart, shanghaiDate } from '../../platform/time.js';
import { findVisibleAccount, touchFollowUp } from '../customers/index.js';
import { assertDayRange } from './date-range.rules.js';
import { FieldErrors } from './field.errors.js';
import {
  findVisit,
  insertVisit,
  listVisits,
  listVisitsByDay,
  lockVisit,
  updateVisit,
  type VisitFilter,
  type VisitRow,
  type VisitSort,
  visitEntity,
} from './visit.repository.js';
import { assertPlannedDay, checkInTime, type Position, positionOf } from './visit.rules.js';
import type { VisitKind, VisitStatus } from './visit.schema.js';
import { insertPlan, lockPlanOfWeek } from './visit-plan.repository.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

/** The calendar shows a month grid at most: six weeks. */
const calendarMaxDays = 42;

const statusLabels: Record<VisitStatus, { 'zh-CN': string; en: string }> = {
  planned: { 'zh-CN': '计划中', en: 'planned' },
  done: { 'zh-CN': '已完成', en: 'done' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

export interface RecordVisitInput extends Position {
  accountId: number;
  kind: VisitKind;
  checkedInAt?: Date | string;
  purpose?: string;
  result: string;
  nextStep?: string;
  attachmentIds?: number[];
}

export interface PlanVisitInput {
  accountId: number;
  kind: VisitKind;
  plannedFor: string;
  purpose?: string;
}

export interface CheckInInput extends Position {
  checkedInAt?: Date | string;
  purpose?: string;
  result: string;
  nextStep?: string;
  attachmentIds?: number[];
}

export async function getVisit(ctx: ReadContext, id: number) {
  const visit = await findVisit(ctx.db, ctx.principal.scope, id);
  if (!visit) throw new AppError(PlatformErrors.notFound);
  return { ...visit, attachments: await attachmentsOf(ctx.db, visitEntity, id) };
}

export function searchVisits(
  ctx: ReadContext,
  filter: VisitFilter,
  page: { limit: number; offset: number; sort: VisitSort; order: 'asc' | 'desc' },
) {
  return listVisits(ctx.db, ctx.principal.scope, filter, page);
}

/** Calendar data: one rep's visits (planned, done, cancelled) of a date range, day by day. */
export async function visitCalendar(ctx: ReadContext, input: { repUserId?: number; from: string; to: string }) {
  assertDayRange(input.from, input.to, calendarMaxDays);
  const repUserId = input.repUserId ?? ctx.principal.userId;
  const rows = await listVisitsByDay(ctx.db, ctx.principal.scope, { repUserId, from: input.from, to: input.to });
  const days = new Map<string, typeof rows>();
  for (const visit of rows) days.set(visit.visitDate, [...(days.get(visit.visitDate) ?? []), visit]);
  return { repUserId, from: input.from, to: input.to, days: [...days].map(([date, items]) => ({ date, visits: items })) };
}

/** The account a visit is made to: it must be one the user can see (404 otherwise). */
async function visibleAccount(ctx: ServiceContext, accountId: number) {
  const account = await findVisibleAccount(ctx.db, ctx.principal, accountId);
  if (!account) throw new AppError(PlatformErrors.notFound, {}, { field: 'accountId' });
  return account;
}

async function attach(tx: Tx, ctx: ServiceContext, visitId: number, ids: number[]) {
  await setRecordAttachments(tx, ctx.actor, {
    userId: ctx.principal.userId,
    ownerEntity: visitEntity,
    ownerId: visitId,
    ids,
    field: 'attachmentIds',
  });
}

/** A done visit restarts the account's pool clock (CUS-12). */
async function followedUp(tx: Tx, visit: VisitRow) {
  if (visit.checkedInAt) await touchFollowUp(tx, visit.accountId, visit.checkedInAt);
}

/** CUS-4: a visit recorded on the spot (or back-dated within the window), done at once. */
export async function recordVisit(ctx: ServiceContext, input: RecordVisitInput, now = new Date()) {
  const at = checkInTime(input.checkedInAt, now);
  const position = positionOf(input);
  const account = await visibleAccount(ctx, input.accountId);
  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertVisit(tx, {
      visitDate: shanghaiDate(at),
      accountId: account.id,
      repUserId: ctx.principal.userId,
      geographyId: account.geographyId,
      kind: input.kind,
      status: 'done',
      checkedInAt: at,
      ...position,
      purpose: input.purpose ?? '',
      result: input.result,
      nextStep: input.nextStep ?? '',
    });
    await attach(tx, ctx, created.id, input.attachmentIds ?? []);
    await followedUp(tx, created);
    await writeAudit(tx, ctx.actor, {
      entity: visitEntity,
      entityId: created.id,
      action: 'record',
      after: { ...created, attachmentIds: input.attachmentIds ?? [] },
    });
    return created.id;
  });
  return getVisit(ctx, id);
}

/** The rep's plan of the visit's ISO week, opened as a draft on the first planned visit. */
async function planOfWeek(tx: Tx, ctx: ServiceContext, day: string): Promise<number> {
  const weekStart = isoWeekStart(day);
  const existing = await lockPlanOfWeek(tx, ctx.principal.userId, weekStart);
  if (existing) return existing.id;
  const created = await insertPlan(tx, { repUserId: ctx.principal.userId, geographyId: ctx.principal.geographyId, weekStart });
  if (created) {
    await writeAudit(tx, ctx.actor, { entity: 'visit_plan', entityId: created.id, action: 'create', after: created });
    return created.id;
  }
  // Opened by a concurrent request of the same rep a moment ago.
  const opened = await lockPlanOfWeek(tx, ctx.principal.userId, weekStart);
  if (!opened) throw new Error('visit plan vanished');
  return opened.id;
}

/** CUS-4: a planned visit, filed in the rep's plan of that week. */
export async function planVisit(ctx: ServiceContext, input: PlanVisitInput) {
  assertPlannedDay(input.plannedFor, new Date());
  const account = await visibleAccount(ctx, input.accountId);
  const id = await ctx.db.transaction(async (tx) => {
    const planId = await planOfWeek(tx, ctx, input.plannedFor);
    const created = await insertVisit(tx, {
      visitDate: input.plannedFor,
      accountId: account.id,
      repUserId: ctx.principal.userId,
      geographyId: account.geographyId,
      kind: input.kind,
      status: 'planned',
      plannedFor: input.plannedFor,
      purpose: input.purpose ?? '',
      planId,
    });
    await writeAudit(tx, ctx.actor, { entity: visitEntity, entityId: created.id, action: 'plan', after: created });
    return created.id;
  });
  return getVisit(ctx, id);
}

/** The visit locked for a change by its visitor: out of scope reads as missing, someone else's as forbidden, only a planned one moves. */
async function lockOwnPlannedVisit(tx: Tx, ctx: ServiceContext, id: number): Promise<VisitRow> {
  const visit = await lockVisit(tx, id);
  if (!visit || !isInScope(ctx.principal.scope, { ownerId: visit.repUserId, geographyId: visit.geographyId })) {
    throw new AppError(PlatformErrors.notFound);
  }
  if (visit.repUserId !== ctx.principal.userId) throw new AppError(FieldErrors.notVisitor);
  if (visit.status !== 'planned') {
    throw new AppError(FieldErrors.notPlanned, { status: statusLabels[visit.status] }, { field: 'status' });
  }
  return visit;
}

/** CUS-4 签到: a planned visit becomes done, on the day it actually happened. */
export async function checkInVisit(ctx: ServiceContext, id: number, input: CheckInInput) {
  const at = checkInTime(input.checkedInAt, new Date());
  const position = positionOf(input);
  await ctx.db.transaction(async (tx) => {
    const before = await lockOwnPlannedVisit(tx, ctx, id);
    const after = await updateVisit(tx, id, {
      visitDate: shanghaiDate(at),
      status: 'done',
      checkedInAt: at,
      ...position,
      ...(input.purpose === undefined ? {} : { purpose: input.purpose }),
      result: input.result,
      nextStep: input.nextStep ?? '',
    });
    if (input.attachmentIds) await attach(tx, ctx, id, input.attachmentIds);
    await followedUp(tx, after);
    await writeAudit(tx, ctx.actor, {
      entity: visitEntity,
      entityId: id,
      action: 'check_in',
      before,
      after: input.attachmentIds ? { ...after, attachmentIds: input.attachmentIds } : after,
    });
  });
  return getVisit(ctx, id);
}

export async function cancelVisit(ctx: ServiceContext, id: number, input: { reason: string }) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockOwnPlannedVisit(tx, ctx, id);
    const after = await updateVisit(tx, id, { status: 'cancelled', cancelReason: input.reason });
    await writeAudit(tx, ctx.actor, { entity: visitEntity, entityId: id, action: 'cancel', before, after });
  });
  return getVisit(ctx, id);
}
