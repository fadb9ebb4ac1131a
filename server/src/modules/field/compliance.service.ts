import { unrestrictedScope } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { rateOf } from '../../platform/rates.js';
import { addDays, addMonths, monthDays, shanghaiDate, shanghaiMonth } from '../../platform/time.js';
import { visitMinimums } from '../customers/index.js';
import {
  type ComplianceFilter,
  type ComplianceLevel,
  type ComplianceSource,
  claimFreeze,
  complianceRollup,
  complianceStores,
  findFreeze,
  insertSnapshot,
  type RollupRow,
} from './compliance.repository.js';
import { FieldErrors } from './field.errors.js';
import { maxBackdateDays } from './visit.rules.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

interface MonthSource {
  month: string;
  frozen: boolean;
  frozenAt: Date | null;
  source: ComplianceSource;
}

function withRate(row: RollupRow) {
  return {
    ...row,
    nonCompliant: row.storesTotal - row.compliant,
    complianceRate: rateOf(row.compliant, row.storesTotal),
  };
}

async function liveSource(db: Executor, month: string): Promise<Extract<ComplianceSource, { kind: 'live' }>> {
  const [firstDay, nextMonthFirstDay] = monthDays(month);
  return { kind: 'live', firstDay, nextMonthFirstDay, minimums: await visitMinimums(db) };
}

/** A frozen month reads its snapshot; the current month, and a past one not frozen yet, are counted live. */
async function sourceOf(db: Executor, month: string | undefined, now: Date): Promise<MonthSource> {
  const current = shanghaiMonth(now);
  const wanted = month ?? current;
  if (wanted > current) throw new AppError(FieldErrors.monthInFuture, { field: 'month', current }, { field: 'month' });
  const [firstDay] = monthDays(wanted);
  const freeze = wanted < current ? await findFreeze(db, firstDay) : null;
  if (freeze) return { month: wanted, frozen: true, frozenAt: freeze.frozenAt, source: { kind: 'snapshot', firstDay } };
  return { month: wanted, frozen: false, frozenAt: null, source: await liveSource(db, wanted) };
}

/** CUS-5 report: compliance per rep, region, market or for the nation, within the caller's data scope. */
export async function getComplianceRollup(
  ctx: ReadContext,
  input: { month?: string; level: ComplianceLevel; geographyId?: number },
  now = new Date(),
) {
  const { source, ...month } = await sourceOf(ctx.db, input.month, now);
  const rows = await complianceRollup(ctx.db, source, ctx.principal.scope, input.level, { geographyId: input.geographyId });
  const sum = (key: 'storesTotal' | 'compliant' | 'visitsDone' | 'visitsRequired' | 'visitsMissing') =>
    rows.reduce((total, row) => total + row[key], 0);
  const total = {
    id: null,
    code: null,
    name: null,
    storesTotal: sum('storesTotal'),
    compliant: sum('compliant'),
    visitsDone: sum('visitsDone'),
    visitsRequired: sum('visitsRequired'),
    visitsMissing: sum('visitsMissing'),
  };
  return { ...month, level: input.level, rows: rows.map(withRate), total: withRate(total) };
}

/** CUS-5 store list: stores with their minimum and done visits, those furthest below first. */
export async function getComplianceStores(
  ctx: ReadContext,
  input: ComplianceFilter & { month?: string },
  page: { limit: number; offset: number },
  now = new Date(),
) {
  const { month, ...filter } = input;
  const { source, ...meta } = await sourceOf(ctx.db, month, now);
  return { ...meta, ...(await complianceStores(ctx.db, source, ctx.principal.scope, filter, page)) };
}

/** Home page card: my stores below their minimum this month, and for a manager the rate across their scope. */
export async function getMyCompliance(ctx: ReadContext, now = new Date()) {
  const { source, ...month } = await sourceOf(ctx.db, undefined, now);
  const mine = { ownerUserId: ctx.principal.userId };
  const [[own], below, team] = await Promise.all([
    complianceRollup(ctx.db, source, ctx.principal.scope, 'nation', mine),
    complianceStores(ctx.db, source, ctx.principal.scope, { ...mine, onlyNonCompliant: true }, { limit: 200, offset: 0 }),
    ctx.principal.scope.kind === 'own' ? [] : complianceRollup(ctx.db, source, ctx.principal.scope, 'nation'),
  ]);
  if (!own) throw new Error('a roll-up without grouping returns one row');
  return {
    month: month.month,
    mine: withRate(own),
    belowMinimum: below.items,
    belowMinimumTotal: below.total,
    team: team[0] ? withRate(team[0]) : null,
  };
}

/**
 * Freezes a month's compliance into its snapshot, once: a second call (or
 * a concurrent one) finds the month claimed and changes nothing.
 */
export async function freezeMonth(tx: Executor, month: string): Promise<{ frozen: boolean; stores: number }> {
  const source = await liveSource(tx, month);
  if (!(await claimFreeze(tx, source.firstDay))) return { frozen: false, stores: 0 };
  const stores = await insertSnapshot(tx, source, unrestrictedScope);
  await writeAudit(tx, { userId: null }, { entity: 'visit_compliance', entityId: month, action: 'freeze', after: { month, stores } });
  return { frozen: true, stores };
}

/**
 * The 'field.compliance-freeze' job: freezes the previous month once its
 * last day is beyond the back-dating window of visits (on the 8th), so a
 * visit of the 31st recorded a few days late still counts.
 */
export async function freezeClosedMonth(db: Db, now = new Date()) {
  const current = shanghaiMonth(now);
  if (shanghaiDate(now) < addDays(`${current}-01`, maxBackdateDays)) return null;
  const month = addMonths(current, -1);
  return { month, ...(await db.transaction((tx) => freezeMonth(tx, month))) };
}
