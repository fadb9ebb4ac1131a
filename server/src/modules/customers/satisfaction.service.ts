import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { roundTo } from '../../platform/rates.js';
import { shanghaiDate } from '../../platform/time.js';
import { lockVisibleAccount, requireVisibleAccount } from './account.service.js';
import { CustomerErrors } from './customers.errors.js';
import { accountEntity } from './history.repository.js';
import {
  aggregateSurveys,
  findSurvey,
  insertSurvey,
  listSurveys,
  type SurveyAggregate,
  type SurveySummaryFilter,
} from './satisfaction.repository.js';
import type { SurveyChannel } from './satisfaction.schema.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

export interface SurveyInput {
  surveyedOn: string;
  channel: SurveyChannel;
  overallScore: number;
  productScore?: number | null;
  deliveryScore?: number | null;
  serviceScore?: number | null;
  priceScore?: number | null;
  wouldRecommend?: number | null;
  comment?: string | null;
}

/** The account card shows the recent history; older surveys only matter in aggregate. */
const listLimit = 200;

export async function getSurveys(ctx: ReadContext, accountId: number) {
  await requireVisibleAccount(ctx, accountId);
  return listSurveys(ctx.db, accountId, listLimit);
}

/** CUS-10: record one survey result, taken today or earlier (Shanghai days). */
export async function recordSurvey(ctx: ServiceContext, accountId: number, input: SurveyInput) {
  if (input.surveyedOn > shanghaiDate(new Date())) {
    throw new AppError(CustomerErrors.surveyInFuture, { field: 'surveyedOn' }, { field: 'surveyedOn' });
  }
  const comment = input.comment?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    await lockVisibleAccount(tx, ctx.principal, accountId);
    const id = await insertSurvey(tx, {
      accountId,
      surveyedOn: input.surveyedOn,
      channel: input.channel,
      overallScore: input.overallScore,
      productScore: input.productScore ?? null,
      deliveryScore: input.deliveryScore ?? null,
      serviceScore: input.serviceScore ?? null,
      priceScore: input.priceScore ?? null,
      wouldRecommend: input.wouldRecommend ?? null,
      comment,
      surveyedBy: ctx.principal.userId,
    });
    const created = await findSurvey(tx, id);
    if (!created) throw new Error('survey vanished');
    await writeAudit(tx, ctx.actor, { entity: accountEntity, entityId: accountId, action: 'survey.create', after: created });
    return created;
  });
}

export interface SurveyFigures {
  count: number;
  /** Mean overall score 1–5, two decimals; null without surveys. */
  averageScore: number | null;
  /** Surveys that answered the recommend question. */
  npsAnswers: number;
  /** % promoters (9–10) − % detractors (0–6) of the answers, one decimal; null without answers. */
  nps: number | null;
}

export function surveyFigures(rows: Omit<SurveyAggregate, 'kind'>[]): SurveyFigures {
  const sum = (key: keyof Omit<SurveyAggregate, 'kind'>) => rows.reduce((total, row) => total + row[key], 0);
  const count = sum('count');
  const npsAnswers = sum('npsAnswers');
  return {
    count,
    averageScore: count === 0 ? null : roundTo(sum('scoreSum') / count, 2),
    npsAnswers,
    nps: npsAnswers === 0 ? null : roundTo(((sum('promoters') - sum('detractors')) * 100) / npsAnswers, 1),
  };
}

/** CUS-10 KPIs: satisfaction and NPS over the caller's accounts, overall and per account kind. */
export async function surveySummary(ctx: ReadContext, filter: SurveySummaryFilter) {
  const rows = await aggregateSurveys(ctx.db, ctx.principal.scope, filter);
  return {
    ...surveyFigures(rows),
    byKind: rows.map((row) => ({ kind: row.kind, ...surveyFigures([row]) })),
  };
}
