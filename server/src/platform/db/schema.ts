// Every table of every module, for drizzle-kit and for the typed query API.

export * from '../../modules/org/org.schema.js';
export * from '../../modules/org/policy.schema.js';
export * from '../audit/audit.schema.js';
export * from '../auth/auth.schema.js';
