import type { Executor } from '../db/database.js';
import { ExpiringMap } from './expiring-map.js';
import { type ResolvedSession, resolveSession, type SessionPolicy } from './session.repository.js';

/**
 * Live sessions seen in the last few seconds, so that a page's burst of API calls costs one session lookup, not one
 * each. Only live sessions are kept (an unknown cookie is looked up every time). This process clears it whenever it
 * ends sessions (sign-out, password change, a user disabled or moved); a session ended by another process (the CLI, a
 * second server) stops working after at most `ttlMs`, like the cached permissions beside it.
 */
export class SessionCache {
  private readonly live: ExpiringMap<string, ResolvedSession>;

  constructor(ttlMs = 5_000) {
    this.live = new ExpiringMap(ttlMs);
  }

  async resolve(db: Executor, token: string, policy: SessionPolicy): Promise<ResolvedSession | null> {
    const hit = this.live.get(token);
    if (hit) return hit;
    const session = await resolveSession(db, token, policy);
    if (session) this.live.set(token, session);
    return session;
  }

  clear(): void {
    this.live.clear();
  }
}
