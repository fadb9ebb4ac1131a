import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { DateTime, IdParams, Nullable, Ok, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { ladderLevels, userStatuses } from './org.enums.js';
import { OrgPermissions } from './org.permissions.js';
import { createUser, getUser, resetPassword, searchUsers, updateUser } from './user.service.js';

const tags = ['org'];

export const Mobile = Type.String({ pattern: '^1[3-9]\\d{9}$', description: 'Mainland mobile number, 11 digits' });
export const Locale = StringEnum(['zh-CN', 'en']);

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    mobile: Nullable(Type.String()),
    email: Nullable(Type.String()),
    status: StringEnum(userStatuses),
    isAdmin: Type.Boolean(),
    locale: Nullable(Locale),
    positionId: Nullable(Type.Integer()),
    positionName: Nullable(Type.String()),
    ladder: Nullable(StringEnum(ladderLevels)),
    departmentId: Nullable(Type.Integer()),
    departmentName: Nullable(Type.String()),
    geographyId: Nullable(Type.Integer()),
    geographyName: Nullable(Type.String()),
    createdAt: DateTime,
    leftAt: Nullable(DateTime),
  },
  { $id: 'User' },
);

const Username = Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const DisplayName = Type.String({ minLength: 1, maxLength: 60 });
const Email = Type.String({ format: 'email', maxLength: 120 });
export const Password = Type.String({ minLength: 8, maxLength: 128 });

const ListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 60 })),
  status: Type.Optional(StringEnum(userStatuses)),
  departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
  positionId: Type.Optional(Type.Integer({ minimum: 1 })),
  geographyId: Type.Optional(Type.Integer({ minimum: 1 })),
  sort: Type.Optional(StringEnum(['username', 'displayName', 'createdAt'])),
  order: Type.Optional(StringEnum(['asc', 'desc'])),
});

export const userRoutes: FastifyPluginAsyncTypebox<{ onChange: () => void }> = async (app, options) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/users',
    {
      config: { access: OrgPermissions['users.read'] },
      schema: {
        operationId: 'listUsers',
        tags,
        summary: 'People within my data scope',
        querystring: ListQuery,
        response: { 200: Page(UserSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, sort = 'username', order = 'asc', ...filter } = request.query;
      return searchUsers(ctx(request), filter, { limit, offset, sort, order });
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: OrgPermissions['users.read'] },
      schema: { operationId: 'getUser', tags, params: IdParams, response: { 200: UserSchema } },
    },
    async (request) => getUser(ctx(request), request.params.id),
  );

  app.post(
    '/users',
    {
      config: { access: OrgPermissions['users.manage'] },
      schema: {
        operationId: 'createUser',
        tags,
        body: Type.Object(
          {
            username: Username,
            displayName: DisplayName,
            password: Password,
            mobile: Type.Optional(Nullable(Mobile)),
            email: Type.Optional(Nullable(Email)),
            positionId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            geographyId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            isAdmin: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => {
      const user = await createUser(ctx(request), request.body);
      options.onChange();
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: OrgPermissions['users.manage'] },
      schema: {
        operationId: 'updateUser',
        tags,
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(DisplayName),
            mobile: Type.Optional(Nullable(Mobile)),
            email: Type.Optional(Nullable(Email)),
            isAdmin: Type.Optional(Type.Boolean()),
            locale: Type.Optional(Nullable(Locale)),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserSchema },
      },
    },
    async (request) => {
      const user = await updateUser(ctx(request), request.params.id, request.body);
      options.onChange();
      return user;
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { access: OrgPermissions['users.manage'] },
      schema: {
        operationId: 'resetUserPassword',
        tags,
        params: IdParams,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      await resetPassword(ctx(request), request.params.id, request.body.password);
      return { ok: true };
    },
  );
};
