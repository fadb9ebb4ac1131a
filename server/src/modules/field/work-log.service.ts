import type { DataScope } from '../../platform/access/principal.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { notify } from '../../platform/notifications/index.js';
import { addDays, isoWeekday, shanghaiDate } from '../../platform/time.js';
import { assertDayRange } from './date-range.rules.js';
import { FieldErrors } from './field.errors.js';
import { FieldPermissions } from './field.permissions.js';
import { listVisitsByDay } from './visit.repository.js';
import {
  findLog,
  findLogOfDay,
  insertComment,
  isAboveInTree,
  listComments,
  listLogs,
  lockLogOfDay,
  missingLogs,
  upsertLog,
  type WorkLogFilter,
  type WorkLogView,
} from './work-log.repository.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;
const logEntity = 'work_log';

/** How many days back a log may still be written or corrected. */
export const logWindowDays = 7;
/** The missing-logs report covers at most about a quarter. */
const missingReportMaxDays = 92;

export interface WorkLogInput {
  progress: string;
  problems?: string;
  helpNeeded?: string;
}

function assertLogDate(date: string, now: Date): void {
  const field = 'date';
  const today = shanghaiDate(now);
  if (date > today) throw new AppError(FieldErrors.logDateInFuture, { field, today }, { field });
  const earliest = addDays(today, -logWindowDays);
  if (date < earliest) throw new AppError(FieldErrors.logDateTooOld, { field, days: logWindowDays, earliest }, { field });
}

/** A log with the author's visits of that day (found by date) and the superiors' comments. */
async function detailOf(db: Executor, scope: DataScope, log: WorkLogView) {
  const [dayVisits, comments] = await Promise.all([
    listVisitsByDay(db, scope, { repUserId: log.userId, from: log.date, to: log.date }),
    listComments(db, log.id),
  ]);
  return { ...log, visits: dayVisits, comments };
}

export function searchLogs(ctx: ReadContext, filter: WorkLogFilter, page: { limit: number; offset: number }) {
  return listLogs(ctx.db, ctx.principal.scope, filter, page);
}

export async function getLog(ctx: ReadContext, id: number) {
  const log = await findLog(ctx.db, ctx.principal.scope, id);
  if (!log) throw new AppError(PlatformErrors.notFound);
  return detailOf(ctx.db, ctx.principal.scope, log);
}

export async function getMyLog(ctx: ReadContext, date: string) {
  const log = await findLogOfDay(ctx.db, ctx.principal.userId, date);
  if (!log) throw new AppError(PlatformErrors.notFound);
  return detailOf(ctx.db, ctx.principal.scope, log);
}

/** CUS-6: writes (or corrects) my log of a day; one per user and day. */
export async function writeMyLog(ctx: ServiceContext, date: string, input: WorkLogInput) {
  assertLogDate(date, new Date());
  await ctx.db.transaction(async (tx) => {
    const before = await lockLogOfDay(tx, ctx.principal.userId, date);
    const after = await upsertLog(tx, {
      userId: ctx.principal.userId,
      geographyId: ctx.principal.geographyId,
      logDate: date,
      progress: input.progress,
      problems: input.problems ?? '',
      helpNeeded: input.helpNeeded ?? '',
    });
    await writeAudit(tx, ctx.actor, { entity: logEntity, entityId: after.id, action: before ? 'update' : 'create', before, after });
  });
  return getMyLog(ctx, date);
}

/** A superior's comment (上级点评): the log must be in scope (404) and its author below the commenter (403). */
export async function commentLog(ctx: ServiceContext, id: number, body: string) {
  const log = await findLog(ctx.db, ctx.principal.scope, id);
  if (!log) throw new AppError(PlatformErrors.notFound);
  const positionId = ctx.principal.positionId;
  if (positionId === null || !(await isAboveInTree(ctx.db, positionId, log.userId))) throw new AppError(FieldErrors.notSuperior);
  await ctx.db.transaction(async (tx) => {
    const comment = await insertComment(tx, { logId: id, userId: ctx.principal.userId, body });
    await notify(tx, [
      {
        userId: log.userId,
        kind: 'field.work_log.comment',
        title: {
          'zh-CN': `${ctx.principal.displayName} 点评了您 ${log.date} 的工作日志`,
          en: `${ctx.principal.displayName} commented on your work log of ${log.date}`,
        },
        link: `/field/work-logs/${log.date}`,
      },
    ]);
    await writeAudit(tx, ctx.actor, { entity: 'work_log_comment', entityId: comment.id, action: 'create', after: comment });
  });
  return getLog(ctx, id);
}

/** CUS-6 report: per writer in scope, the working days (Mon–Fri, holidays not modelled) of the range without a log, up to today. */
export async function missingLogsReport(ctx: ReadContext, input: { from: string; to: string }, now = new Date()) {
  assertDayRange(input.from, input.to, missingReportMaxDays);
  const today = shanghaiDate(now);
  const to = input.to < today ? input.to : today;
  let workingDays = 0;
  let days = 0;
  for (let day = input.from; day <= to; day = addDays(day, 1)) {
    days += 1;
    if (isoWeekday(day) < 6) workingDays += 1;
  }
  const writers =
    days === 0
      ? []
      : await missingLogs(ctx.db, ctx.principal.scope, { from: input.from, days, writePermission: FieldPermissions['logs.write'] });
  const items = writers.filter((w) => w.missingDates.length > 0).map((w) => ({ ...w, missingCount: w.missingDates.length }));
  items.sort((a, b) => b.missingCount - a.missingCount || a.userName.localeCompare(b.userName, 'zh-CN'));
  return { from: input.from, to, workingDays, writers: writers.length, missingTotal: items.reduce((n, w) => n + w.missingCount, 0), items };
}
