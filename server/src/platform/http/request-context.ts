import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../access/principal.js';
import type { Actor } from '../audit/audit.js';
import type { ServiceContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { PlatformErrors } from '../errors/platform.errors.js';

/** The signed-in user of a route that declared a permission (the guard already ran). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError(PlatformErrors.unauthenticated);
  return request.principal;
}

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.principal?.userId ?? null, ip: request.ip, requestId: request.id };
}

/** The service context of a request: its database, its signed-in user and who to audit as. */
export function serviceContext(app: FastifyInstance, request: FastifyRequest): ServiceContext {
  return { db: app.database.db, principal: principalOf(request), actor: actorOf(request) };
}
