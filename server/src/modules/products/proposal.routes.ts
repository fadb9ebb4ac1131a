import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, IdParams, Nullable, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { ProductPermissions } from './products.permissions.js';
import { NullableFen, ProposalSchema, ProposalStatusSchema, tags } from './products.schemas.js';
import { createProposal, getProposal, reviewProposal, searchProposals, submitProposal, updateProposal } from './proposal.service.js';

const proposalFields = {
  title: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.String({ minLength: 1, maxLength: 8000, description: 'Market need, target customers, competitors, packaging' }),
  categoryId: Type.Optional(Nullable(Id)),
  expectedVolume: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Base units a year' }))),
  targetPriceFen: Type.Optional(NullableFen),
};

/** PRD-1 新产品开发建议书: the field proposes, product and marketing managers review. */
export const proposalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const submit = { access: ProductPermissions['proposals.submit'] };

  app.get(
    '/products/proposals',
    {
      // Submitters see their own, reviewers everyone's; the service decides which (and refuses anyone else).
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listProductProposals',
        tags,
        querystring: Type.Object({
          ...PageQuery,
          status: Type.Optional(ProposalStatusSchema),
          keyword: Type.Optional(Type.String({ maxLength: 60 })),
          mine: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Page(ProposalSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return searchProposals(ctx(request), filter, { limit, offset });
    },
  );
  app.get(
    '/products/proposals/:id',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'getProductProposal', tags, params: IdParams, response: { 200: ProposalSchema } },
    },
    async (request) => getProposal(ctx(request), request.params.id),
  );
  app.post(
    '/products/proposals',
    {
      config: submit,
      schema: {
        operationId: 'createProductProposal',
        tags,
        body: Type.Object(
          { ...proposalFields, submit: Type.Optional(Type.Boolean({ description: 'Submit at once instead of keeping a draft' })) },
          { additionalProperties: false },
        ),
        response: { 201: ProposalSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createProposal(ctx(request), request.body)),
  );
  app.patch(
    '/products/proposals/:id',
    {
      config: submit,
      schema: {
        operationId: 'updateProductProposal',
        tags,
        params: IdParams,
        body: Type.Partial(Type.Object(proposalFields), { additionalProperties: false }),
        response: { 200: ProposalSchema },
      },
    },
    async (request) => updateProposal(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/products/proposals/:id/submit',
    { config: submit, schema: { operationId: 'submitProductProposal', tags, params: IdParams, response: { 200: ProposalSchema } } },
    async (request) => submitProposal(ctx(request), request.params.id),
  );
  app.post(
    '/products/proposals/:id/review',
    {
      config: { access: ProductPermissions['proposals.review'] },
      schema: {
        operationId: 'reviewProductProposal',
        tags,
        params: IdParams,
        body: Type.Object(
          { decision: StringEnum(['accepted', 'rejected'] as const), comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
          { additionalProperties: false },
        ),
        response: { 200: ProposalSchema },
      },
    },
    async (request) => reviewProposal(ctx(request), request.params.id, request.body),
  );
};
