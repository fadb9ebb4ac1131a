import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { exportXlsx, XlsxFile } from '../../platform/excel/index.js';
import { serviceContext } from '../../platform/http/request-context.js';
import { DateTime, Id, IdParams, Nullable, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { accountGrades, accountKinds, partyTypes } from './account.enums.js';
import { mobilePattern } from './account.rules.js';
import { accountExcelRoutes } from './account-excel.routes.js';
import { callPlanRoutes } from './call-plan.routes.js';
import { followUpKinds, leadSources, leadStatuses } from './lead.enums.js';
import { leadColumns, leadExportPages, leadSheet } from './lead.excel.js';
import { LeadPermissions } from './lead.permissions.js';
import type { LeadFilter } from './lead.repository.js';
import { Day } from './lead.schemas.js';
import {
  addFollowUp,
  convertLead,
  createLead,
  getLead,
  leadEntity,
  leadFunnel,
  linkLeadToAccount,
  markLeadLost,
  searchLeads,
  updateLead,
} from './lead.service.js';
import { assignLeads, assignRoundRobin } from './lead-assignment.service.js';
import { leadTeamRoutes } from './lead-team.routes.js';

const tags = ['customers'];

const Mobile = Type.String({ pattern: mobilePattern, description: 'Mainland mobile number, 11 digits' });
const Text = (maxLength: number) => Type.String({ maxLength });
const Source = StringEnum(leadSources, {
  description: 'campaign 市场活动, call_team 电话团队, exhibition 展会, partner_referral 伙伴推荐, walk_in 自然到访',
});
const Status = StringEnum(leadStatuses, { description: 'new → assigned → following → appointed → converted; or lost' });
const Instant = Type.String({ format: 'date-time' });

const FollowUpSchema = Type.Object({
  id: Type.Integer(),
  userId: Type.Integer(),
  userName: Type.String(),
  kind: StringEnum(followUpKinds),
  outcome: Nullable(Type.String()),
  note: Nullable(Type.String()),
  scheduledFor: Nullable(DateTime),
  at: DateTime,
});

const leadFields = {
  id: Type.Integer(),
  name: Type.String(),
  company: Nullable(Type.String()),
  mobile: Nullable(Type.String({ description: 'Masked (138****1234) when reached only through geography (CMP-3)' })),
  masked: Type.Boolean(),
  source: Source,
  campaign: Nullable(Type.String()),
  teamId: Nullable(Type.Integer()),
  teamName: Nullable(Type.String()),
  status: Status,
  ownerUserId: Nullable(Type.Integer()),
  ownerName: Nullable(Type.String()),
  geographyId: Nullable(Type.Integer()),
  geographyName: Nullable(Type.String()),
  province: Nullable(Type.String()),
  city: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  lostReason: Nullable(Type.String()),
  convertedAccountId: Nullable(Type.Integer()),
  convertedAccountCode: Nullable(Type.String()),
  convertedAt: Nullable(DateTime),
  nextFollowUpAt: Nullable(DateTime),
  createdBy: Nullable(Type.Integer()),
  createdByName: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const LeadSchema = Type.Object(leadFields, { $id: 'Lead' });
export const LeadDetailSchema = Type.Object({ ...leadFields, followUps: Type.Array(FollowUpSchema) }, { $id: 'LeadDetail' });

const filterFields = {
  q: Type.Optional(Type.String({ maxLength: 60, description: 'Name, company, mobile or campaign contains' })),
  status: Type.Optional(Status),
  source: Type.Optional(Source),
  ownerUserId: Type.Optional(Id),
  unassigned: Type.Optional(Type.Boolean()),
  teamId: Type.Optional(Id),
  geographyId: Type.Optional(Type.Integer({ minimum: 1, description: 'The geography and everything below it' })),
  createdFrom: Type.Optional(Day),
  createdTo: Type.Optional(Day),
  dueBefore: Type.Optional(Type.String({ format: 'date-time', description: 'Open leads whose next follow-up is due before this' })),
};
const FilterQuery = Type.Object(filterFields);
const ListQuery = Type.Object({
  ...PageQuery,
  ...filterFields,
  sort: Type.Optional(StringEnum(['createdAt', 'updatedAt', 'nextFollowUpAt', 'name', 'status'])),
  order: Type.Optional(StringEnum(['asc', 'desc'])),
});

const leadInputFields = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  company: Type.Optional(Nullable(Text(120))),
  mobile: Type.Optional(Nullable(Mobile)),
  source: Source,
  campaign: Type.Optional(Nullable(Text(120))),
  teamId: Type.Optional(Nullable(Id)),
  geographyId: Type.Optional(Nullable(Id)),
  province: Type.Optional(Nullable(Text(20))),
  city: Type.Optional(Nullable(Text(40))),
  notes: Type.Optional(Nullable(Text(2000))),
  nextFollowUpAt: Type.Optional(Nullable(Instant)),
};

const AssignmentsSchema = Type.Object({
  assignments: Type.Array(Type.Object({ leadId: Type.Integer(), ownerUserId: Type.Integer(), ownerName: Type.String() })),
});
const LeadIds = Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true });

