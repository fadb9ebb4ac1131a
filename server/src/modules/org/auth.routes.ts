import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { unrestrictedScope } from '../../platform/access/scope.js';
import { sessionCookie } from '../../platform/auth/auth.plugin.js';
import type { SessionPolicy } from '../../platform/auth/session.repository.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { actorOf, principalOf, serviceContext } from '../../platform/http/request-context.js';
import { DateTime, IdParams, Nullable, Ok } from '../../platform/http/schemas.js';
import { changePassword, createToken, listTokens, login, logout, revokeToken, setOwnLocale } from './auth.service.js';
import { findUser } from './user.repository.js';
import { Locale, Password, UserSchema } from './user.routes.js';

const tags = ['auth'];

const Me = Type.Object({
  user: UserSchema,
  permissions: Type.Array(Type.String()),
  scope: Type.Object({ kind: Type.String(), all: Type.Boolean() }),
});

const Token = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
  expiresAt: Nullable(DateTime),
});

export const authRoutes: FastifyPluginAsyncTypebox<{ sessionPolicy: SessionPolicy; cookieSecure: boolean; onChange: () => void }> = async (
  app,
  options,
) => {
  app.post(
    '/login',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'login',
        tags,
        summary: 'Sign in with username or mobile number and password',
        body: Type.Object(
          { login: Type.String({ minLength: 1, maxLength: 60 }), password: Type.String({ minLength: 1, maxLength: 128 }) },
          { additionalProperties: false },
        ),
        response: { 200: Ok },
      },
    },
    async (request, reply) => {
      const session = await login(app.database.db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        policy: options.sessionPolicy,
      });
      reply.setCookie(sessionCookie, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.cookieSecure,
        expires: session.expiresAt,
      });
      return { ok: true };
    },
  );

  app.post(
    '/logout',
    { config: { access: 'authenticated' }, schema: { operationId: 'logout', tags, response: { 200: Ok } } },
    async (request, reply) => {
      await logout(app.database.db, principalOf(request), actorOf(request));
      options.onChange();
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/me',
    { config: { access: 'authenticated' }, schema: { operationId: 'getMe', tags, response: { 200: Me } } },
    async (request) => {
      const principal = principalOf(request);
      const user = await findUser(app.database.db, unrestrictedScope, principal.userId);
      if (!user) throw new AppError(PlatformErrors.unauthenticated);
      return {
        user,
        permissions: principal.isAdmin ? ['*'] : [...principal.permissions].sort(),
        scope: { kind: principal.scope.kind, all: principal.scope.all },
      };
    },
  );

  app.post(
    '/password',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'changePassword',
        tags,
        summary: 'Change my password; my other sessions end',
        body: Type.Object(
          { currentPassword: Type.String({ minLength: 1, maxLength: 128 }), newPassword: Password },
          { additionalProperties: false },
        ),
        response: { 200: Ok },
      },
    },
    async (request) => {
      await changePassword(serviceContext(app, request), request.body);
      options.onChange();
      return { ok: true };
    },
  );

  app.put(
    '/locale',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'setMyLocale',
        tags,
        body: Type.Object({ locale: Locale }, { additionalProperties: false }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      await setOwnLocale(serviceContext(app, request), request.body.locale);
      options.onChange();
      return { ok: true };
    },
  );

  app.get(
    '/tokens',
    { config: { access: 'authenticated' }, schema: { operationId: 'listMyTokens', tags, response: { 200: Type.Array(Token) } } },
    async (request) => listTokens(serviceContext(app, request)),
  );

  app.post(
    '/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'createMyToken',
        tags,
        summary: 'Create a personal API token; the secret is returned only once',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 60 }), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Intersect([Token, Type.Object({ token: Type.String() })]) },
      },
    },
    async (request, reply) => reply.status(201).send(await createToken(serviceContext(app, request), request.body)),
  );

  app.delete(
    '/tokens/:id',
    { config: { access: 'authenticated' }, schema: { operationId: 'revokeMyToken', tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await revokeToken(serviceContext(app, request), request.params.id);
      return { ok: true };
    },
  );
};
