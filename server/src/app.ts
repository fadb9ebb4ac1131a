import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { approvalsModule } from './modules/approvals/index.js';
import { customersModule, leadsModule } from './modules/customers/index.js';
import { fieldModule } from './modules/field/index.js';
import { ordersModule } from './modules/orders/index.js';
import { createPrincipalLoader, orgModule } from './modules/org/index.js';
import { productsModule } from './modules/products/index.js';
import { targetsModule } from './modules/targets/index.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { authPlugin } from './platform/auth/auth.plugin.js';
import { PrincipalCache } from './platform/auth/principal-cache.js';
import { SessionCache } from './platform/auth/session-cache.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { installErrorHandler } from './platform/errors/error-handler.js';
import { filesRoutes } from './platform/files/index.js';
import './platform/http/fastify-types.js';
import { platformRoutes } from './platform/http/platform.routes.js';
import { requestValidatorOptions } from './platform/http/schemas.js';
import { backgroundPlugin } from './platform/jobs/index.js';
import { notificationRoutes } from './platform/notifications/index.js';

export interface BuildOptions {
  database: Database;
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'cookieSecure' | 'webDist' | 'dataDir'>;
  logger?: boolean | { level: string };
  /** Run the outbox dispatcher and job scheduler while the app is up (default); tests drive them explicitly. */
  background?: boolean;
}

const bodyLimit = 1024 * 1024;

/** Builds the whole application: platform plugins first, then every module's routes, then the web app. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    trustProxy: false,
    ajv: { customOptions: requestValidatorOptions },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('database', options.database);
  const principals = new PrincipalCache(createPrincipalLoader(options.database.db));
  const sessions = new SessionCache();
  // Whatever changes the organisation or ends sessions makes this process forget what it had cached about both.
  const forgetCachedAccess = () => {
    principals.clear();
    sessions.clear();
  };
  const sessionPolicy = { idleMinutes: options.config.sessionIdleMinutes, maxHours: options.config.sessionMaxHours };

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Sales OS API', version: '0.1.0', description: 'Marketing, sales and channel management. Money is integer fen.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'salesos_sid' }, token: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register(authPlugin, { principals, sessions, sessionPolicy });
  installErrorHandler(app, { webIndex: webIndexOf(options.config.webDist) });

  await app.register(platformRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(notificationRoutes, { prefix: '/api' });
  await app.register(filesRoutes, { prefix: '/api', dataDir: options.config.dataDir });
  await app.register(orgModule, { sessionPolicy, cookieSecure: options.config.cookieSecure, onChange: forgetCachedAccess });
  await app.register(approvalsModule);
  await app.register(productsModule);
  await app.register(targetsModule);
  await app.register(customersModule);
  await app.register(leadsModule);
  await app.register(fieldModule);
  await app.register(ordersModule);
  if (options.background ?? true) await app.register(backgroundPlugin);

  if (fs.existsSync(options.config.webDist)) {
    await app.register(fastifyStatic, { root: options.config.webDist, wildcard: false, index: ['index.html'] });
  }
  return app;
}

function webIndexOf(webDist: string): string | null {
  const file = path.join(webDist, 'index.html');
  return fs.existsSync(file) ? file : null;
}
