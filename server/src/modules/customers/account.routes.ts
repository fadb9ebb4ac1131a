import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Page } from '../../platform/http/schemas.js';
import {
  AccountDetailSchema,
  AccountIdParams,
  AccountListQuery,
  AccountSchema,
  CreateAccountBody,
  CreditBody,
  DuplicateSchema,
  Grade,
  GradeReviewSchema,
  Reason,
  UpdateAccountBody,
} from './account.schemas.js';
import { createAccount, findDuplicates, getAccountDetail, searchAccounts, updateAccount } from './account.service.js';
import { setAccountCredit } from './account-credit.service.js';
import { CustomerPermissions } from './customers.permissions.js';
import { gradeReviews, regradeAccount } from './grade.service.js';

const tags = ['customers'];

/** CUS-1, CUS-2, CUS-3: the account list (ProTable), the account card, create and edit with duplicate protection, re-grading. */
export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/accounts',
    {
      config: { access: CustomerPermissions['accounts.read'] },
      schema: {
        operationId: 'listAccounts',
        tags,
        summary: 'Accounts within my data scope; contact details masked where I only see them through geography',
        querystring: AccountListQuery,
        response: { 200: Page(AccountSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, sort = 'code', order = 'asc', ...filter } = request.query;
      return searchAccounts(ctx(request), filter, { limit, offset, sort, order });
    },
  );

  app.get(
    '/accounts/duplicates',
    {
      config: { access: CustomerPermissions['accounts.read'] },
      schema: {
        operationId: 'findAccountDuplicates',
        tags,
        summary: 'CUS-2: existing accounts with the same name, credit code or mobile (checked while typing)',
        querystring: Type.Object({
          name: Type.Optional(Type.String({ maxLength: 100 })),
          creditCode: Type.Optional(Type.String({ maxLength: 18 })),
          mobile: Type.Optional(Type.String({ maxLength: 11 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(DuplicateSchema) }) },
      },
    },
    async (request) => {
      const { db, principal } = ctx(request);
      return { items: await findDuplicates(db, principal, request.query) };
    },
  );

  app.get(
    '/accounts/:id',
    {
      config: { access: CustomerPermissions['accounts.read'] },
      schema: {
        operationId: 'getAccount',
        tags,
        summary: 'The account card (每户一卡); opening someone else’s account is audited (CMP-3)',
        params: AccountIdParams,
        response: { 200: AccountDetailSchema },
      },
    },
    async (request) => getAccountDetail(ctx(request), request.params.id),
  );

  app.post(
    '/accounts',
    {
      config: { access: CustomerPermissions['accounts.write'] },
      schema: {
        operationId: 'createAccount',
        tags,
        summary: 'New account with contacts and addresses; a duplicate answers 409 customers.duplicate naming the existing one',
        body: CreateAccountBody,
        response: { 201: AccountSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createAccount(ctx(request), request.body)),
  );

  app.patch(
    '/accounts/:id',
    {
      config: { access: CustomerPermissions['accounts.write'] },
      schema: {
        operationId: 'updateAccount',
        tags,
        summary: 'Edit an account (owner and grade change through their own actions)',
        params: AccountIdParams,
        body: UpdateAccountBody,
        response: { 200: AccountSchema },
      },
    },
    async (request) => updateAccount(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/accounts/:id/grade',
    {
      config: { access: CustomerPermissions['grades.manage'] },
      schema: {
        operationId: 'regradeAccount',
        tags,
        summary: 'CUS-3: re-grade an account, recording the review and its reason',
        params: AccountIdParams,
        body: Type.Object({ grade: Grade, reason: Reason }, { additionalProperties: false }),
        response: { 201: GradeReviewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await regradeAccount(ctx(request), request.params.id, request.body)),
  );

  app.put(
    '/accounts/:id/credit',
    {
      config: { access: CustomerPermissions['credit.manage'] },
      schema: {
        operationId: 'setAccountCredit',
        tags,
        summary: 'CUS-8: set the credit limit (fen; null = cash only) and rating; recorded in the account history',
        params: AccountIdParams,
        body: CreditBody,
        response: { 200: AccountSchema },
      },
    },
    async (request) => setAccountCredit(ctx(request), request.params.id, request.body),
  );

  app.get(
    '/accounts/:id/grade-reviews',
    {
      config: { access: CustomerPermissions['accounts.read'] },
      schema: {
        operationId: 'listAccountGradeReviews',
        tags,
        params: AccountIdParams,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }),
        response: { 200: Type.Object({ items: Type.Array(GradeReviewSchema) }) },
      },
    },
    async (request) => ({ items: await gradeReviews(ctx(request), request.params.id, request.query.limit ?? 50) }),
  );
};
