import type { FastifyPluginAsync } from 'fastify';
import './compliance.job.js';
import { complianceRoutes } from './compliance.routes.js';
import './visit.hooks.js';
import { visitRoutes } from './visit.routes.js';
import { visitPlanRoutes } from './visit-plan.routes.js';
import { workLogRoutes } from './work-log.routes.js';

export type { ComplianceLevel, ComplianceSource, RollupRow, StoreComplianceRow } from './compliance.repository.js';
export { complianceLevels, complianceRollup, complianceStores, storeKinds } from './compliance.repository.js';
export { visitComplianceFreezes, visitComplianceSnapshots } from './compliance.schema.js';
export { freezeClosedMonth, freezeMonth, getComplianceRollup } from './compliance.service.js';
export { FieldPermissions } from './field.permissions.js';
export type { NewVisit } from './visit.repository.js';
export { insertVisits, visitEntity } from './visit.repository.js';
export type { VisitKind, VisitStatus } from './visit.schema.js';
export { visitKinds, visitPlans, visitStatuses, visits } from './visit.schema.js';
export { workLogComments, workLogs } from './work-log.schema.js';

/** CUS-4, CUS-5, CUS-6: visits, visit plans, visit compliance and daily work logs, under /api/field. */
export const fieldModule: FastifyPluginAsync = async (app) => {
  for (const routes of [visitRoutes, visitPlanRoutes, complianceRoutes, workLogRoutes]) {
    await app.register(routes, { prefix: '/api/field' });
  }
};
