import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { DateTime, Id, Nullable, StringEnum } from '../../platform/http/schemas.js';
import { AccountIdParams, Kind } from './account.schemas.js';
import { CustomerPermissions } from './customers.permissions.js';
import { surveyChannels } from './satisfaction.schema.js';
import { getSurveys, recordSurvey, surveySummary } from './satisfaction.service.js';

const tags = ['customers'];
const read = CustomerPermissions['accounts.read'];
const write = CustomerPermissions['accounts.write'];

const Day = Type.String({ format: 'date', description: 'Shanghai calendar day, YYYY-MM-DD' });
const Score = Type.Integer({ minimum: 1, maximum: 5 });
const Recommend = Type.Integer({ minimum: 0, maximum: 10, description: 'NPS question: 0–10' });

const SurveySchema = Type.Object({
  id: Type.Integer(),
  accountId: Type.Integer(),
  surveyedOn: Type.String(),
  channel: StringEnum(surveyChannels),
  overallScore: Type.Integer(),
  productScore: Nullable(Type.Integer()),
  deliveryScore: Nullable(Type.Integer()),
  serviceScore: Nullable(Type.Integer()),
  priceScore: Nullable(Type.Integer()),
  wouldRecommend: Nullable(Type.Integer()),
  comment: Nullable(Type.String()),
  surveyedBy: Type.Integer(),
  surveyedByName: Type.String(),
  createdAt: DateTime,
});

const CreateSurveyBody = Type.Object(
  {
    surveyedOn: Day,
    channel: StringEnum(surveyChannels),
    overallScore: Score,
    productScore: Type.Optional(Nullable(Score)),
    deliveryScore: Type.Optional(Nullable(Score)),
    serviceScore: Type.Optional(Nullable(Score)),
    priceScore: Type.Optional(Nullable(Score)),
    wouldRecommend: Type.Optional(Nullable(Recommend)),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);

const figures = {
  count: Type.Integer(),
  averageScore: Nullable(Type.Number({ description: 'Mean overall score 1–5' })),
  npsAnswers: Type.Integer({ description: 'Surveys that answered the recommend question' }),
  nps: Nullable(Type.Number({ description: '% promoters (9–10) − % detractors (0–6)' })),
};

const SurveySummarySchema = Type.Object({
  ...figures,
  byKind: Type.Array(Type.Object({ kind: Kind, ...figures })),
});

/** CUS-10 satisfaction surveys of an account, and their KPI summary. */
export const satisfactionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/accounts/:id/surveys',
    {
      config: { access: read },
      schema: {
        operationId: 'listAccountSurveys',
        tags,
        summary: 'CUS-10 satisfaction surveys of the account, newest first',
        params: AccountIdParams,
        response: { 200: Type.Object({ items: Type.Array(SurveySchema) }) },
      },
    },
    async (request) => ({ items: await getSurveys(ctx(request), request.params.id) }),
  );

  app.post(
    '/accounts/:id/surveys',
    {
      config: { access: write },
      schema: {
        operationId: 'createAccountSurvey',
        tags,
        params: AccountIdParams,
        body: CreateSurveyBody,
        response: { 201: SurveySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordSurvey(ctx(request), request.params.id, request.body)),
  );

  app.get(
    '/surveys/summary',
    {
      config: { access: read },
      schema: {
        operationId: 'surveySummary',
        tags,
        summary: 'CUS-10 KPIs: average satisfaction and NPS over the accounts in scope, per account kind',
        querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day), geographyId: Type.Optional(Id) }),
        response: { 200: SurveySummarySchema },
      },
    },
    async (request) => surveySummary(ctx(request), request.query),
  );
};
