import fs from 'node:fs';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { interpolate } from '../i18n.js';
import { AppError, type ErrorDefinition, type ErrorParams } from './app-error.js';
import { PlatformErrors } from './platform.errors.js';
import { describeValidation } from './validation-messages.js';

function send(request: FastifyRequest, reply: FastifyReply, definition: ErrorDefinition, params: ErrorParams, details?: unknown) {
  const message = interpolate(definition[request.locale], params, request.locale);
  return reply.status(definition.status).send({ error: { code: definition.code, message, details: details ?? null } });
}

/** The one place where an error becomes an HTTP answer (DESIGN rule 3). */
export function installErrorHandler(app: FastifyInstance, options: { webIndex: string | null }) {
  const webIndex = options.webIndex ? fs.readFileSync(options.webIndex) : null;
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return send(request, reply, error.definition, error.params, error.details);
    if (error.validation) {
      const fields = describeValidation(error.validation as never, request.locale);
      const list = fields.map((f) => `${f.field} ${f.message}`).join('; ');
      return send(request, reply, PlatformErrors.validation, { fields: list }, { context: error.validationContext, fields });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(request, reply, PlatformErrors.tooLarge, { limit: '1 MB' });
    if (error.statusCode === 429) return send(request, reply, PlatformErrors.tooManyRequests, {});
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(request, reply, PlatformErrors.badRequest, {}, { reason: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, PlatformErrors.internal, { requestId: request.id });
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    // Client-side routes of the web app (/org/users/12 …) all load its single page.
    if (webIndex && request.method === 'GET' && !url.startsWith('/api') && !url.startsWith('/docs')) {
      return reply.type('text/html').send(webIndex);
    }
    return send(request, reply, PlatformErrors.routeNotFound, { method: request.method, url });
  });
}
