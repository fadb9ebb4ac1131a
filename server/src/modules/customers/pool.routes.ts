import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, Nullable, Page } from '../../platform/http/schemas.js';
import { AccountIdParams, AccountListQuery, AccountSchema, Reason } from './account.schemas.js';
import { presentedById } from './account.service.js';
import { CustomerPermissions } from './customers.permissions.js';
import { assignAccount, claimAccount, releaseAccount, searchPool, setLocked } from './pool.service.js';

const tags = ['customers'];

/** CUS-12 public pool (公海) and ownership moves: release, claim, assign, lock. */
export const poolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const account = { 200: AccountSchema };

  app.get(
    '/pool',
    {
      config: { access: CustomerPermissions['accounts.read'] },
      schema: {
        operationId: 'listPoolAccounts',
        tags,
        summary: 'Accounts in the pool of my market (and of the geographies I cover); contact details masked',
        querystring: AccountListQuery,
        response: { 200: Page(AccountSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, sort = 'poolEnteredAt', order = 'desc', ...filter } = request.query;
      return searchPool(ctx(request), filter, { limit, offset, sort, order });
    },
  );

  app.post(
    '/accounts/:id/release',
    {
      config: { access: CustomerPermissions['accounts.write'] },
      schema: {
        operationId: 'releaseAccount',
        tags,
        summary: 'Release to the pool with a reason (the owner, or a manager of the owner)',
        params: AccountIdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: account,
      },
    },
    async (request) => {
      const c = ctx(request);
      await releaseAccount(c, request.params.id, request.body);
      return presentedById(c, request.params.id);
    },
  );

  app.post(
    '/accounts/:id/claim',
    {
      config: { access: CustomerPermissions['pool.claim'] },
      schema: {
        operationId: 'claimAccount',
        tags,
        summary: 'Claim from the pool, up to the holding limit',
        params: AccountIdParams,
        response: account,
      },
    },
    async (request) => {
      const c = ctx(request);
      await claimAccount(c, request.params.id);
      return presentedById(c, request.params.id);
    },
  );

  app.post(
    '/accounts/:id/assign',
    {
      config: { access: CustomerPermissions['accounts.manage'] },
      schema: {
        operationId: 'assignAccount',
        tags,
        summary: 'Give the account to someone of my team (both the current and the new owner must be mine)',
        params: AccountIdParams,
        body: Type.Object(
          { ownerUserId: Id, reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) },
          { additionalProperties: false },
        ),
        response: account,
      },
    },
    async (request) => {
      const c = ctx(request);
      await assignAccount(c, request.params.id, request.body);
      return presentedById(c, request.params.id);
    },
  );

  for (const [path, locked] of [
    ['lock', true],
    ['unlock', false],
  ] as const) {
    app.post(
      `/accounts/:id/${path}`,
      {
        config: { access: CustomerPermissions['accounts.write'] },
        schema: {
          operationId: locked ? 'lockAccount' : 'unlockAccount',
          tags,
          summary: locked ? 'Lock: the account never returns to the pool on its own (up to the locked limit)' : 'Unlock',
          params: AccountIdParams,
          response: account,
        },
      },
      async (request) => {
        const c = ctx(request);
        await setLocked(c, request.params.id, locked);
        return presentedById(c, request.params.id);
      },
    );
  }
};
