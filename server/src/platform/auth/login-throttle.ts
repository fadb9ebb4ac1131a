import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { loginFailures } from './auth.schema.js';

/** Failed sign-ins tolerated within the window before further attempts are refused. */
export const throttle = { windowMinutes: 15, perLogin: 5, perIp: 20 };

function windowStart(): Date {
  return new Date(Date.now() - throttle.windowMinutes * 60_000);
}

export async function isThrottled(db: Executor, login: string, ip: string): Promise<boolean> {
  const since = windowStart();
  const [byLogin] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.login, login.toLowerCase()), gt(loginFailures.at, since)));
  if ((byLogin?.n ?? 0) >= throttle.perLogin) return true;
  const [byIp] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  return (byIp?.n ?? 0) >= throttle.perIp;
}

export async function recordLoginFailure(db: Executor, login: string, ip: string): Promise<void> {
  await db.insert(loginFailures).values({ login: login.toLowerCase(), ip });
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(Date.now() - 24 * 3600_000)));
}

export async function clearLoginFailures(db: Executor, login: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.login, login.toLowerCase()));
}
