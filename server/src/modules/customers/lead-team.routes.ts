import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { DateTime, IdParams, Nullable, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { leadTeamStatuses } from './lead.enums.js';
import { LeadPermissions } from './lead.permissions.js';
import { Day } from './lead.schemas.js';
import { createLeadTeam, getLeadTeam, searchLeadTeams, updateLeadTeam } from './lead-team.service.js';

const tags = ['customers'];
const Status = StringEnum(leadTeamStatuses, { description: 'active 合作中, paused 暂停, ended 已终止' });

export const LeadTeamSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    vendor: Type.String(),
    contact: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    contractStart: Type.String({ format: 'date' }),
    contractEnd: Type.String({ format: 'date' }),
    status: Status,
    note: Nullable(Type.String()),
    underContract: Type.Boolean({ description: 'Active and today (China time) within the contract dates' }),
    leadsCreated: Type.Integer({ description: 'Leads of this team within my data scope' }),
    leadsConverted: Type.Integer(),
    leadsLost: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'LeadTeam' },
);

const inputFields = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  vendor: Type.String({ minLength: 1, maxLength: 120, description: 'The contracted company' }),
  contact: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  contractStart: Day,
  contractEnd: Day,
  status: Type.Optional(Status),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
};

/** CUS-7: outsourced lead teams as a resource, with contract dates and results. */
export const leadTeamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/lead-teams',
    {
      config: { access: LeadPermissions['leads.read'] },
      schema: {
        operationId: 'listLeadTeams',
        tags,
        summary: 'Outsourced lead teams with their contracts and results',
        querystring: Type.Object({ ...PageQuery, status: Type.Optional(Status) }),
        response: { 200: Page(LeadTeamSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, status } = request.query;
      return searchLeadTeams(ctx(request), { status }, { limit, offset });
    },
  );

  app.get(
    '/lead-teams/:id',
    {
      config: { access: LeadPermissions['leads.read'] },
      schema: { operationId: 'getLeadTeam', tags, params: IdParams, response: { 200: LeadTeamSchema } },
    },
    async (request) => getLeadTeam(ctx(request), request.params.id),
  );

  app.post(
    '/lead-teams',
    {
      config: { access: LeadPermissions['leads.assign'] },
      schema: {
        operationId: 'createLeadTeam',
        tags,
        body: Type.Object(inputFields, { additionalProperties: false }),
        response: { 201: LeadTeamSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createLeadTeam(ctx(request), request.body)),
  );

  app.patch(
    '/lead-teams/:id',
    {
      config: { access: LeadPermissions['leads.assign'] },
      schema: {
        operationId: 'updateLeadTeam',
        tags,
        params: IdParams,
        body: Type.Partial(Type.Object(inputFields), { additionalProperties: false }),
        response: { 200: LeadTeamSchema },
      },
    },
    async (request) => updateLeadTeam(ctx(request), request.params.id, request.body),
  );
};
