import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { departments, positions, users } from './org.schema.js';
import { policies, policyAcknowledgements, policyTargets, policyVersions } from './policy.schema.js';

export type PolicyStatus = (typeof policies.$inferSelect)['status'];

/**
 * The audience of policies as a subquery of (policy_id, user_id): active users
 * holding a target position, or a position in a target department or any
 * department below it. The one definition behind counts, "pending for me",
 * acknowledgement checks and the not-yet-acknowledged report.
 */
export function targetedUsers(policyId?: number): SQL {
  const onlyPolicy = policyId === undefined ? sql`` : sql` AND t.policy_id = ${policyId}`;
  return sql`(WITH RECURSIVE target_departments AS (
      SELECT t.policy_id, t.department_id FROM policy_targets t WHERE t.department_id IS NOT NULL${onlyPolicy}
      UNION SELECT td.policy_id, d.id FROM departments d JOIN target_departments td ON d.parent_id = td.department_id)
    SELECT td.policy_id, u.id AS user_id FROM target_departments td
      JOIN positions p ON p.department_id = td.department_id
      JOIN users u ON u.position_id = p.id AND u.status = 'active'
    UNION
    SELECT t.policy_id, u.id FROM policy_targets t
      JOIN users u ON u.position_id = t.position_id AND u.status = 'active'
    WHERE t.position_id IS NOT NULL${onlyPolicy})`;
}

/** Per policy: audience size, acknowledgements of the current version, and the viewer's own standing. */
function audienceStats(viewerId: number): SQL {
  return sql`(SELECT tu.policy_id,
      count(*)::int AS target_count,
      count(a.user_id)::int AS acknowledged_count,
      bool_or(tu.user_id = ${viewerId}) AS targets_me,
      max(a.at) FILTER (WHERE tu.user_id = ${viewerId}) AS my_ack
    FROM ${targetedUsers()} tu
    JOIN policies p ON p.id = tu.policy_id
    LEFT JOIN policy_acknowledgements a ON a.version_id = p.current_version_id AND a.user_id = tu.user_id
    GROUP BY tu.policy_id) AS stats`;
}

const currentVersion = alias(policyVersions, 'current_version');
const ownerDepartment = alias(departments, 'owner_department');

function selectSummaries(db: Executor, viewerId: number) {
  return db
    .select({
      id: policies.id,
      code: policies.code,
      title: policies.title,
      category: policies.category,
      status: policies.status,
      ownerDepartmentId: policies.ownerDepartmentId,
      ownerDepartmentName: ownerDepartment.name,
      currentVersionId: policies.currentVersionId,
      currentVersion: currentVersion.version,
      effectiveDate: currentVersion.effectiveDate,
      publishedAt: currentVersion.publishedAt,
      targetCount: sql<number>`coalesce(stats.target_count, 0)`.mapWith(Number),
      acknowledgedCount: sql<number>`coalesce(stats.acknowledged_count, 0)`.mapWith(Number),
      // Only a published policy asks anyone to read it.
      pendingCount: sql<number>`CASE WHEN ${policies.status} = 'published'
        THEN coalesce(stats.target_count - stats.acknowledged_count, 0) ELSE 0 END`.mapWith(Number),
      myAcknowledgedAt: sql`stats.my_ack`.mapWith(policyAcknowledgements.at),
      targetsMe: sql<boolean>`coalesce(stats.targets_me, false)`.mapWith(Boolean),
      createdAt: policies.createdAt,
      updatedAt: policies.updatedAt,
    })
    .from(policies)
    .leftJoin(currentVersion, eq(currentVersion.id, policies.currentVersionId))
    .leftJoin(ownerDepartment, eq(ownerDepartment.id, policies.ownerDepartmentId))
    .leftJoin(audienceStats(viewerId), sql`stats.policy_id = ${policies.id}`);
}

export type PolicySummary = Awaited<ReturnType<typeof selectSummaries>>[number];

export interface PolicyFilter {
  q?: string;
  category?: string;
  status?: PolicyStatus;
  /** Statuses the viewer may see at all (drafts and retired ones only for policy managers). */
  visible: PolicyStatus[];
}

