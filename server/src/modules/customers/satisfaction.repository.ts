import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { users } from '../org/index.js';
import type { AccountKind } from './account.enums.js';
import { accountScopeColumns, geographySubtree } from './account.repository.js';
import { accounts } from './account.schema.js';
import { accountSurveys } from './satisfaction.schema.js';

export type NewSurvey = typeof accountSurveys.$inferInsert;

const surveyView = {
  id: accountSurveys.id,
  accountId: accountSurveys.accountId,
  surveyedOn: accountSurveys.surveyedOn,
  channel: accountSurveys.channel,
  overallScore: accountSurveys.overallScore,
  productScore: accountSurveys.productScore,
  deliveryScore: accountSurveys.deliveryScore,
  serviceScore: accountSurveys.serviceScore,
  priceScore: accountSurveys.priceScore,
  wouldRecommend: accountSurveys.wouldRecommend,
  comment: accountSurveys.comment,
  surveyedBy: accountSurveys.surveyedBy,
  surveyedByName: users.displayName,
  createdAt: accountSurveys.createdAt,
};

export type SurveyView = Awaited<ReturnType<typeof listSurveys>>[number];

/** Newest first, through the (account_id, surveyed_on desc) index. */
export function listSurveys(db: Executor, accountId: number, limit: number) {
  return db
    .select(surveyView)
    .from(accountSurveys)
    .innerJoin(users, eq(users.id, accountSurveys.surveyedBy))
    .where(eq(accountSurveys.accountId, accountId))
    .orderBy(desc(accountSurveys.surveyedOn), desc(accountSurveys.id))
    .limit(limit);
}

export async function insertSurvey(db: Executor, row: NewSurvey): Promise<number> {
  const [created] = await db.insert(accountSurveys).values(row).returning({ id: accountSurveys.id });
  if (!created) throw new Error('insert returned no row');
  return created.id;
}

export async function findSurvey(db: Executor, id: number): Promise<SurveyView | null> {
  const [row] = await db
    .select(surveyView)
    .from(accountSurveys)
    .innerJoin(users, eq(users.id, accountSurveys.surveyedBy))
    .where(eq(accountSurveys.id, id));
  return row ?? null;
}

export interface SurveySummaryFilter {
  from?: string;
  to?: string;
  geographyId?: number;
}

export interface SurveyAggregate {
  kind: AccountKind;
  count: number;
  scoreSum: number;
  npsAnswers: number;
  promoters: number;
  detractors: number;
}

/** Sums per account kind of the surveys on accounts in the caller's scope; the service turns them into averages and NPS. */
export async function aggregateSurveys(db: Executor, scope: DataScope, filter: SurveySummaryFilter): Promise<SurveyAggregate[]> {
  const conditions: (SQL | undefined)[] = [scopeCondition(scope, accountScopeColumns)];
  if (filter.from) conditions.push(gte(accountSurveys.surveyedOn, filter.from));
  if (filter.to) conditions.push(lte(accountSurveys.surveyedOn, filter.to));
  if (filter.geographyId) conditions.push(sql`${accounts.geographyId} IN ${geographySubtree(filter.geographyId)}`);
  const rows = await db
    .select({
      kind: accounts.kind,
      count: sql<number>`count(*)::int`,
      scoreSum: sql<number>`coalesce(sum(${accountSurveys.overallScore}), 0)::int`,
      npsAnswers: sql<number>`count(${accountSurveys.wouldRecommend})::int`,
      promoters: sql<number>`count(*) FILTER (WHERE ${accountSurveys.wouldRecommend} >= 9)::int`,
      detractors: sql<number>`count(*) FILTER (WHERE ${accountSurveys.wouldRecommend} <= 6)::int`,
    })
    .from(accountSurveys)
    .innerJoin(accounts, eq(accounts.id, accountSurveys.accountId))
    .where(and(...conditions))
    .groupBy(accounts.kind)
    .orderBy(accounts.kind);
  return rows;
}
