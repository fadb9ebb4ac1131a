import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { exportXlsx, XlsxFile } from '../../platform/excel/index.js';
import { RecordAttachmentSchema } from '../../platform/files/index.js';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, IdParams, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { FieldPermissions } from './field.permissions.js';
import { AttachmentIds, Day, VisitKindSchema, VisitSchema, VisitStatusSchema } from './field.schemas.js';
import { visitColumns, visitExportPages, visitSheet } from './visit.excel.js';
import { visitEntity } from './visit.repository.js';
import { cancelVisit, checkInVisit, getVisit, planVisit, recordVisit, searchVisits, visitCalendar } from './visit.service.js';

const tags = ['field'];

export const VisitDetailSchema = Type.Object(
  { ...VisitSchema.properties, attachments: Type.Array(RecordAttachmentSchema) },
  { $id: 'VisitDetail' },
);

const Latitude = Type.Number({ minimum: -90, maximum: 90, description: 'WGS-84 degrees; give it with longitude' });
const Longitude = Type.Number({ minimum: -180, maximum: 180, description: 'WGS-84 degrees; give it with latitude' });
const CheckedInAt = Type.String({
  format: 'date-time',
  description: 'When the visit happened; default now. Not in the future, not older than 7 days.',
});
const Purpose = Type.String({ maxLength: 500 });
const Result = Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', description: 'What came of the visit' });
const NextStep = Type.String({ maxLength: 500 });

const filterFields = {
  repUserId: Type.Optional(Id),
  accountId: Type.Optional(Id),
  kind: Type.Optional(VisitKindSchema),
  status: Type.Optional(VisitStatusSchema),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
};
const FilterQuery = Type.Object(filterFields);

const ListQuery = Type.Object({
  ...PageQuery,
  ...filterFields,
  sort: Type.Optional(StringEnum(['visitDate', 'checkedInAt', 'createdAt'])),
  order: Type.Optional(StringEnum(['asc', 'desc'])),
});

const CalendarSchema = Type.Object(
  {
    repUserId: Type.Integer(),
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
    days: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), visits: Type.Array(VisitSchema) })),
  },
  { $id: 'VisitCalendar' },
);

export const visitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const detail = { 200: VisitDetailSchema };

  app.get(
    '/visits',
    {
      config: { access: FieldPermissions['visits.read'] },
      schema: {
        operationId: 'listVisits',
        tags,
        summary: 'Visits within my data scope (the visiting user, or the geography of the account visited)',
        querystring: ListQuery,
        response: { 200: Page(VisitSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, sort = 'visitDate', order = 'desc', ...filter } = request.query;
      return searchVisits(ctx(request), filter, { limit, offset, sort, order });
    },
  );

  app.get(
    '/visits/export',
    {
      config: { access: FieldPermissions['visits.export'] },
      schema: {
        operationId: 'exportVisits',
        tags,
        summary: 'The visit list with the same filters as .xlsx (streamed, watermarked, audited)',
        querystring: FilterQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const c = ctx(request);
      return exportXlsx(reply, c, {
        ...visitSheet,
        entity: visitEntity,
        filters: request.query,
        columns: visitColumns,
        locale: request.locale,
        pages: visitExportPages(c.db, c.principal, request.query),
      });
    },
  );

  app.get(
    '/visits/calendar',
    {
      config: { access: FieldPermissions['visits.read'] },
      schema: {
        operationId: 'getVisitCalendar',
        tags,
        summary: "One rep's visits of a week or month, day by day (default: mine)",
        querystring: Type.Object({ repUserId: Type.Optional(Id), from: Day, to: Day }),
        response: { 200: CalendarSchema },
      },
    },
    async (request) => visitCalendar(ctx(request), request.query),
  );

  app.get(
    '/visits/:id',
    {
      config: { access: FieldPermissions['visits.read'] },
      schema: { operationId: 'getVisit', tags, params: IdParams, response: detail },
    },
    async (request) => getVisit(ctx(request), request.params.id),
  );

  app.post(
    '/visits',
    {
      config: { access: FieldPermissions['visits.record'] },
      schema: {
        operationId: 'recordVisit',
        tags,
        summary: 'Records a done visit (check-in now, or back-dated up to 7 days); restarts the account’s pool clock',
        body: Type.Object(
          {
            accountId: Id,
            kind: VisitKindSchema,
            checkedInAt: Type.Optional(CheckedInAt),
            latitude: Type.Optional(Latitude),
            longitude: Type.Optional(Longitude),
            purpose: Type.Optional(Purpose),
            result: Result,
            nextStep: Type.Optional(NextStep),
            attachmentIds: Type.Optional(AttachmentIds),
          },
          { additionalProperties: false },
        ),
        response: { 201: VisitDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordVisit(ctx(request), request.body)),
  );

  app.post(
    '/visits/planned',
    {
      config: { access: FieldPermissions['visits.record'] },
      schema: {
        operationId: 'planVisit',
        tags,
        summary: 'Plans a visit for today or later; it joins my visit plan of that ISO week',
        body: Type.Object(
          { accountId: Id, kind: VisitKindSchema, plannedFor: Day, purpose: Type.Optional(Purpose) },
          { additionalProperties: false },
        ),
        response: { 201: VisitDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await planVisit(ctx(request), request.body)),
  );

  app.post(
    '/visits/:id/check-in',
    {
      config: { access: FieldPermissions['visits.record'] },
      schema: {
        operationId: 'checkInVisit',
        tags,
        summary: 'Checks in my planned visit: it becomes done',
        params: IdParams,
        body: Type.Object(
          {
            checkedInAt: Type.Optional(CheckedInAt),
            latitude: Type.Optional(Latitude),
            longitude: Type.Optional(Longitude),
            purpose: Type.Optional(Purpose),
            result: Result,
            nextStep: Type.Optional(NextStep),
            attachmentIds: Type.Optional(AttachmentIds),
          },
          { additionalProperties: false },
        ),
        response: detail,
      },
    },
    async (request) => checkInVisit(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/visits/:id/cancel',
    {
      config: { access: FieldPermissions['visits.record'] },
      schema: {
        operationId: 'cancelVisit',
        tags,
        summary: 'Cancels my planned visit',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) }, { additionalProperties: false }),
        response: detail,
      },
    },
    async (request) => cancelVisit(ctx(request), request.params.id, { reason: request.body.reason.trim() }),
  );
};
