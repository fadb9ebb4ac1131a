import { and, eq, sql } from 'drizzle-orm';
import { hasPermission, type Principal } from '../../platform/access/principal.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { OrgErrors } from './org.errors.js';
import { OrgPermissions } from './org.permissions.js';
import {
  acknowledge,
  findDraftVersion,
  findPolicyRow,
  findPolicySummary,
  findVersion,
  isTargeted,
  listPendingFor,
  listPolicies,
  listTargets,
  listUnacknowledged,
  listVersions,
  lockPolicy,
  missingIds,
  type PolicyFilter,
  type PolicyStatus,
  policyCodeTaken,
  replaceTargets,
  versionLabelTaken,
} from './policy.repository.js';
import { policies, policyVersions } from './policy.schema.js';
import { findUserRow } from './user.repository.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

const bodyLimitKb = 200;

export interface TargetsInput {
  departmentIds?: number[];
  positionIds?: number[];
}

export interface VersionInput {
  version: string;
  body: string;
  changeSummary?: string;
}

export interface CreatePolicyInput extends VersionInput, TargetsInput {
  code: string;
  title: string;
  category: string;
  ownerDepartmentId?: number | null;
}

export interface PublishInput {
  reviewedBy: number;
  approvedBy: number;
  effectiveDate: string;
}

function canManage(principal: Principal): boolean {
  return hasPermission(principal, OrgPermissions['policies.manage']);
}

/** Drafts and retired policies are working material of the policy owners; everyone else sees what is in force. */
function visibleStatuses(principal: Principal): PolicyStatus[] {
  return canManage(principal) ? ['draft', 'published', 'retired'] : ['published'];
}

/** Versions are never rewritten, so the audit row records the body's size rather than a copy of it. */
function versionForAudit(version: typeof policyVersions.$inferSelect) {
  const { body, ...rest } = version;
  return { ...rest, bodyBytes: Buffer.byteLength(body, 'utf8') };
}

function assertBodySize(body: string) {
  if (Buffer.byteLength(body, 'utf8') > bodyLimitKb * 1024) {
    throw new AppError(OrgErrors.policyBodyTooLarge, { field: 'body', limit: bodyLimitKb }, { field: 'body' });
  }
}

async function assertReferences(db: Executor, input: TargetsInput & { ownerDepartmentId?: number | null }) {
  if (input.ownerDepartmentId && (await missingIds(db, 'departments', [input.ownerDepartmentId])).length > 0) {
    throw new AppError(OrgErrors.referenceMissing, { field: 'ownerDepartmentId' }, { field: 'ownerDepartmentId' });
  }
  for (const [field, table] of [
    ['departmentIds', 'departments'],
    ['positionIds', 'positions'],
  ] as const) {
    const missing = await missingIds(db, table, input[field] ?? []);
    if (missing.length > 0) throw new AppError(OrgErrors.referenceMissing, { field }, { field, ids: missing });
  }
}

async function assertActiveSigner(db: Executor, userId: number, field: 'reviewedBy' | 'approvedBy') {
  const user = await findUserRow(db, userId);
  if (!user) throw new AppError(OrgErrors.referenceMissing, { field }, { field });
  if (user.status !== 'active') throw new AppError(OrgErrors.signerInactive, { field, name: user.displayName }, { field });
}

/** Locks a policy that may still change, or explains why it cannot be touched. */
async function lockChangeable(db: Executor, id: number) {
  const policy = await lockPolicy(db, id);
  if (!policy) throw new AppError(PlatformErrors.notFound);
  if (policy.status === 'retired') throw new AppError(OrgErrors.policyRetired);
  return policy;
}

const unique = (ids: number[] = []) => [...new Set(ids)];

export function searchPolicies(ctx: ReadContext, filter: Omit<PolicyFilter, 'visible'>, page: { limit: number; offset: number }) {
  return listPolicies(ctx.db, ctx.principal.userId, { ...filter, visible: visibleStatuses(ctx.principal) }, page);
}

