import type { FastifyPluginAsync } from 'fastify';
import type { SessionPolicy } from '../../platform/auth/session.repository.js';
import { authRoutes } from './auth.routes.js';
import { userRoutes } from './user.routes.js';

export type { LadderLevel } from './org.enums.js';
export { OrgPermissions } from './org.permissions.js';
export { createPrincipalLoader } from './principal.loader.js';

export interface OrgModuleOptions {
  sessionPolicy: SessionPolicy;
  cookieSecure: boolean;
  /** Called after any change that alters who may see or do what (clears cached principals). */
  onChange: () => void;
}

export const orgModule: FastifyPluginAsync<OrgModuleOptions> = async (app, options) => {
  await app.register(authRoutes, { prefix: '/api/auth', ...options });
  await app.register(userRoutes, { prefix: '/api/org', onChange: options.onChange });
};
export type { DataScopeKind } from './org.enums.js';
export { defaultScopeByLadder } from './org.enums.js';
export { departments, geographies, positionPermissions, positions, users } from './org.schema.js';
