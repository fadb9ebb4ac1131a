import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, Nullable, Page, PageQuery } from '../../platform/http/schemas.js';
import { callResults, maxReportDays, planCalls } from './call-plan.service.js';
import { LeadPermissions } from './lead.permissions.js';
import { Day } from './lead.schemas.js';

const tags = ['customers'];

export const CallDaySchema = Type.Object(
  {
    callerUserId: Type.Integer(),
    callerName: Type.String(),
    date: Type.String({ format: 'date' }),
    planId: Nullable(Type.Integer({ description: 'Null when the caller called without a plan that day' })),
    targetCalls: Nullable(Type.Integer()),
    note: Nullable(Type.String()),
    calls: Type.Integer({ description: 'Follow-ups of kind call the caller recorded that day (China time)' }),
    leadsCalled: Type.Integer(),
    appointments: Type.Integer({ description: 'Appointments the caller booked that day' }),
    attainment: Nullable(Type.Number({ description: 'calls ÷ target' })),
  },
  { $id: 'CallDay' },
);

/** CUS-7 daily call plans (call客) and the results per caller per day. */
export const callPlanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/call-plans',
    {
      config: { access: LeadPermissions['leads.read'] },
      schema: {
        operationId: 'listCallPlans',
        tags,
        summary: `Call plans and results per caller and day within my scope (at most ${maxReportDays} days)`,
        querystring: Type.Object({ ...PageQuery, from: Day, to: Day, callerUserId: Type.Optional(Id) }),
        response: { 200: Page(CallDaySchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return callResults(ctx(request), filter, { limit, offset });
    },
  );

  app.put(
    '/call-plans',
    {
      config: { access: LeadPermissions['leads.manage'] },
      schema: {
        operationId: 'planCalls',
        tags,
        summary: "Sets a caller's call target for a day (mine by default; another's needs leads.assign)",
        body: Type.Object(
          {
            callerUserId: Type.Optional(Id),
            date: Day,
            targetCalls: Type.Integer({ minimum: 0, maximum: 1000 }),
            note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: CallDaySchema },
      },
    },
    async (request) => planCalls(ctx(request), request.body),
  );
};
