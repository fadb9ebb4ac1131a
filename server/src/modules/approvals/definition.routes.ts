import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, Nullable } from '../../platform/http/schemas.js';
import { ApprovalTypeSchema, ChainPreviewSchema, DefinitionSchema } from './approval.schemas.js';
import { ApprovalPermissions } from './approvals.permissions.js';
import { listApprovalTypes, previewChainFor, setDefinition } from './definition.service.js';

const tags = ['approvals'];
const TypeKey = Type.String({ minLength: 1, maxLength: 60, description: 'A registered approval type, e.g. expense.claim' });

export const definitionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/types',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listApprovalTypes',
        tags,
        summary: 'Registered request types with their labels and the definition in force',
        response: { 200: Type.Array(ApprovalTypeSchema) },
      },
    },
    async () => listApprovalTypes(app.database.db),
  );

  app.put(
    '/definitions/:type',
    {
      config: { access: ApprovalPermissions['definitions.manage'] },
      schema: {
        operationId: 'setApprovalDefinition',
        tags,
        summary: 'Replace the approval chain of a request type (tiers by amount, steps, approver rules)',
        params: Type.Object({ type: TypeKey }),
        body: DefinitionSchema,
        response: { 200: DefinitionSchema },
      },
    },
    async (request) => setDefinition(serviceContext(app, request), request.params.type, request.body),
  );

  app.post(
    '/preview',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'previewApprovalChain',
        tags,
        summary: 'Who would approve a request of this type, by this requester, for this amount',
        body: Type.Object(
          { type: TypeKey, requesterId: Id, amount: Nullable(Type.Integer({ minimum: 0, description: 'Fen' })) },
          { additionalProperties: false },
        ),
        response: { 200: ChainPreviewSchema },
      },
    },
    async (request) => previewChainFor(serviceContext(app, request), request.body),
  );
};
