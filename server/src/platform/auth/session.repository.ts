import { and, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { apiTokens, sessions } from './auth.schema.js';
import { newSecret, sha256 } from './tokens.js';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export async function createSession(
  db: Executor,
  input: { userId: number; ip: string | null; userAgent: string | null; policy: SessionPolicy },
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newSecret('');
  const sessionId = sha256(token);
  const expiresAt = new Date(Date.now() + input.policy.maxHours * 3600_000);
  await db.insert(sessions).values({ id: sessionId, userId: input.userId, expiresAt, ip: input.ip, userAgent: input.userAgent });
  return { token, sessionId, expiresAt };
}

/**
 * Returns the user of a live session: not past its absolute expiry and used
 * within the idle window. Touches last_seen_at at most once a minute so that
 * reads do not turn every request into a write.
 */
export interface ResolvedSession {
  sessionId: string;
  userId: number;
}

export async function resolveSession(db: Executor, token: string, policy: SessionPolicy): Promise<ResolvedSession | null> {
  const sessionId = sha256(token);
  const idleCutoff = new Date(Date.now() - policy.idleMinutes * 60_000);
  const [row] = await db
    .select({ userId: sessions.userId, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`), gt(sessions.lastSeenAt, idleCutoff)));
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
  }
  return { sessionId, userId: row.userId };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, except the one given (the caller's own, after a password change). */
export async function deleteUserSessions(db: Executor, userId: number, keepSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
}

export async function resolveApiToken(db: Executor, token: string): Promise<{ tokenId: number; userId: number } | null> {
  const [row] = await db
    .select({ tokenId: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    );
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  }
  return { tokenId: row.tokenId, userId: row.userId };
}
