import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, IdParams, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { approve, comment, reject, returnForChanges, transfer, withdraw } from './action.service.js';
import { approvalStatuses } from './approval.enums.js';
import { ApprovalDetailSchema, DoneItemSchema, InboxItemSchema, MineItemSchema } from './approval.schemas.js';
import { approvalDetail, doneByMe, inbox, pendingCount, requestedByMe } from './inbox.service.js';

const tags = ['approvals'];
const Comment = Type.String({ maxLength: 500 });
const Reason = Type.String({ minLength: 1, maxLength: 500 });
const TypeFilter = Type.Optional(Type.String({ maxLength: 60 }));

/** Acting needs no permission key: the service checks that the caller is the current approver (or the requester). */
export const approvalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const page = (query: { limit?: number; offset?: number }) => ({ limit: query.limit ?? 20, offset: query.offset ?? 0 });
  const detail = (request: FastifyRequest, id: number) => approvalDetail(ctx(request), request.locale, id);

  app.get(
    '/inbox',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listApprovalInbox',
        tags,
        summary: 'What waits for my decision (待办), newest first',
        querystring: Type.Object({ ...PageQuery, type: TypeFilter }),
        response: { 200: Page(InboxItemSchema) },
      },
    },
    async (request) => inbox(ctx(request), request.locale, { type: request.query.type }, page(request.query)),
  );

  app.get(
    '/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listMyApprovalRequests',
        tags,
        summary: 'What I asked for, with where it stands and who decides now',
        querystring: Type.Object({ ...PageQuery, type: TypeFilter, status: Type.Optional(StringEnum(approvalStatuses)) }),
        response: { 200: Page(MineItemSchema) },
      },
    },
    async (request) => {
      const { type, status } = request.query;
      return requestedByMe(ctx(request), request.locale, { type, status }, page(request.query));
    },
  );

  app.get(
    '/done',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listApprovalsDone',
        tags,
        summary: 'What I decided (已办), latest first',
        querystring: Type.Object(PageQuery),
        response: { 200: Page(DoneItemSchema) },
      },
    },
    async (request) => doneByMe(ctx(request), request.locale, page(request.query)),
  );

  app.get(
    '/count',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'countMyPendingApprovals',
        tags,
        summary: 'How many decisions wait for me (header badge)',
        response: { 200: Type.Object({ count: Type.Integer() }) },
      },
    },
    async (request) => pendingCount(ctx(request)),
  );

  app.get(
    '/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'getApproval',
        tags,
        summary:
          'One request: payload, chain, tasks, timeline; for its requester, its approvers and those whose scope covers the requester',
        params: IdParams,
        response: { 200: ApprovalDetailSchema },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  const actions = [
    {
      path: 'approve',
      operationId: 'approveApproval',
      summary: 'Approve my step',
      body: { comment: Type.Optional(Comment) },
      run: approve,
    },
    {
      path: 'reject',
      operationId: 'rejectApproval',
      summary: 'Reject the request (reason required)',
      body: { reason: Reason },
      run: reject,
    },
    {
      path: 'return',
      operationId: 'returnApproval',
      summary: 'Return the request to the requester for changes (reason required)',
      body: { reason: Reason },
      run: returnForChanges,
    },
    {
      path: 'transfer',
      operationId: 'transferApproval',
      summary: 'Hand my task to another active user',
      body: { targetUserId: Id, comment: Type.Optional(Comment) },
      run: transfer,
    },
    {
      path: 'withdraw',
      operationId: 'withdrawApproval',
      summary: 'Take my request back while it is pending',
      body: { comment: Type.Optional(Comment) },
      run: withdraw,
    },
    {
      path: 'comment',
      operationId: 'commentApproval',
      summary: 'Add a remark to the timeline (requester or approvers)',
      body: { comment: Type.String({ minLength: 1, maxLength: 500 }) },
      run: comment,
    },
  ] as const;

  for (const action of actions) {
    app.post(
      `/:id/${action.path}`,
      {
        config: { access: 'authenticated' },
        schema: {
          operationId: action.operationId,
          tags,
          summary: action.summary,
          params: IdParams,
          body: Type.Object(action.body, { additionalProperties: false }),
          response: { 200: ApprovalDetailSchema },
        },
      },
      async (request) => {
        await (action.run as (c: ReturnType<typeof ctx>, id: number, body: unknown) => Promise<void>)(
          ctx(request),
          request.params.id,
          request.body,
        );
        return detail(request, request.params.id);
      },
    );
  }
};
