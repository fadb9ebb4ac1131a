import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { AccountIdParams, DisputeSchema, Reason } from './account.schemas.js';
import { CustomerPermissions } from './customers.permissions.js';
import { disputeStatuses } from './customers.schema.js';
import { fileDispute, getDispute, searchDisputes } from './dispute.service.js';

const tags = ['customers'];

/** CUS-2 争议处理: a rep refused as a duplicate claims the existing account; an approval decides. */
export const disputeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.post(
    '/accounts/:id/disputes',
    {
      config: { access: CustomerPermissions['accounts.write'] },
      schema: {
        operationId: 'fileOwnershipDispute',
        tags,
        summary: 'Claim an account someone else owns (the id comes from the duplicate answer); opens an approval',
        params: AccountIdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 201: DisputeSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await fileDispute(ctx(request), request.params.id, request.body)),
  );

  app.get(
    '/disputes',
    {
      config: { access: CustomerPermissions['disputes.decide'] },
      schema: {
        operationId: 'listOwnershipDisputes',
        tags,
        summary: 'Disputes involving my people or my geography, newest first',
        querystring: Type.Object({
          ...PageQuery,
          status: Type.Optional(StringEnum(disputeStatuses)),
          accountId: Type.Optional(Id),
        }),
        response: { 200: Page(DisputeSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return searchDisputes(ctx(request), filter, { limit, offset });
    },
  );

  app.get(
    '/disputes/:id',
    {
      config: { access: CustomerPermissions['accounts.read'] },
      schema: {
        operationId: 'getOwnershipDispute',
        tags,
        summary: 'One dispute: mine as claimant or owner, or of my people or geography',
        params: AccountIdParams,
        response: { 200: DisputeSchema },
      },
    },
    async (request) => getDispute(ctx(request), request.params.id),
  );
};
