import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { LadderLevel } from '../org/index.js';
import type { AccountGrade } from './account.enums.js';
import { type CustomerSettingsValues, findSettingsRow, upsertSettings } from './customer-settings.repository.js';
import { CustomerErrors } from './customers.errors.js';
import type { PoolScope } from './customers.schema.js';

export interface CustomerSettings {
  /** CUS-3: done visits a store of each grade needs per month. */
  visitMinimums: Record<AccountGrade, number>;
  /** CUS-12: days without a follow-up, and without a deal, before an account returns to the pool. */
  poolDays: number;
  dealDays: number;
  /** How many days before the return the owner is warned. */
  warnDays: number;
  /** Accounts one person may hold (the company default), and of those keep locked. */
  holdingLimit: number;
  lockedLimit: number;
  /** CUS-3: holding limits per position ladder level, overriding the company default. */
  holdingLimits: Partial<Record<LadderLevel, number>>;
  /** CUS-12: pool accounts are claimable within one's market, or nationally. */
  poolScope: PoolScope;
}

export const defaultCustomerSettings: CustomerSettings = {
  visitMinimums: { A: 5, B: 5, C: 2, D: 2 },
  poolDays: 30,
  dealDays: 90,
  warnDays: 3,
  holdingLimit: 200,
  lockedLimit: 20,
  holdingLimits: {},
  poolScope: 'market',
};

function fromRow(row: CustomerSettingsValues): CustomerSettings {
  return {
    visitMinimums: { A: row.visitMinA, B: row.visitMinB, C: row.visitMinC, D: row.visitMinD },
    poolDays: row.poolDays,
    dealDays: row.dealDays,
    warnDays: row.warnDays,
    holdingLimit: row.holdingLimit,
    lockedLimit: row.lockedLimit,
    holdingLimits: row.holdingLimits,
    poolScope: row.poolScope,
  };
}

function toRow(settings: CustomerSettings): CustomerSettingsValues {
  const { visitMinimums: v, ...rest } = settings;
  return { visitMinA: v.A, visitMinB: v.B, visitMinC: v.C, visitMinD: v.D, ...rest };
}

export async function customerSettingsOf(db: Executor): Promise<CustomerSettings> {
  const row = await findSettingsRow(db);
  return row ? fromRow(row) : defaultCustomerSettings;
}

/** CUS-3: how many accounts a person of this ladder level may hold; people without a position get the company default. */
export function holdingLimitFor(settings: CustomerSettings, ladder: string | null): number {
  return (ladder ? settings.holdingLimits[ladder as LadderLevel] : undefined) ?? settings.holdingLimit;
}

/** CUS-3: monthly visit minimums per grade, as configured (defaults A 5, B 5, C 2, D 2). */
export async function visitMinimums(db: Executor): Promise<Record<AccountGrade, number>> {
  return (await customerSettingsOf(db)).visitMinimums;
}

function assertConsistent(input: CustomerSettings): void {
  for (const field of ['poolDays', 'dealDays'] as const) {
    const days = input[field];
    if (days > 0 && input.warnDays >= days)
      throw new AppError(CustomerErrors.warnDaysTooLong, { field: 'warnDays', days }, { field: 'warnDays' });
  }
  const holdings = [input.holdingLimit, ...Object.values(input.holdingLimits)];
  const smallest = Math.min(...holdings);
  if (input.lockedLimit > smallest) {
    throw new AppError(CustomerErrors.lockedOverHolding, { locked: input.lockedLimit, holding: smallest }, { field: 'lockedLimit' });
  }
}

/** The settings form may predate the per-level limits and the pool scope: what it leaves out stays as it is. */
export type CustomerSettingsInput = Omit<CustomerSettings, 'holdingLimits' | 'poolScope'> &
  Partial<Pick<CustomerSettings, 'holdingLimits' | 'poolScope'>>;

export async function updateCustomerSettings(ctx: ServiceContext, input: CustomerSettingsInput): Promise<CustomerSettings> {
  return ctx.db.transaction(async (tx) => {
    const before = await customerSettingsOf(tx);
    const next: CustomerSettings = {
      ...input,
      holdingLimits: input.holdingLimits ?? before.holdingLimits,
      poolScope: input.poolScope ?? before.poolScope,
    };
    assertConsistent(next);
    const after = fromRow(await upsertSettings(tx, toRow(next), ctx.actor.userId));
    await writeAudit(tx, ctx.actor, { entity: 'customer_settings', entityId: 1, action: 'update', before, after });
    return after;
  });
}
