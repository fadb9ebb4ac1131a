import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { pageOf } from '../../platform/db/tree.js';
import { serviceContext } from '../../platform/http/request-context.js';
import { DateTime, Id, IdParams, Nullable, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { OrgPermissions } from './org.permissions.js';
import {
  acknowledgePolicy,
  addVersion,
  createPolicy,
  getPolicy,
  pendingPolicies,
  publishVersion,
  retirePolicy,
  searchPolicies,
  setTargets,
  unacknowledgedReport,
} from './policy.service.js';

const tags = ['org'];

const policyStatuses = ['draft', 'published', 'retired'] as const;
const versionStatuses = ['draft', 'published', 'superseded'] as const;

const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

const summaryProperties = {
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  category: Type.String(),
  status: StringEnum(policyStatuses),
  ownerDepartmentId: Nullable(Type.Integer()),
  ownerDepartmentName: Nullable(Type.String()),
  currentVersionId: Nullable(Type.Integer()),
  currentVersion: Nullable(Type.String()),
  effectiveDate: Nullable(CalendarDate),
  publishedAt: Nullable(DateTime),
  targetCount: Type.Integer({ description: 'Active users the policy targets' }),
  acknowledgedCount: Type.Integer({ description: 'Targeted users who acknowledged the current version' }),
  pendingCount: Type.Integer({ description: 'Targeted users still to acknowledge the current version (0 unless published)' }),
  myAcknowledgedAt: Nullable(DateTime),
  targetsMe: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
};

const PolicySummary = Type.Object(summaryProperties, { $id: 'PolicySummary' });

const PolicyVersion = Type.Object({
  id: Type.Integer(),
  version: Type.String(),
  status: StringEnum(versionStatuses),
  changeSummary: Type.String(),
  draftedById: Nullable(Type.Integer()),
  draftedByName: Nullable(Type.String()),
  reviewedById: Nullable(Type.Integer()),
  reviewedByName: Nullable(Type.String()),
  approvedById: Nullable(Type.Integer()),
  approvedByName: Nullable(Type.String()),
  publishedAt: Nullable(DateTime),
  effectiveDate: Nullable(CalendarDate),
  createdAt: DateTime,
});

const PolicyDetail = Type.Object(
  {
    ...summaryProperties,
    versions: Type.Array(PolicyVersion, { description: 'Revision log, newest first' }),
    targets: Type.Object({
      departments: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
      positions: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), departmentName: Type.String() })),
    }),
    body: Nullable(Type.String({ description: 'Markdown text of the version in force' })),
    draft: Nullable(
      Type.Object(
        { id: Type.Integer(), version: Type.String(), body: Type.String(), changeSummary: Type.String() },
        { description: 'The draft under preparation (policy managers only)' },
      ),
    ),
  },
  { $id: 'PolicyDetail' },
);

export const PendingPolicy = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  version: Type.String(),
  effectiveDate: Nullable(CalendarDate),
});

const Unacknowledged = Type.Object({
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  positionName: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
});

const VersionLabel = Type.String({ minLength: 1, maxLength: 20, description: 'e.g. V1.0; unique within the policy' });
const Body = Type.String({ minLength: 1, description: 'Markdown, at most 200 KB' });
const ChangeSummary = Type.String({ maxLength: 500, description: 'The revision log line' });
const IdList = Type.Array(Id, { maxItems: 200 });

const VersionParams = Type.Object({ id: Id, versionId: Id });

