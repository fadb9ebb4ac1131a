import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { DateTime, Id, IdParams, Nullable, Page, PageQuery } from '../../platform/http/schemas.js';
import { FieldPermissions } from './field.permissions.js';
import { Day, VisitSchema } from './field.schemas.js';
import { commentLog, getLog, getMyLog, missingLogsReport, searchLogs, writeMyLog } from './work-log.service.js';

const tags = ['field'];
const Text = (maxLength: number) => Type.String({ maxLength });
const DayParams = Type.Object({ date: Day });

const logFields = {
  id: Type.Integer(),
  userId: Type.Integer(),
  userName: Type.String(),
  geographyId: Nullable(Type.Integer()),
  geographyName: Nullable(Type.String()),
  date: Type.String({ format: 'date' }),
  progress: Type.String(),
  problems: Type.String(),
  helpNeeded: Type.String(),
  submittedAt: DateTime,
  updatedAt: DateTime,
  doneVisitCount: Type.Integer(),
  commentCount: Type.Integer(),
};
const WorkLogSchema = Type.Object(logFields, { $id: 'WorkLog' });
const WorkLogCommentSchema = Type.Object(
  { id: Type.Integer(), userId: Type.Integer(), userName: Type.String(), body: Type.String(), at: DateTime },
  { $id: 'WorkLogComment' },
);
const WorkLogDetailSchema = Type.Object(
  {
    ...logFields,
    visits: Type.Array(VisitSchema, { description: 'The author’s visits of that day, found by date' }),
    comments: Type.Array(WorkLogCommentSchema),
  },
  { $id: 'WorkLogDetail' },
);

export const workLogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const detail = { 200: WorkLogDetailSchema };

  app.get(
    '/work-logs/mine',
    {
      config: { access: FieldPermissions['logs.write'] },
      schema: {
        operationId: 'listMyWorkLogs',
        tags,
        summary: 'My own logs, newest day first',
        querystring: Type.Object({ ...PageQuery, from: Type.Optional(Day), to: Type.Optional(Day) }),
        response: { 200: Page(WorkLogSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      const c = ctx(request);
      return searchLogs(c, { ...filter, userId: c.principal.userId }, { limit, offset });
    },
  );

  app.get(
    '/work-logs/mine/:date',
    {
      config: { access: FieldPermissions['logs.write'] },
      schema: {
        operationId: 'getMyWorkLog',
        tags,
        summary: 'My log of a day, with its visits and comments',
        params: DayParams,
        response: detail,
      },
    },
    async (request) => getMyLog(ctx(request), request.params.date),
  );

  app.put(
    '/work-logs/mine/:date',
    {
      config: { access: FieldPermissions['logs.write'] },
      schema: {
        operationId: 'writeMyWorkLog',
        tags,
        summary: 'Writes or corrects my log of a day (today or up to 7 days back); one per day',
        params: DayParams,
        body: Type.Object(
          {
            progress: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S', description: '工作进展' }),
            problems: Type.Optional(Text(4000)),
            helpNeeded: Type.Optional(Text(2000)),
          },
          { additionalProperties: false },
        ),
        response: detail,
      },
    },
    async (request) => writeMyLog(ctx(request), request.params.date, request.body),
  );

  app.get(
    '/work-logs',
    {
      config: { access: FieldPermissions['logs.review'] },
      schema: {
        operationId: 'listWorkLogs',
        tags,
        summary: 'Work logs within my data scope, newest day first',
        querystring: Type.Object({ ...PageQuery, userId: Type.Optional(Id), from: Type.Optional(Day), to: Type.Optional(Day) }),
        response: { 200: Page(WorkLogSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return searchLogs(ctx(request), filter, { limit, offset });
    },
  );

  app.get(
    '/work-logs/missing',
    {
      config: { access: FieldPermissions['logs.review'] },
      schema: {
        operationId: 'listMissingWorkLogs',
        tags,
        summary: 'Working days (Mon–Fri; holidays not modelled) up to today without a log, per rep or supervisor in my scope',
        querystring: Type.Object({ from: Day, to: Day }),
        response: {
          200: Type.Object(
            {
              from: Type.String({ format: 'date' }),
              to: Type.String({ format: 'date', description: 'The end of the range, or today if earlier' }),
              workingDays: Type.Integer(),
              writers: Type.Integer({ description: 'People in scope expected to write logs' }),
              missingTotal: Type.Integer(),
              items: Type.Array(
                Type.Object({
                  userId: Type.Integer(),
                  username: Type.String(),
                  userName: Type.String(),
                  positionName: Type.String(),
                  geographyName: Nullable(Type.String()),
                  missingDates: Type.Array(Type.String({ format: 'date' })),
                  missingCount: Type.Integer(),
                }),
              ),
            },
            { $id: 'MissingWorkLogs' },
          ),
        },
      },
    },
    async (request) => missingLogsReport(ctx(request), request.query),
  );

  app.get(
    '/work-logs/:id',
    {
      config: { access: FieldPermissions['logs.review'] },
      schema: { operationId: 'getWorkLog', tags, params: IdParams, response: detail },
    },
    async (request) => getLog(ctx(request), request.params.id),
  );

  app.post(
    '/work-logs/:id/comments',
    {
      config: { access: FieldPermissions['logs.review'] },
      schema: {
        operationId: 'commentWorkLog',
        tags,
        summary: 'A superior comments on a log (点评)',
        params: IdParams,
        body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) }, { additionalProperties: false }),
        response: { 201: WorkLogDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await commentLog(ctx(request), request.params.id, request.body.body.trim())),
  );
};
