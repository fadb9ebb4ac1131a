import { eq, sql } from 'drizzle-orm';
import { users } from './modules/org/index.js';
import { writeAudit } from './platform/audit/audit.js';
import { hashPassword, passwordProblem } from './platform/auth/password.js';
import { deleteUserSessions } from './platform/auth/session.repository.js';
import type { Db } from './platform/db/database.js';

function checkedPassword(password: string): string {
  const problem = passwordProblem(password);
  if (problem) throw new Error('password needs 8–128 characters with at least one letter and one digit');
  return password;
}

/** The first administrator of a company installed on PostgreSQL without the demo. */
export async function createAdmin(db: Db, input: { username: string; password: string; displayName: string }) {
  const passwordHash = await hashPassword(checkedPassword(input.password));
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, passwordHash, isAdmin: true })
      .returning({ id: users.id });
    if (!created) throw new Error('insert returned no row');
    await writeAudit(
      tx,
      { userId: null },
      { entity: 'user', entityId: created.id, action: 'create-admin', after: { username: input.username } },
    );
  });
}

export async function resetPasswordByLogin(db: Db, username: string, password: string) {
  const passwordHash = await hashPassword(checkedPassword(password));
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()` })
      .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
      .returning({ id: users.id });
    if (!user) throw new Error(`no user ${username}`);
    await deleteUserSessions(tx, user.id);
    await writeAudit(tx, { userId: null }, { entity: 'user', entityId: user.id, action: 'reset-password' });
  });
}