export const policyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const manage = OrgPermissions['policies.manage'];

  app.get(
    '/policies',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listPolicies',
        tags,
        summary: 'Policy library with acknowledgement counts (drafts and retired only for policy managers)',
        querystring: Type.Object({
          ...PageQuery,
          q: Type.Optional(Type.String({ maxLength: 60, description: 'Code or title contains' })),
          category: Type.Optional(Type.String({ maxLength: 40 })),
          status: Type.Optional(StringEnum(policyStatuses)),
        }),
        response: { 200: Page(PolicySummary) },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return searchPolicies(ctx(request), filter, pageOf({ limit, offset }));
    },
  );

  app.get(
    '/policies/pending',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listMyPendingPolicies',
        tags,
        summary: 'Published policies I am asked to read and have not acknowledged',
        response: { 200: Type.Array(PendingPolicy) },
      },
    },
    async (request) => pendingPolicies(ctx(request)),
  );

  app.get(
    '/policies/:id',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'getPolicy', tags, params: IdParams, response: { 200: PolicyDetail } },
    },
    async (request) => getPolicy(ctx(request), request.params.id),
  );

  app.post(
    '/policies',
    {
      config: { access: manage },
      schema: {
        operationId: 'createPolicy',
        tags,
        summary: 'A new policy as a draft with its first version',
        body: Type.Object(
          {
            code: Type.String({ minLength: 2, maxLength: 30, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'e.g. MKT-001' }),
            title: Type.String({ minLength: 1, maxLength: 120 }),
            category: Type.String({ minLength: 1, maxLength: 40, description: 'e.g. 管理手册, 销售制度' }),
            ownerDepartmentId: Type.Optional(Nullable(Id)),
            version: VersionLabel,
            body: Body,
            changeSummary: Type.Optional(ChangeSummary),
            departmentIds: Type.Optional(IdList),
            positionIds: Type.Optional(IdList),
          },
          { additionalProperties: false },
        ),
        response: { 201: PolicyDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await createPolicy(ctx(request), request.body)),
  );

  app.post(
    '/policies/:id/versions',
    {
      config: { access: manage },
      schema: {
        operationId: 'addPolicyVersion',
        tags,
        summary: 'A new draft version (one draft at a time)',
        params: IdParams,
        body: Type.Object({ version: VersionLabel, body: Body, changeSummary: ChangeSummary }, { additionalProperties: false }),
        response: { 201: PolicyDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await addVersion(ctx(request), request.params.id, request.body)),
  );

  app.post(
    '/policies/:id/versions/:versionId/publish',
    {
      config: { access: manage },
      schema: {
        operationId: 'publishPolicyVersion',
        tags,
        summary: 'Put a draft version in force; everyone targeted must acknowledge it',
        params: VersionParams,
        body: Type.Object({ reviewedBy: Id, approvedBy: Id, effectiveDate: CalendarDate }, { additionalProperties: false }),
        response: { 200: PolicyDetail },
      },
    },
    async (request) => publishVersion(ctx(request), request.params.id, request.params.versionId, request.body),
  );

  app.put(
    '/policies/:id/targets',
    {
      config: { access: manage },
      schema: {
        operationId: 'setPolicyTargets',
        tags,
        summary: 'Who the policy is for: departments (with everything below) and positions',
        params: IdParams,
        body: Type.Object({ departmentIds: IdList, positionIds: IdList }, { additionalProperties: false }),
        response: { 200: PolicyDetail },
      },
    },
    async (request) => setTargets(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/policies/:id/retire',
    {
      config: { access: manage },
      schema: { operationId: 'retirePolicy', tags, params: IdParams, response: { 200: PolicyDetail } },
    },
    async (request) => retirePolicy(ctx(request), request.params.id),
  );

  app.post(
    '/policies/:id/acknowledge',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'acknowledgePolicy',
        tags,
        summary: 'Confirm having read the version in force (repeat calls keep the first time)',
        params: IdParams,
        response: { 200: Type.Object({ acknowledgedAt: DateTime }) },
      },
    },
    async (request) => acknowledgePolicy(ctx(request), request.params.id),
  );

  app.get(
    '/policies/:id/unacknowledged',
    {
      config: { access: manage },
      schema: {
        operationId: 'listPolicyUnacknowledged',
        tags,
        summary: 'Targeted people within my data scope who have not acknowledged the version in force',
        params: IdParams,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(Unacknowledged) },
      },
    },
    async (request) => unacknowledgedReport(ctx(request), request.params.id, pageOf(request.query)),
  );
};