function filterConditions(filter: PolicyFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [inArray(policies.status, filter.visible)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(or(ilike(policies.code, pattern), ilike(policies.title, pattern)));
  }
  if (filter.category) conditions.push(eq(policies.category, filter.category));
  if (filter.status) conditions.push(eq(policies.status, filter.status));
  return and(...conditions);
}

export async function listPolicies(
  db: Executor,
  viewerId: number,
  filter: PolicyFilter,
  page: { limit: number; offset: number },
): Promise<{ items: PolicySummary[]; total: number }> {
  const where = filterConditions(filter);
  const items = await selectSummaries(db, viewerId)
    .where(where)
    .orderBy(asc(policies.code), asc(policies.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(policies).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findPolicySummary(db: Executor, viewerId: number, id: number, visible: PolicyStatus[]) {
  const [row] = await selectSummaries(db, viewerId).where(and(eq(policies.id, id), inArray(policies.status, visible)));
  return row ?? null;
}

export async function findPolicyRow(db: Executor, id: number) {
  const [row] = await db.select().from(policies).where(eq(policies.id, id));
  return row ?? null;
}

/** Locks the policy so that versions are added and published one after another. */
export async function lockPolicy(db: Executor, id: number) {
  const [row] = await db.select().from(policies).where(eq(policies.id, id)).for('update');
  return row ?? null;
}

export async function policyCodeTaken(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ id: policies.id }).from(policies).where(eq(policies.code, code));
  return Boolean(row);
}

const draftedBy = alias(users, 'drafted_by_user');
const reviewedBy = alias(users, 'reviewed_by_user');
const approvedBy = alias(users, 'approved_by_user');

/** The revision log, newest first, with the names of who drafted, reviewed and approved each version. */
export function listVersions(db: Executor, policyId: number, statuses: (typeof policyVersions.$inferSelect)['status'][]) {
  return db
    .select({
      id: policyVersions.id,
      version: policyVersions.version,
      status: policyVersions.status,
      changeSummary: policyVersions.changeSummary,
      draftedById: policyVersions.draftedBy,
      draftedByName: draftedBy.displayName,
      reviewedById: policyVersions.reviewedBy,
      reviewedByName: reviewedBy.displayName,
      approvedById: policyVersions.approvedBy,
      approvedByName: approvedBy.displayName,
      publishedAt: policyVersions.publishedAt,
      effectiveDate: policyVersions.effectiveDate,
      createdAt: policyVersions.createdAt,
    })
    .from(policyVersions)
    .leftJoin(draftedBy, eq(draftedBy.id, policyVersions.draftedBy))
    .leftJoin(reviewedBy, eq(reviewedBy.id, policyVersions.reviewedBy))
    .leftJoin(approvedBy, eq(approvedBy.id, policyVersions.approvedBy))
    .where(and(eq(policyVersions.policyId, policyId), inArray(policyVersions.status, statuses)))
    .orderBy(desc(policyVersions.createdAt), desc(policyVersions.id));
}

export async function findVersion(db: Executor, policyId: number, versionId: number) {
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.id, versionId), eq(policyVersions.policyId, policyId)));
  return row ?? null;
}

export async function findDraftVersion(db: Executor, policyId: number) {
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.status, 'draft')));
  return row ?? null;
}

export async function versionLabelTaken(db: Executor, policyId: number, version: string): Promise<boolean> {
  const [row] = await db
    .select({ id: policyVersions.id })
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.version, version)));
  return Boolean(row);
}

export async function listTargets(db: Executor, policyId: number) {
  const rows = await db
    .select({
      departmentId: policyTargets.departmentId,
      positionId: policyTargets.positionId,
      departmentName: departments.name,
      positionName: positions.name,
    })
    .from(policyTargets)
    .leftJoin(positions, eq(positions.id, policyTargets.positionId))
    // A position target is shown with its department, a department target with its own name.
    .leftJoin(departments, eq(departments.id, sql`coalesce(${policyTargets.departmentId}, ${positions.departmentId})`))
    .where(eq(policyTargets.policyId, policyId))
    .orderBy(asc(policyTargets.id));
  return {
    departments: rows.flatMap((r) => (r.departmentId === null ? [] : [{ id: r.departmentId, name: r.departmentName ?? '' }])),
    positions: rows.flatMap((r) =>
      r.positionId === null ? [] : [{ id: r.positionId, name: r.positionName ?? '', departmentName: r.departmentName ?? '' }],
    ),
  };
}

