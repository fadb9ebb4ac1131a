import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { rateOf } from '../../platform/rates.js';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../../platform/time.js';
import { OrderKpiErrors } from './order-kpi.errors.js';
import { aggregateRepeatPurchase, type RepeatPurchaseAggregate } from './order-kpi.repository.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

/** Without a period the KPI looks at the last 90 Shanghai days, today included. */
export const defaultPeriodDays = 90;
/** A year (leap or not) at most: the KPI is a rate over a season, not an all-time scan. */
export const maxPeriodDays = 366;

export interface PeriodQuery {
  /** Shanghai calendar days, both inclusive. */
  from?: string;
  to?: string;
}

/** The Shanghai days [from, to] the KPI covers; wrong periods are blamed on the field the caller gave. */
export function resolvePeriod(query: PeriodQuery, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, 1 - defaultPeriodDays);
  const field = query.to ? 'to' : 'from';
  if (to < from) throw new AppError(OrderKpiErrors.periodReversed, { field, from }, { field });
  if (addDays(from, maxPeriodDays - 1) < to) throw new AppError(OrderKpiErrors.periodTooLong, { field, days: maxPeriodDays }, { field });
  return { from, to };
}

export interface RepeatPurchaseFigures {
  /** Accounts with at least one placed order in the period. */
  accounts: number;
  /** Accounts with at least two placed orders in the period. */
  repeatAccounts: number;
  /** repeatAccounts / accounts, 0–1, four decimals; null when nobody ordered. */
  rate: number | null;
}

function figures(rows: Omit<RepeatPurchaseAggregate, 'kind'>[]): RepeatPurchaseFigures {
  const accounts = rows.reduce((total, row) => total + row.accounts, 0);
  const repeatAccounts = rows.reduce((total, row) => total + row.repeatAccounts, 0);
  return { accounts, repeatAccounts, rate: rateOf(repeatAccounts, accounts) };
}

/**
 * CUS-10 复购率 over the orders in the caller's scope: of the accounts that placed an order
 * (any status but draft and cancelled) entered in the period, the share that placed two or more.
 */
export async function repeatPurchaseRate(ctx: ReadContext, query: PeriodQuery) {
  const period = resolvePeriod(query, shanghaiDate(new Date()));
  const rows = await aggregateRepeatPurchase(
    ctx.db,
    ctx.principal.scope,
    startOfShanghaiDay(period.from),
    startOfShanghaiDay(addDays(period.to, 1)),
  );
  return {
    ...period,
    ...figures(rows),
    byKind: rows.map((row) => ({ kind: row.kind, ...figures([row]) })),
  };
}
