import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isKnownPermission } from '../access/permissions.js';
import { hasPermission, type Principal } from '../access/principal.js';
import { AppError } from '../errors/app-error.js';
import { PlatformErrors } from '../errors/platform.errors.js';
import { localeFromHeader } from '../i18n.js';
import type { PrincipalCache } from './principal-cache.js';
import { resolveApiToken, type SessionPolicy } from './session.repository.js';
import type { SessionCache } from './session-cache.js';

export const sessionCookie = 'salesos_sid';

export interface AuthPluginOptions {
  principals: PrincipalCache;
  sessions: SessionCache;
  sessionPolicy: SessionPolicy;
}

async function authenticate(app: FastifyInstance, request: FastifyRequest, options: AuthPluginOptions): Promise<Principal | null> {
  const db = app.database.db;
  const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const token = await resolveApiToken(db, bearer);
    const loaded = token && (await options.principals.get(token.userId));
    return loaded ? { ...loaded, via: { kind: 'token', tokenId: token.tokenId } } : null;
  }
  const cookie = request.cookies[sessionCookie];
  if (!cookie) return null;
  const session = await options.sessions.resolve(db, cookie, options.sessionPolicy);
  const loaded = session && (await options.principals.get(session.userId));
  return loaded ? { ...loaded, via: { kind: 'session', sessionId: session.sessionId } } : null;
}

/**
 * Every route declares `config.access` (DESIGN rule 2): a permission key,
 * 'authenticated' or 'public'. A route without one cannot be registered.
 */
export const authPlugin = fp<AuthPluginOptions>(async (app, options) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access`);
    if (access !== 'public' && access !== 'authenticated' && !isKnownPermission(access)) {
      throw new Error(`Route ${route.method} ${route.url} requires undeclared permission ${access}`);
    }
  });

  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    const access = request.routeOptions.config?.access;
    // Public routes (sign-in, health) and non-API paths never need to know who is asking.
    if (!access || access === 'public') return;
    request.principal = await authenticate(app, request, options);
    if (!request.principal) throw new AppError(PlatformErrors.unauthenticated);
    if (request.principal.locale) request.locale = request.principal.locale;
    if (access !== 'authenticated' && !hasPermission(request.principal, access)) {
      throw new AppError(PlatformErrors.forbidden, { permission: access });
    }
  });
});
