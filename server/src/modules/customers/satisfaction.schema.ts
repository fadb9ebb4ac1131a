import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { createdAt, id, ref } from '../../platform/db/columns.js';
import { users } from '../org/index.js';
import { accounts } from './account.schema.js';

/** How a satisfaction survey was taken. */
export const surveyChannels = ['visit', 'phone', 'questionnaire', 'other'] as const;
export type SurveyChannel = (typeof surveyChannels)[number];

/** The optional per-dimension scores of a survey, beside the overall one. */
export const surveyDimensions = ['productScore', 'deliveryScore', 'serviceScore', 'priceScore'] as const;

const scoreRange = (column: unknown) => sql`${column} BETWEEN 1 AND 5`;

/** CUS-10 满意度: one survey result of an account, never edited; feeds satisfaction and NPS KPIs. */
export const accountSurveys = pgTable(
  'account_surveys',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id),
    /** Shanghai calendar day of the survey. */
    surveyedOn: date('surveyed_on', { mode: 'string' }).notNull(),
    channel: text('channel', { enum: surveyChannels }).notNull(),
    overallScore: smallint('overall_score').notNull(),
    productScore: smallint('product_score'),
    deliveryScore: smallint('delivery_score'),
    serviceScore: smallint('service_score'),
    priceScore: smallint('price_score'),
    /** "How likely are you to recommend us" 0–10, the NPS question; null when not asked. */
    wouldRecommend: smallint('would_recommend'),
    comment: text('comment'),
    surveyedBy: ref('surveyed_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('account_surveys_account_day_idx').on(t.accountId, t.surveyedOn.desc()),
    index('account_surveys_day_idx').on(t.surveyedOn),
    check('account_surveys_overall_range', scoreRange(t.overallScore)),
    check('account_surveys_product_range', scoreRange(t.productScore)),
    check('account_surveys_delivery_range', scoreRange(t.deliveryScore)),
    check('account_surveys_service_range', scoreRange(t.serviceScore)),
    check('account_surveys_price_range', scoreRange(t.priceScore)),
    check('account_surveys_recommend_range', sql`${t.wouldRecommend} BETWEEN 0 AND 10`),
  ],
);
