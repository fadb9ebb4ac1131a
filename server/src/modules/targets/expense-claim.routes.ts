import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { RecordAttachmentSchema } from '../../platform/files/index.js';
import { serviceContext } from '../../platform/http/request-context.js';
import { DateTime, Id, IdParams, Nullable, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { ExpensePermissions } from './expense-claim.permissions.js';
import { expenseCategories, expenseClaimStatuses, maxClaimAmount } from './expense-claim.schema.js';
import {
  createClaim,
  type ExpenseClaimSettings,
  getClaim,
  payClaim,
  searchClaims,
  submitClaim,
  updateClaimDraft,
  withdrawClaim,
} from './expense-claim.service.js';

const tags = ['targets'];

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Category = StringEnum(expenseCategories, {
  description: 'travel 差旅, entertainment 招待, samples 样品, promotion 促销, other 其他',
});
const Status = StringEnum(expenseClaimStatuses);
const Amount = Type.Integer({ minimum: 1, maximum: maxClaimAmount, description: 'Fen (CNY 0.01), at most CNY 1,000,000' });
const Description = Type.String({ minLength: 1, maxLength: 1000 });
const AttachmentIds = Type.Array(Id, { maxItems: 20, uniqueItems: true, description: 'Ids of my own uploads (POST /api/files)' });

const claimFields = {
  id: Type.Integer(),
  claimantId: Type.Integer(),
  claimantName: Type.String(),
  geographyId: Nullable(Type.Integer()),
  geographyName: Nullable(Type.String()),
  date: Type.String({ format: 'date' }),
  category: Category,
  amount: Type.Integer({ description: 'Fen' }),
  customerId: Nullable(Type.Integer()),
  description: Type.String(),
  status: Status,
  approvalId: Nullable(Type.Integer()),
  attachmentCount: Type.Integer(),
  submittedAt: Nullable(DateTime),
  decidedAt: Nullable(DateTime),
  paidAt: Nullable(DateTime),
  paidBy: Nullable(Type.Integer()),
  paidByName: Nullable(Type.String()),
  paymentReference: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const ExpenseClaimSchema = Type.Object(claimFields, { $id: 'ExpenseClaim' });
export const ExpenseClaimDetailSchema = Type.Object(
  { ...claimFields, attachments: Type.Array(RecordAttachmentSchema) },
  { $id: 'ExpenseClaimDetail' },
);

const ListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(Status),
  awaitingPayment: Type.Optional(Type.Boolean({ description: "Finance's queue: approved, not yet paid (oldest decision first)" })),
  category: Type.Optional(Category),
  claimantId: Type.Optional(Id),
  dateFrom: Type.Optional(Day),
  dateTo: Type.Optional(Day),
  sort: Type.Optional(StringEnum(['date', 'amount', 'createdAt', 'decidedAt'])),
  order: Type.Optional(StringEnum(['asc', 'desc'])),
});

export const expenseClaimRoutes: FastifyPluginAsyncTypebox<{ settings: ExpenseClaimSettings }> = async (app, options) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const detail = { 200: ExpenseClaimDetailSchema };

  app.get(
    '/expense-claims',
    {
      config: { access: ExpensePermissions['expenses.read'] },
      schema: {
        operationId: 'listExpenseClaims',
        tags,
        summary: 'Expense claims within my data scope',
        querystring: ListQuery,
        response: { 200: Page(ExpenseClaimSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, awaitingPayment, sort, order, ...filter } = request.query;
      if (awaitingPayment) {
        return searchClaims(
          ctx(request),
          { ...filter, status: 'approved' },
          { limit, offset, sort: sort ?? 'decidedAt', order: order ?? 'asc' },
        );
      }
      return searchClaims(ctx(request), filter, { limit, offset, sort: sort ?? 'date', order: order ?? 'desc' });
    },
  );

  app.get(
    '/expense-claims/:id',
    {
      config: { access: ExpensePermissions['expenses.read'] },
      schema: { operationId: 'getExpenseClaim', tags, params: IdParams, response: detail },
    },
    async (request) => getClaim(ctx(request), request.params.id),
  );

  app.post(
    '/expense-claims',
    {
      config: { access: ExpensePermissions['expenses.file'] },
      schema: {
        operationId: 'createExpenseClaim',
        tags,
        summary: 'Files a claim as a draft, or straight into approval with submit: true',
        body: Type.Object(
          {
            date: Day,
            category: Category,
            amount: Amount,
            customerId: Type.Optional(Nullable(Id)),
            description: Description,
            attachmentIds: Type.Optional(AttachmentIds),
            submit: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: ExpenseClaimDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createClaim(ctx(request), request.body, options.settings)),
  );

  app.patch(
    '/expense-claims/:id',
    {
      config: { access: ExpensePermissions['expenses.file'] },
      schema: {
        operationId: 'updateExpenseClaim',
        tags,
        summary: 'Edits my draft, returned or withdrawn claim',
        params: IdParams,
        body: Type.Object(
          {
            date: Type.Optional(Day),
            category: Type.Optional(Category),
            amount: Type.Optional(Amount),
            customerId: Type.Optional(Nullable(Id)),
            description: Type.Optional(Description),
            attachmentIds: Type.Optional(AttachmentIds),
          },
          { additionalProperties: false },
        ),
        response: detail,
      },
    },
    async (request) => updateClaimDraft(ctx(request), request.params.id, request.body, options.settings),
  );

  app.post(
    '/expense-claims/:id/submit',
    {
      config: { access: ExpensePermissions['expenses.file'] },
      schema: {
        operationId: 'submitExpenseClaim',
        tags,
        summary: 'Sends my claim into approval (a returned claim resumes its approval)',
        params: IdParams,
        response: detail,
      },
    },
    async (request) => submitClaim(ctx(request), request.params.id),
  );

  app.post(
    '/expense-claims/:id/withdraw',
    {
      config: { access: ExpensePermissions['expenses.file'] },
      schema: {
        operationId: 'withdrawExpenseClaim',
        tags,
        summary: 'Pulls my claim back out of approval',
        params: IdParams,
        response: detail,
      },
    },
    async (request) => withdrawClaim(ctx(request), request.params.id),
  );

  app.post(
    '/expense-claims/:id/pay',
    {
      config: { access: ExpensePermissions['expenses.pay'] },
      schema: {
        operationId: 'payExpenseClaim',
        tags,
        summary: 'Finance records the payment of an approved claim',
        params: IdParams,
        body: Type.Object(
          { paymentReference: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        response: detail,
      },
    },
    async (request) => payClaim(ctx(request), request.params.id, request.body.paymentReference.trim()),
  );
};