/** One policy with its revision log, audience and the text in force; drafts only for policy managers. */
export async function getPolicy(ctx: ReadContext, id: number) {
  const manager = canManage(ctx.principal);
  const summary = await findPolicySummary(ctx.db, ctx.principal.userId, id, visibleStatuses(ctx.principal));
  if (!summary) throw new AppError(PlatformErrors.notFound);
  const [versions, targets, current, draft] = await Promise.all([
    listVersions(ctx.db, id, manager ? ['draft', 'published', 'superseded'] : ['published', 'superseded']),
    listTargets(ctx.db, id),
    summary.currentVersionId ? findVersion(ctx.db, id, summary.currentVersionId) : null,
    manager ? findDraftVersion(ctx.db, id) : null,
  ]);
  return {
    ...summary,
    versions,
    targets,
    body: current?.body ?? null,
    draft: draft && { id: draft.id, version: draft.version, body: draft.body, changeSummary: draft.changeSummary },
  };
}

export async function createPolicy(ctx: ServiceContext, input: CreatePolicyInput) {
  assertBodySize(input.body);
  const departmentIds = unique(input.departmentIds);
  const positionIds = unique(input.positionIds);
  const id = await ctx.db.transaction(async (tx) => {
    if (await policyCodeTaken(tx, input.code)) throw new AppError(OrgErrors.policyCodeTaken, { code: input.code }, { field: 'code' });
    await assertReferences(tx, { ...input, departmentIds, positionIds });
    const [policy] = await tx
      .insert(policies)
      .values({ code: input.code, title: input.title, category: input.category, ownerDepartmentId: input.ownerDepartmentId ?? null })
      .returning();
    if (!policy) throw new Error('insert returned no row');
    const [version] = await tx
      .insert(policyVersions)
      .values({
        policyId: policy.id,
        version: input.version,
        body: input.body,
        changeSummary: input.changeSummary ?? '',
        draftedBy: ctx.actor.userId,
      })
      .returning();
    if (!version) throw new Error('insert returned no row');
    await replaceTargets(tx, policy.id, departmentIds, positionIds);
    await writeAudit(tx, ctx.actor, {
      entity: 'policy',
      entityId: policy.id,
      action: 'create',
      after: { ...policy, departmentIds, positionIds },
    });
    await writeAudit(tx, ctx.actor, { entity: 'policy_version', entityId: version.id, action: 'create', after: versionForAudit(version) });
    return policy.id;
  });
  return getPolicy(ctx, id);
}

/** A new draft revision; a policy carries at most one draft, so reviewers never have to pick between two. */
export async function addVersion(ctx: ServiceContext, policyId: number, input: VersionInput) {
  assertBodySize(input.body);
  await ctx.db.transaction(async (tx) => {
    await lockChangeable(tx, policyId);
    const draft = await findDraftVersion(tx, policyId);
    if (draft) throw new AppError(OrgErrors.policyDraftPending, { version: draft.version }, { field: 'version' });
    if (await versionLabelTaken(tx, policyId, input.version)) {
      throw new AppError(OrgErrors.policyVersionTaken, { version: input.version }, { field: 'version' });
    }
    const [version] = await tx
      .insert(policyVersions)
      .values({ policyId, version: input.version, body: input.body, changeSummary: input.changeSummary ?? '', draftedBy: ctx.actor.userId })
      .returning();
    if (!version) throw new Error('insert returned no row');
    await writeAudit(tx, ctx.actor, { entity: 'policy_version', entityId: version.id, action: 'create', after: versionForAudit(version) });
  });
  return getPolicy(ctx, policyId);
}

/**
 * Puts a draft in force. Acknowledgements belong to a version, so everyone
 * the policy targets is asked to read the new one.
 */
