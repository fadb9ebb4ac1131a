import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.js';
import { type Actor, writeAudit } from '../../platform/audit/audit.js';
import { apiTokens } from '../../platform/auth/auth.schema.js';
import { clearLoginFailures, isThrottled, recordLoginFailure, throttle } from '../../platform/auth/login-throttle.js';
import { hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { createSession, deleteSession, deleteUserSessions, type SessionPolicy } from '../../platform/auth/session.repository.js';
import { newSecret, sha256 } from '../../platform/auth/tokens.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { OrgErrors } from './org.errors.js';
import { users } from './org.schema.js';
import { findUserByLogin } from './user.repository.js';
import { assertPasswordRules } from './user.service.js';

/**
 * Signs in by username or mobile. Failures are counted per login and per IP;
 * past the limit the answer is 429 whatever the password, and that refusal is
 * audited too.
 */
export async function login(
  db: Db,
  input: { login: string; password: string; ip: string; userAgent: string | null; policy: SessionPolicy },
): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const actor: Actor = { userId: null, ip: input.ip };
  if (await isThrottled(db, input.login, input.ip)) {
    await writeAudit(db, actor, { entity: 'login', entityId: input.login, action: 'throttled' });
    throw new AppError(OrgErrors.loginThrottled, { minutes: throttle.windowMinutes });
  }
  const user = await findUserByLogin(db, input.login);
  const valid = user !== null && user.status === 'active' && (await verifyPassword(user.passwordHash, input.password));
  if (!valid || !user) {
    await db.transaction(async (tx) => {
      await recordLoginFailure(tx, input.login, input.ip);
      await writeAudit(tx, { ...actor, userId: user?.id ?? null }, { entity: 'login', entityId: input.login, action: 'failed' });
    });
    throw new AppError(OrgErrors.badCredentials);
  }
  return db.transaction(async (tx) => {
    await clearLoginFailures(tx, input.login);
    const session = await createSession(tx, { userId: user.id, ip: input.ip, userAgent: input.userAgent, policy: input.policy });
    await writeAudit(tx, { ...actor, userId: user.id }, { entity: 'session', entityId: user.id, action: 'login' });
    return { token: session.token, expiresAt: session.expiresAt, userId: user.id };
  });
}

export async function logout(db: Db, principal: Principal, actor: Actor) {
  if (principal.via.kind !== 'session') return;
  const { sessionId } = principal.via;
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await writeAudit(tx, actor, { entity: 'session', entityId: principal.userId, action: 'logout' });
  });
}

/** Changing one's password ends every other session of that user. */
export async function changePassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.principal.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError(OrgErrors.wrongPassword, {}, { field: 'currentPassword' });
  }
  assertPasswordRules(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  const keep = ctx.principal.via.kind === 'session' ? ctx.principal.via.sessionId : undefined;
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id, keep);
    await writeAudit(tx, ctx.actor, { entity: 'user', entityId: user.id, action: 'change-password' });
  });
}

export async function setOwnLocale(ctx: ServiceContext, locale: 'zh-CN' | 'en') {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, ctx.principal.userId));
    await tx.update(users).set({ locale, updatedAt: sql`now()` }).where(eq(users.id, ctx.principal.userId));
    await writeAudit(tx, ctx.actor, { entity: 'user', entityId: ctx.principal.userId, action: 'set-locale', before, after: { locale } });
  });
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
};

export function listTokens(ctx: ServiceContext) {
  return ctx.db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, ctx.principal.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.id));
}

/** Issues a personal API token; its secret is shown once and only its hash is kept. */
export async function createToken(ctx: ServiceContext, input: { name: string; expiresInDays?: number }) {
  const secret = newSecret('sos_');
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: ctx.principal.userId, name: input.name, tokenHash: sha256(secret), prefix: secret.slice(0, 8), expiresAt })
      .returning(tokenColumns);
    if (!row) throw new Error('insert returned no row');
    await writeAudit(tx, ctx.actor, { entity: 'api_token', entityId: row.id, action: 'create', after: row });
    return { ...row, token: secret };
  });
}

export async function revokeToken(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, ctx.principal.userId), isNull(apiTokens.revokedAt)))
      .returning(tokenColumns);
    if (!row) throw new AppError(PlatformErrors.notFound);
    await writeAudit(tx, ctx.actor, { entity: 'api_token', entityId: id, action: 'revoke', before: row });
  });
}
