import type { FastifyPluginAsync } from 'fastify';
import type { SessionPolicy } from '../../platform/auth/session.repository.js';
import { authRoutes } from './auth.routes.js';
import { authorityRoutes } from './authority.routes.js';
import { homeRoutes } from './home.routes.js';
import { moveRoutes } from './move.routes.js';
import { policyRoutes } from './policy.routes.js';
import { structureRoutes } from './structure.routes.js';
import { userRoutes } from './user.routes.js';

export type { AuthorityDecision } from './authority.service.js';
export { can, ensureAuthorityDefaults } from './authority.service.js';
export { geographyPath } from './geography.repository.js';
export type { LadderLevel } from './org.enums.js';
export { OrgPermissions } from './org.permissions.js';
export type { OwnedEntity } from './ownership.registry.js';
export { registerOwnedEntity } from './ownership.registry.js';
export { targetedUsers } from './policy.repository.js';
export { policies, policyAcknowledgements, policyTargets, policyVersions } from './policy.schema.js';
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
  await app.register(policyRoutes, { prefix: '/api/org' });
  await app.register(homeRoutes, { prefix: '/api' });
  await app.register(structureRoutes, { prefix: '/api/org', onChange: options.onChange });
  await app.register(authorityRoutes, { prefix: '/api/org' });
  await app.register(moveRoutes, { prefix: '/api/org', onChange: options.onChange });
};
export type { DataScopeKind } from './org.enums.js';
export { defaultScopeByLadder, ladderLevels } from './org.enums.js';
export { departments, geographies, positionPermissions, positions, users } from './org.schema.js';
