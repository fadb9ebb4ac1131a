import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { DateTime, Id, IdParams, Nullable, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { getMoves, promoteUser, recordLeave, transferUser } from './move.service.js';
import { ladderLevels, moveKinds } from './org.enums.js';
import { OrgPermissions } from './org.permissions.js';

const tags = ['org'];

const MoveSchema = Type.Object(
  {
    id: Type.Integer(),
    userId: Type.Integer(),
    kind: StringEnum(moveKinds),
    fromPositionId: Nullable(Type.Integer()),
    fromPositionName: Nullable(Type.String()),
    fromLadder: Nullable(StringEnum(ladderLevels)),
    toPositionId: Nullable(Type.Integer()),
    toPositionName: Nullable(Type.String()),
    toLadder: Nullable(StringEnum(ladderLevels)),
    fromGeographyId: Nullable(Type.Integer()),
    fromGeographyName: Nullable(Type.String()),
    toGeographyId: Nullable(Type.Integer()),
    toGeographyName: Nullable(Type.String()),
    successorUserId: Nullable(Type.Integer()),
    successorName: Nullable(Type.String()),
    handover: Nullable(Type.Record(Type.String(), Type.Integer(), { description: 'Records handed over, per owned entity' })),
    reason: Type.String(),
    byUserId: Nullable(Type.Integer()),
    byName: Nullable(Type.String()),
    at: DateTime,
  },
  { $id: 'UserMove' },
);

const Reason = Type.String({ minLength: 1, maxLength: 500 });

export const moveRoutes: FastifyPluginAsyncTypebox<{ onChange: () => void }> = async (app, options) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.post(
    '/users/:id/promote',
    {
      config: { access: OrgPermissions['moves.manage'] },
      schema: {
        operationId: 'promoteUser',
        tags,
        summary: 'Promote a person to a free position higher on the ladder (ORG-6)',
        params: IdParams,
        body: Type.Object({ positionId: Id, reason: Reason }, { additionalProperties: false }),
        response: { 200: MoveSchema },
      },
    },
    async (request) => {
      const move = await promoteUser(ctx(request), request.params.id, request.body);
      options.onChange();
      return move;
    },
  );

  app.post(
    '/users/:id/transfer',
    {
      config: { access: OrgPermissions['moves.manage'] },
      schema: {
        operationId: 'transferUser',
        tags,
        summary: 'Move a person to another position, geography, or both (ORG-6)',
        params: IdParams,
        body: Type.Object(
          { positionId: Type.Optional(Id), geographyId: Type.Optional(Id), reason: Reason },
          { additionalProperties: false },
        ),
        response: { 200: MoveSchema },
      },
    },
    async (request) => {
      const move = await transferUser(ctx(request), request.params.id, request.body);
      options.onChange();
      return move;
    },
  );

  app.post(
    '/users/:id/leave',
    {
      config: { access: OrgPermissions['moves.manage'] },
      schema: {
        operationId: 'recordLeave',
        tags,
        summary: "Record a departure and hand the leaver's records to a successor (ORG-6)",
        params: IdParams,
        body: Type.Object({ successorUserId: Id, reason: Reason }, { additionalProperties: false }),
        response: { 200: MoveSchema },
      },
    },
    async (request) => {
      const move = await recordLeave(ctx(request), request.params.id, request.body);
      options.onChange();
      return move;
    },
  );

  app.get(
    '/users/:id/moves',
    {
      config: { access: OrgPermissions['moves.manage'] },
      schema: {
        operationId: 'listUserMoves',
        tags,
        summary: "A person's hires, promotions, transfers and departure, newest first",
        params: IdParams,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(MoveSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0 } = request.query;
      return getMoves(ctx(request), request.params.id, { limit, offset });
    },
  );
};
