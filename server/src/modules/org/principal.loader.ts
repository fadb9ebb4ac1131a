import { eq, sql } from 'drizzle-orm';
import type { DataScope, Principal } from '../../platform/access/principal.js';
import type { Db } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { isLocale } from '../../platform/i18n.js';
import { positionPermissions, positions, users } from './org.schema.js';

type Loaded = Omit<Principal, 'via'>;

async function idList(db: Db, query: ReturnType<typeof sql>): Promise<number[]> {
  const rows = await selectRows<{ id: string | number }>(db, query);
  return rows.map((row) => Number(row.id));
}

/** Everyone whose position sits at or below the given one in the reporting tree. */
function teamUsersQuery(positionId: number) {
  return sql`WITH RECURSIVE sub AS (
      SELECT id FROM positions WHERE id = ${positionId}
      UNION SELECT p.id FROM positions p JOIN sub ON p.superior_id = sub.id)
    SELECT u.id FROM users u WHERE u.position_id IN (SELECT id FROM sub)`;
}

function geographySubtreeQuery(rootIds: number[]) {
  return sql`WITH RECURSIVE sub AS (
      SELECT id FROM geographies WHERE id = ANY(${`{${rootIds.join(',')}}`}::bigint[])
      UNION SELECT g.id FROM geographies g JOIN sub ON g.parent_id = sub.id)
    SELECT id FROM sub`;
}

function departmentUsersQuery(rootIds: number[]) {
  return sql`WITH RECURSIVE sub AS (
      SELECT id FROM departments WHERE id = ANY(${`{${rootIds.join(',')}}`}::bigint[])
      UNION SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id)
    SELECT u.id FROM users u JOIN positions p ON p.id = u.position_id WHERE p.department_id IN (SELECT id FROM sub)`;
}

async function resolveScope(
  db: Db,
  user: { id: number; geographyId: number | null; isAdmin: boolean },
  position: typeof positions.$inferSelect | null,
): Promise<DataScope> {
  if (user.isAdmin) return { kind: 'all', all: true, userIds: [], geographyIds: [] };
  const kind = position?.dataScope ?? 'own';
  if (kind === 'all') return { kind, all: true, userIds: [], geographyIds: [] };
  if (kind === 'own' || !position) return { kind: 'own', all: false, userIds: [user.id], geographyIds: [] };
  const team = await idList(db, teamUsersQuery(position.id));
  if (kind === 'team') return { kind, all: false, userIds: team, geographyIds: [] };
  let geographyRoots: number[];
  let departmentUsers: number[] = [];
  if (kind === 'geography') {
    const owned = await idList(db, sql`SELECT id FROM geographies WHERE owner_user_id = ${user.id}`);
    geographyRoots = [...owned, ...(user.geographyId ? [user.geographyId] : [])];
  } else {
    geographyRoots = position.scopeGeographyIds;
    if (position.scopeDepartmentIds.length > 0) departmentUsers = await idList(db, departmentUsersQuery(position.scopeDepartmentIds));
  }
  const geographyIds = geographyRoots.length > 0 ? await idList(db, geographySubtreeQuery(geographyRoots)) : [];
  return { kind, all: false, userIds: [...new Set([...team, ...departmentUsers])], geographyIds };
}

/** Builds the principal of an active user: position, ladder, permissions and resolved data scope. */
export function createPrincipalLoader(db: Db) {
  return async (userId: number): Promise<Loaded | null> => {
    const [row] = await db
      .select({ user: users, position: positions })
      .from(users)
      .leftJoin(positions, eq(positions.id, users.positionId))
      .where(eq(users.id, userId));
    // Users who left hold no session.
    if (row?.user.status !== 'active') return null;
    const { user, position } = row;
    const granted = position
      ? await db
          .select({ permission: positionPermissions.permission })
          .from(positionPermissions)
          .where(eq(positionPermissions.positionId, position.id))
      : [];
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      locale: isLocale(user.locale) ? user.locale : null,
      isAdmin: user.isAdmin,
      positionId: position?.id ?? null,
      ladder: position?.ladder ?? null,
      departmentId: position?.departmentId ?? null,
      geographyId: user.geographyId,
      permissions: new Set(granted.map((g) => g.permission)),
      scope: await resolveScope(db, user, position),
    };
  };
}
