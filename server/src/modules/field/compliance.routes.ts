import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { DateTime, Id, Nullable, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { complianceLevels } from './compliance.repository.js';
import { getComplianceRollup, getComplianceStores, getMyCompliance } from './compliance.service.js';
import { FieldPermissions } from './field.permissions.js';
import { GradeSchema, Month } from './field.schemas.js';

const tags = ['field'];

const RollupRowSchema = Type.Object(
  {
    id: Nullable(
      Type.Integer({ description: 'User id (level rep) or geography id (region, market); null for the nation or an unassigned bucket' }),
    ),
    code: Nullable(Type.String()),
    name: Nullable(Type.String()),
    storesTotal: Type.Integer(),
    compliant: Type.Integer(),
    nonCompliant: Type.Integer(),
    complianceRate: Nullable(Type.Number({ description: 'compliant / storesTotal, 0–1, four decimals; null without stores' })),
    visitsDone: Type.Integer({ description: 'Done onsite visits to these stores in the month' }),
    visitsRequired: Type.Integer({ description: 'Sum of the stores’ monthly minimums' }),
    visitsMissing: Type.Integer({ description: 'Sum of each store’s shortfall below its minimum' }),
  },
  // No $id: a report carries the schema twice (rows and total), which a shared id would make ambiguous.
);

const monthFields = {
  month: Type.String({ description: 'YYYY-MM' }),
  frozen: Type.Boolean({ description: 'true: read from the month’s frozen snapshot' }),
  frozenAt: Nullable(DateTime),
};

const StoreComplianceSchema = Type.Object(
  {
    accountId: Type.Integer(),
    accountCode: Type.String(),
    accountName: Type.String(),
    grade: GradeSchema,
    ownerUserId: Type.Integer(),
    ownerName: Type.String(),
    geographyId: Nullable(Type.Integer()),
    geographyName: Nullable(Type.String()),
    required: Type.Integer(),
    done: Type.Integer(),
    shortfall: Type.Integer(),
  },
  { $id: 'StoreCompliance' },
);

export const complianceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const access = FieldPermissions['compliance.read'];

  app.get(
    '/compliance',
    {
      config: { access },
      schema: {
        operationId: 'getVisitCompliance',
        tags,
        summary: 'CUS-5: visit compliance of a month per rep, region, market or the nation, within my data scope',
        querystring: Type.Object({
          month: Type.Optional(Month),
          level: Type.Optional(StringEnum(complianceLevels)),
          geographyId: Type.Optional(Id),
        }),
        response: {
          200: Type.Object(
            { ...monthFields, level: StringEnum(complianceLevels), rows: Type.Array(RollupRowSchema), total: RollupRowSchema },
            { $id: 'VisitComplianceReport' },
          ),
        },
      },
    },
    async (request) => getComplianceRollup(ctx(request), { ...request.query, level: request.query.level ?? 'rep' }),
  );

  app.get(
    '/compliance/stores',
    {
      config: { access },
      schema: {
        operationId: 'listVisitComplianceStores',
        tags,
        summary: 'CUS-5: stores with their minimum and done onsite visits of a month, furthest below first',
        querystring: Type.Object({
          ...PageQuery,
          month: Type.Optional(Month),
          ownerUserId: Type.Optional(Id),
          geographyId: Type.Optional(Id),
          onlyNonCompliant: Type.Optional(Type.Boolean()),
        }),
        response: {
          200: Type.Object(
            { ...monthFields, items: Type.Array(StoreComplianceSchema), total: Type.Integer() },
            { $id: 'VisitComplianceStores' },
          ),
        },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return getComplianceStores(ctx(request), filter, { limit, offset });
    },
  );

  app.get(
    '/compliance/me',
    {
      config: { access },
      schema: {
        operationId: 'getMyVisitCompliance',
        tags,
        summary: 'Home page: my stores below their minimum this month; for a manager, the rate across their scope',
        response: {
          200: Type.Object(
            {
              month: Type.String(),
              mine: RollupRowSchema,
              belowMinimum: Type.Array(StoreComplianceSchema, { description: 'At most 200, furthest below first' }),
              belowMinimumTotal: Type.Integer(),
              team: Nullable(RollupRowSchema),
            },
            { $id: 'MyVisitCompliance' },
          ),
        },
      },
    },
    async (request) => getMyCompliance(ctx(request)),
  );
};