export async function replaceTargets(db: Executor, policyId: number, departmentIds: number[], positionIds: number[]) {
  await db.delete(policyTargets).where(eq(policyTargets.policyId, policyId));
  const rows = [
    ...departmentIds.map((departmentId) => ({ policyId, departmentId })),
    ...positionIds.map((positionId) => ({ policyId, positionId })),
  ];
  if (rows.length > 0) await db.insert(policyTargets).values(rows);
}

/** The ids among those given that do not exist, so the caller can name the bad field. */
export async function missingIds(db: Executor, table: 'departments' | 'positions', ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const source = table === 'departments' ? departments : positions;
  const found = await db.select({ id: source.id }).from(source).where(inArray(source.id, ids));
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

export async function isTargeted(db: Executor, policyId: number, userId: number): Promise<boolean> {
  const rows = await selectRows<{ found: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM ${targetedUsers(policyId)} tu WHERE tu.user_id = ${userId}) AS found`,
  );
  return Boolean(rows[0]?.found);
}

/** Records the acknowledgement once; a repeat keeps the first time. */
export async function acknowledge(db: Executor, versionId: number, userId: number) {
  const [inserted] = await db.insert(policyAcknowledgements).values({ versionId, userId }).onConflictDoNothing().returning();
  if (inserted) return { acknowledgement: inserted, created: true };
  const [existing] = await db
    .select()
    .from(policyAcknowledgements)
    .where(and(eq(policyAcknowledgements.versionId, versionId), eq(policyAcknowledgements.userId, userId)));
  if (!existing) throw new Error('acknowledgement vanished');
  return { acknowledgement: existing, created: false };
}

/** Published policies whose current version the user is asked to read and has not acknowledged yet. */
export function listPendingFor(db: Executor, userId: number) {
  return db
    .select({
      id: policies.id,
      code: policies.code,
      title: policies.title,
      version: policyVersions.version,
      effectiveDate: policyVersions.effectiveDate,
    })
    .from(policies)
    .innerJoin(policyVersions, eq(policyVersions.id, policies.currentVersionId))
    .where(
      and(
        eq(policies.status, 'published'),
        sql`${policies.id} IN (SELECT tu.policy_id FROM ${targetedUsers()} tu WHERE tu.user_id = ${userId})`,
        sql`NOT EXISTS (SELECT 1 FROM policy_acknowledgements a WHERE a.version_id = ${policies.currentVersionId} AND a.user_id = ${userId})`,
      ),
    )
    .orderBy(asc(policyVersions.effectiveDate), asc(policies.code));
}

/** "Who has not read it": the policy's audience within the viewer's data scope, minus those who acknowledged the version. */
export async function listUnacknowledged(
  db: Executor,
  scope: DataScope,
  policyId: number,
  versionId: number,
  page: { limit: number; offset: number },
) {
  const where = and(
    sql`${users.id} IN (SELECT tu.user_id FROM ${targetedUsers(policyId)} tu)`,
    sql`NOT EXISTS (SELECT 1 FROM policy_acknowledgements a WHERE a.version_id = ${versionId} AND a.user_id = ${users.id})`,
    scopeCondition(scope, { owner: users.id, geography: users.geographyId }),
  );
  const items = await db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      positionName: positions.name,
      departmentName: departments.name,
    })
    .from(users)
    .leftJoin(positions, eq(positions.id, users.positionId))
    .leftJoin(departments, eq(departments.id, positions.departmentId))
    .where(where)
    .orderBy(asc(departments.sort), asc(users.username))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  return { items, total: total?.n ?? 0 };
}