export async function publishVersion(ctx: ServiceContext, policyId: number, versionId: number, input: PublishInput) {
  await ctx.db.transaction(async (tx) => {
    const policy = await lockChangeable(tx, policyId);
    const version = await findVersion(tx, policyId, versionId);
    if (!version) throw new AppError(PlatformErrors.notFound);
    if (version.status !== 'draft') throw new AppError(OrgErrors.policyVersionNotDraft, { version: version.version });
    await assertActiveSigner(tx, input.reviewedBy, 'reviewedBy');
    await assertActiveSigner(tx, input.approvedBy, 'approvedBy');
    await tx
      .update(policyVersions)
      .set({ status: 'superseded' })
      .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.status, 'published')));
    const [published] = await tx
      .update(policyVersions)
      .set({
        status: 'published',
        reviewedBy: input.reviewedBy,
        approvedBy: input.approvedBy,
        effectiveDate: input.effectiveDate,
        publishedAt: sql`now()`,
      })
      .where(eq(policyVersions.id, versionId))
      .returning();
    const [after] = await tx
      .update(policies)
      .set({ status: 'published', currentVersionId: versionId, updatedAt: sql`now()` })
      .where(eq(policies.id, policyId))
      .returning();
    if (!published) throw new Error('update returned no row');
    await writeAudit(tx, ctx.actor, {
      entity: 'policy_version',
      entityId: versionId,
      action: 'publish',
      before: versionForAudit(version),
      after: versionForAudit(published),
    });
    await writeAudit(tx, ctx.actor, { entity: 'policy', entityId: policyId, action: 'publish', before: policy, after });
  });
  return getPolicy(ctx, policyId);
}

export async function setTargets(ctx: ServiceContext, policyId: number, input: Required<TargetsInput>) {
  const departmentIds = unique(input.departmentIds);
  const positionIds = unique(input.positionIds);
  await ctx.db.transaction(async (tx) => {
    await lockChangeable(tx, policyId);
    await assertReferences(tx, { departmentIds, positionIds });
    const before = await listTargets(tx, policyId);
    await replaceTargets(tx, policyId, departmentIds, positionIds);
    await writeAudit(tx, ctx.actor, {
      entity: 'policy',
      entityId: policyId,
      action: 'set-targets',
      before: { departmentIds: before.departments.map((d) => d.id), positionIds: before.positions.map((p) => p.id) },
      after: { departmentIds, positionIds },
    });
  });
  return getPolicy(ctx, policyId);
}

/** A retired policy asks nobody to read it any more; its history stays. */
export async function retirePolicy(ctx: ServiceContext, policyId: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockChangeable(tx, policyId);
    const [after] = await tx
      .update(policies)
      .set({ status: 'retired', updatedAt: sql`now()` })
      .where(eq(policies.id, policyId))
      .returning();
    await writeAudit(tx, ctx.actor, { entity: 'policy', entityId: policyId, action: 'retire', before, after });
  });
  return getPolicy(ctx, policyId);
}

/** The caller confirms having read the version in force; only those the policy targets are asked, others get 404. */
export async function acknowledgePolicy(ctx: ServiceContext, policyId: number) {
  const userId = ctx.principal.userId;
  return ctx.db.transaction(async (tx) => {
    const policy = await findPolicyRow(tx, policyId);
    if (policy?.status !== 'published' || !policy.currentVersionId || !(await isTargeted(tx, policyId, userId))) {
      throw new AppError(PlatformErrors.notFound);
    }
    const { acknowledgement, created } = await acknowledge(tx, policy.currentVersionId, userId);
    if (created) {
      await writeAudit(tx, ctx.actor, { entity: 'policy_ack', entityId: policyId, action: 'acknowledge', after: acknowledgement });
    }
    return { acknowledgedAt: acknowledgement.at };
  });
}

export function pendingPolicies(ctx: ReadContext) {
  return listPendingFor(ctx.db, ctx.principal.userId);
}

/** Who in my data scope has not acknowledged the version in force. */
export async function unacknowledgedReport(ctx: ReadContext, policyId: number, page: { limit: number; offset: number }) {
  const policy = await findPolicyRow(ctx.db, policyId);
  if (!policy) throw new AppError(PlatformErrors.notFound);
  if (policy.status !== 'published' || !policy.currentVersionId) throw new AppError(OrgErrors.policyNotPublished);
  return listUnacknowledged(ctx.db, ctx.principal.scope, policyId, policy.currentVersionId, page);
}
