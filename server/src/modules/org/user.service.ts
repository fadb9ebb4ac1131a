import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.js';
import { hashPassword, passwordProblem } from '../../platform/auth/password.js';
import { deleteUserSessions } from '../../platform/auth/session.repository.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { OrgErrors } from './org.errors.js';
import { geographies, userMoves, users } from './org.schema.js';
import {
  findUser,
  findUserRow,
  listUsers,
  lockPositionWithOccupancy,
  type UserFilter,
  type UserSort,
  usernameOrMobileTaken,
} from './user.repository.js';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  mobile?: string | null;
  email?: string | null;
  positionId?: number | null;
  geographyId?: number | null;
  isAdmin?: boolean;
}

export interface UpdateUserInput {
  displayName?: string;
  mobile?: string | null;
  email?: string | null;
  isAdmin?: boolean;
  locale?: 'zh-CN' | 'en' | null;
}

export function assertPasswordRules(password: string) {
  if (passwordProblem(password)) throw new AppError(OrgErrors.weakPassword, {}, { field: 'password' });
}

async function assertUnique(db: Executor, username: string | undefined, mobile: string | null | undefined, exceptId?: number) {
  const taken = await usernameOrMobileTaken(db, username, mobile, exceptId);
  if (taken.username) throw new AppError(OrgErrors.usernameTaken, { username }, { field: 'username' });
  if (taken.mobile) throw new AppError(OrgErrors.mobileTaken, { mobile }, { field: 'mobile' });
}

/** ORG-2: a position takes no more active holders than its headcount quota. */
export async function assertSeatFree(db: Executor, positionId: number) {
  const occupancy = await lockPositionWithOccupancy(db, positionId);
  if (!occupancy) throw new AppError(OrgErrors.referenceMissing, { field: 'positionId' }, { field: 'positionId' });
  if (occupancy.filled >= occupancy.position.headcount) {
    throw new AppError(
      OrgErrors.headcountFull,
      { position: occupancy.position.name, quota: occupancy.position.headcount, filled: occupancy.filled },
      { field: 'positionId' },
    );
  }
}

export async function assertGeographyExists(db: Executor, geographyId: number | null | undefined, field = 'geographyId') {
  if (!geographyId) return;
  const [row] = await db.select({ id: geographies.id }).from(geographies).where(eq(geographies.id, geographyId));
  if (!row) throw new AppError(OrgErrors.referenceMissing, { field }, { field });
}

export async function getUser(ctx: Pick<ServiceContext, 'db' | 'principal'>, id: number) {
  const user = await findUser(ctx.db, ctx.principal.scope, id);
  if (!user) throw new AppError(PlatformErrors.notFound);
  return user;
}

export function searchUsers(
  ctx: Pick<ServiceContext, 'db' | 'principal'>,
  filter: UserFilter,
  page: { limit: number; offset: number; sort: UserSort; order: 'asc' | 'desc' },
) {
  return listUsers(ctx.db, ctx.principal.scope, filter, page);
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput) {
  if (input.isAdmin && !ctx.principal.isAdmin) throw new AppError(PlatformErrors.forbidden, { permission: 'admin' });
  assertPasswordRules(input.password);
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    await assertUnique(tx, input.username, input.mobile);
    if (input.positionId) await assertSeatFree(tx, input.positionId);
    await assertGeographyExists(tx, input.geographyId);
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        mobile: input.mobile ?? null,
        email: input.email ?? null,
        passwordHash,
        positionId: input.positionId ?? null,
        geographyId: input.geographyId ?? null,
        isAdmin: input.isAdmin ?? false,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await tx.insert(userMoves).values({
      userId: created.id,
      kind: 'hire',
      toPositionId: created.positionId,
      toGeographyId: created.geographyId,
      byUserId: ctx.actor.userId,
    });
    await writeAudit(tx, ctx.actor, { entity: 'user', entityId: created.id, action: 'create', after: created });
    return created.id;
  });
  return getUser(ctx, id);
}

export async function updateUser(ctx: ServiceContext, id: number, input: UpdateUserInput) {
  if (input.isAdmin !== undefined && !ctx.principal.isAdmin) throw new AppError(PlatformErrors.forbidden, { permission: 'admin' });
  await getUser(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const before = await findUserRow(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    await assertUnique(tx, undefined, input.mobile, id);
    const [after] = await tx
      .update(users)
      .set({ ...input, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { entity: 'user', entityId: id, action: 'update', before, after });
  });
  return getUser(ctx, id);
}

/** An administrator sets a new password; the user's sessions end. */
export async function resetPassword(ctx: ServiceContext, id: number, password: string) {
  await getUser(ctx, id);
  assertPasswordRules(password);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(users.id, id));
    await deleteUserSessions(tx, id);
    await writeAudit(tx, ctx.actor, { entity: 'user', entityId: id, action: 'reset-password' });
  });
}
