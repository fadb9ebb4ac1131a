import type { FastifyPluginAsync } from 'fastify';
import { approvalRoutes } from './approval.routes.js';
import { definitionRoutes } from './definition.routes.js';
import './reminder.job.js';

export { approve, comment, reject, returnForChanges, transfer, withdraw } from './action.service.js';
export type { ApprovalDecidedPayload, ApprovalReturnedPayload } from './approval.flow.js';
export type { ApprovalTypeRegistration } from './approval.registry.js';
export { registerApprovalType } from './approval.registry.js';
export type { ApproverRule, DefinitionInput, DefinitionTier, Person, StepInput } from './approval.types.js';
export { ApprovalErrors } from './approvals.errors.js';
export { ApprovalPermissions } from './approvals.permissions.js';
export { approvalActions, approvalDefinitions, approvals, approvalTasks } from './approvals.schema.js';
export type { AuthorityOutcome } from './authority.service.js';
export { decideOrRequest } from './authority.service.js';
export type { ChainPreview } from './definition.service.js';
export { previewChain } from './definition.service.js';
export type { ApprovalOpened, ApprovalRequest } from './request.service.js';
export { requestApproval, resubmitApproval } from './request.service.js';

/** The approvals API under /api/approvals: inbox, my requests, done, detail, actions, definitions and preview. */
export const approvalsModule: FastifyPluginAsync = async (app) => {
  await app.register(definitionRoutes, { prefix: '/api/approvals' });
  await app.register(approvalRoutes, { prefix: '/api/approvals' });
};