const FunnelSchema = Type.Object(
  {
    total: Type.Integer(),
    byStatus: Type.Object(Object.fromEntries(leadStatuses.map((s) => [s, Type.Integer()]))),
    conversionRate: Type.Number({ description: 'Converted ÷ all leads of the period, 0–1' }),
    bySource: Type.Array(
      Type.Object({
        source: Source,
        total: Type.Integer(),
        converted: Type.Integer(),
        lost: Type.Integer(),
        conversionRate: Type.Number(),
      }),
    ),
  },
  { $id: 'LeadFunnel' },
);

const toDate = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));

function filterOf(query: Record<string, unknown> & { dueBefore?: string }): LeadFilter {
  const { dueBefore, ...rest } = query;
  return { ...(rest as LeadFilter), dueBefore: dueBefore ? new Date(dueBefore) : undefined };
}

export const leadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const detail = { 200: LeadDetailSchema };

  app.get(
    '/leads',
    {
      config: { access: LeadPermissions['leads.read'] },
      schema: {
        operationId: 'listLeads',
        tags,
        summary: 'Leads within my data scope',
        querystring: ListQuery,
        response: { 200: Page(LeadSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, sort = 'createdAt', order = 'desc', ...filter } = request.query;
      return searchLeads(ctx(request), filterOf(filter), { limit, offset, sort, order });
    },
  );

  app.get(
    '/leads/funnel',
    {
      config: { access: LeadPermissions['leads.read'] },
      schema: {
        operationId: 'leadFunnel',
        tags,
        summary: 'Leads created in the period by current status, with conversion rates per source',
        querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day), geographyId: Type.Optional(Id) }),
        response: { 200: FunnelSchema },
      },
    },
    async (request) => leadFunnel(ctx(request), request.query),
  );

  app.get(
    '/leads/export',
    {
      config: { access: LeadPermissions['leads.export'] },
      schema: {
        operationId: 'exportLeads',
        tags,
        summary: 'The lead list with the same filters as .xlsx (streamed, watermarked, audited)',
        querystring: FilterQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const c = ctx(request);
      return exportXlsx(reply, c, {
        ...leadSheet,
        entity: leadEntity,
        filters: request.query,
        columns: leadColumns,
        locale: request.locale,
        pages: leadExportPages(c.db, c.principal, filterOf(request.query)),
      });
    },
  );

  app.get(
    '/leads/:id',
    {
      config: { access: LeadPermissions['leads.read'] },
      schema: { operationId: 'getLead', tags, params: IdParams, response: detail },
    },
    async (request) => getLead(ctx(request), request.params.id),
  );

  app.post(
    '/leads',
    {
      config: { access: LeadPermissions['leads.manage'] },
      schema: {
        operationId: 'createLead',
        tags,
        summary: 'Records a lead; without ownerUserId an assigner leaves it unassigned (new), anyone else owns it',
        body: Type.Object({ ...leadInputFields, ownerUserId: Type.Optional(Nullable(Id)) }, { additionalProperties: false }),
        response: { 201: LeadDetailSchema },
      },
    },
    async (request, reply) => {
      const { nextFollowUpAt, ...input } = request.body;
      return reply.status(201).send(await createLead(ctx(request), { ...input, nextFollowUpAt: toDate(nextFollowUpAt) }));
    },
  );

  app.patch(
    '/leads/:id',
    {
      config: { access: LeadPermissions['leads.manage'] },
      schema: {
        operationId: 'updateLead',
        tags,
        params: IdParams,
        body: Type.Partial(Type.Object(leadInputFields), { additionalProperties: false }),
        response: detail,
      },
    },
    async (request) => {
      const { nextFollowUpAt, ...input } = request.body;
      return updateLead(ctx(request), request.params.id, { ...input, nextFollowUpAt: toDate(nextFollowUpAt) });
    },
  );

  app.post(
    '/leads/:id/follow-ups',
    {
      config: { access: LeadPermissions['leads.manage'] },
      schema: {
        operationId: 'addLeadFollowUp',
        tags,
        summary: 'Records a call, visit, message or appointment (with its time) on a lead',
        params: IdParams,
        body: Type.Object(
          {
            kind: StringEnum(followUpKinds),
            outcome: Type.Optional(Nullable(Text(200))),
            note: Type.Optional(Nullable(Text(2000))),
            scheduledFor: Type.Optional(Nullable(Instant)),
            at: Type.Optional(Instant),
            nextFollowUpAt: Type.Optional(Nullable(Instant)),
          },
          { additionalProperties: false },
        ),
        response: detail,
      },
    },
    async (request) => {
      const { scheduledFor, at, nextFollowUpAt, ...input } = request.body;
      return addFollowUp(ctx(request), request.params.id, {
        ...input,
        scheduledFor: toDate(scheduledFor),
        at: toDate(at) ?? undefined,
        nextFollowUpAt: toDate(nextFollowUpAt),
      });
    },
  );

  app.post(
    '/leads/:id/lost',
    {
      config: { access: LeadPermissions['leads.manage'] },
      schema: {
        operationId: 'markLeadLost',
        tags,
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
        response: detail,
      },
    },
    async (request) => markLeadLost(ctx(request), request.params.id, request.body.reason),
  );

  app.post(
    '/leads/:id/convert',
    {
      config: { access: LeadPermissions['leads.manage'] },
      schema: {
        operationId: 'convertLead',
        tags,
        summary: 'Turns the lead into an account through duplicate protection; a duplicate answers 409 naming the existing account',
        params: IdParams,
        body: Type.Object(
          {
            kind: StringEnum(accountKinds),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: "Default: the lead's company, else its name" })),
            partyType: Type.Optional(StringEnum(partyTypes)),
            creditCode: Type.Optional(Nullable(Type.String({ maxLength: 18 }))),
            mobile: Type.Optional(Nullable(Mobile)),
            grade: Type.Optional(Nullable(StringEnum(accountGrades))),
            address: Type.Optional(Nullable(Text(200))),
            tags: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ lead: LeadDetailSchema, accountId: Type.Integer() }) },
      },
    },
    async (request) => convertLead(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/leads/:id/link',
    {
      config: { access: LeadPermissions['leads.manage'] },
      schema: {
        operationId: 'linkLeadToAccount',
        tags,
        summary: 'Closes the lead as converted into an existing account I may see (after a duplicate answer)',
        params: IdParams,
        body: Type.Object({ accountId: Id }, { additionalProperties: false }),
        response: detail,
      },
    },
    async (request) => linkLeadToAccount(ctx(request), request.params.id, request.body.accountId),
  );

  app.post(
    '/leads/assign',
    {
      config: { access: LeadPermissions['leads.assign'] },
      schema: {
        operationId: 'assignLeads',
        tags,
        summary: 'Assigns open leads to one person within my scope',
        body: Type.Object({ leadIds: LeadIds, ownerUserId: Id }, { additionalProperties: false }),
        response: { 200: AssignmentsSchema },
      },
    },
    async (request) => ({ assignments: await assignLeads(ctx(request), request.body.leadIds, request.body.ownerUserId) }),
  );

  app.post(
    '/leads/assign/round-robin',
    {
      config: { access: LeadPermissions['leads.assign'] },
      schema: {
        operationId: 'assignLeadsRoundRobin',
        tags,
        summary: 'Deals open leads to my direct reports (representatives) in turn, continuing where my last round stopped',
        body: Type.Object({ leadIds: LeadIds }, { additionalProperties: false }),
        response: { 200: AssignmentsSchema },
      },
    },
    async (request) => ({ assignments: await assignRoundRobin(ctx(request), request.body.leadIds) }),
  );
};

/** CUS-7 and RPT-3 routes of the customers module: leads, lead teams, call plans, and the account import/export. */
export const leadsModule: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(leadRoutes, { prefix: '/api/customers' });
  await app.register(leadTeamRoutes, { prefix: '/api/customers' });
  await app.register(callPlanRoutes, { prefix: '/api/customers' });
  await app.register(accountExcelRoutes, { prefix: '/api/customers' });
};
