import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { DateTime, Id, IdParams, Nullable, Page, PageQuery } from '../../platform/http/schemas.js';
import { FieldPermissions } from './field.permissions.js';
import { Day, VisitPlanStatusSchema, VisitSchema } from './field.schemas.js';
import { createPlan, getPlan, searchPlans, submitPlan, updatePlanNote } from './visit-plan.service.js';

const tags = ['field'];
const Note = Type.String({ maxLength: 2000 });

const planFields = {
  id: Type.Integer(),
  repUserId: Type.Integer(),
  repName: Type.String(),
  geographyId: Nullable(Type.Integer()),
  geographyName: Nullable(Type.String()),
  weekStart: Type.String({ format: 'date', description: 'The Monday of the ISO week' }),
  status: VisitPlanStatusSchema,
  note: Type.String(),
  submittedAt: Nullable(DateTime),
  plannedCount: Type.Integer(),
  doneCount: Type.Integer(),
  cancelledCount: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
};
const VisitPlanSchema = Type.Object(planFields, { $id: 'VisitPlan' });
const VisitPlanDetailSchema = Type.Object({ ...planFields, visits: Type.Array(VisitSchema) }, { $id: 'VisitPlanDetail' });

export const visitPlanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const detail = { 200: VisitPlanDetailSchema };

  app.get(
    '/visit-plans',
    {
      config: { access: FieldPermissions['visits.read'] },
      schema: {
        operationId: 'listVisitPlans',
        tags,
        summary: 'Weekly visit plans within my data scope (a manager sees the team’s)',
        querystring: Type.Object({
          ...PageQuery,
          repUserId: Type.Optional(Id),
          status: Type.Optional(VisitPlanStatusSchema),
          from: Type.Optional(Day),
          to: Type.Optional(Day),
        }),
        response: { 200: Page(VisitPlanSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return searchPlans(ctx(request), filter, { limit, offset });
    },
  );

  app.get(
    '/visit-plans/:id',
    {
      config: { access: FieldPermissions['visits.read'] },
      schema: { operationId: 'getVisitPlan', tags, params: IdParams, response: detail },
    },
    async (request) => getPlan(ctx(request), request.params.id),
  );

  app.post(
    '/visit-plans',
    {
      config: { access: FieldPermissions['visits.record'] },
      schema: {
        operationId: 'createVisitPlan',
        tags,
        summary: 'Opens my plan for an ISO week (planning a visit opens it too)',
        body: Type.Object({ weekStart: Day, note: Type.Optional(Note) }, { additionalProperties: false }),
        response: { 201: VisitPlanDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(ctx(request), request.body)),
  );

  app.patch(
    '/visit-plans/:id',
    {
      config: { access: FieldPermissions['visits.record'] },
      schema: {
        operationId: 'updateVisitPlan',
        tags,
        summary: 'Edits the note of my draft plan',
        params: IdParams,
        body: Type.Object({ note: Note }, { additionalProperties: false }),
        response: detail,
      },
    },
    async (request) => updatePlanNote(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/visit-plans/:id/submit',
    {
      config: { access: FieldPermissions['visits.record'] },
      schema: { operationId: 'submitVisitPlan', tags, summary: 'Hands my plan to my manager', params: IdParams, response: detail },
    },
    async (request) => submitPlan(ctx(request), request.params.id),
  );
};
