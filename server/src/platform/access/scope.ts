import { type Column, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from './principal.js';

export interface ScopedColumns {
  /** The user who owns the record (for users themselves: their own id). */
  owner: Column;
  /** The geography the record belongs to, when it has one. */
  geography?: Column;
}

/** The WHERE condition that keeps a query inside the user's data scope (ORG-4). */
export function scopeCondition(scope: DataScope, columns: ScopedColumns): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.userIds.length > 0) parts.push(inArray(columns.owner, scope.userIds));
  if (columns.geography && scope.geographyIds.length > 0) parts.push(inArray(columns.geography, scope.geographyIds));
  return parts.length > 0 ? or(...parts) : sql`false`;
}

/** The same rule for one record already in memory. */
export function isInScope(scope: DataScope, record: { ownerId: number | null; geographyId?: number | null }): boolean {
  if (scope.all) return true;
  if (record.ownerId !== null && scope.userIds.includes(record.ownerId)) return true;
  return record.geographyId != null && scope.geographyIds.includes(record.geographyId);
}

/** For reads the system makes on a user's own behalf (e.g. their own profile), never for user-chosen records. */
export const unrestrictedScope: DataScope = { kind: 'all', all: true, userIds: [], geographyIds: [] };
