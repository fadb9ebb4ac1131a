import type { Principal } from '../access/principal.js';
import type { Actor } from '../audit/audit.js';
import type { Database } from '../db/database.js';
import type { Locale } from '../i18n.js';

/**
 * What a route must say about who may call it: a permission key, or
 * 'authenticated' (any signed-in user), or 'public' (no sign-in).
 */
export type RouteAccess = string;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
  }
  interface FastifyInstance {
    database: Database;
  }
}

export type { Actor };
