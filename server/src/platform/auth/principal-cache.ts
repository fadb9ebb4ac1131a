import type { Principal, PrincipalLoader } from '../access/principal.js';
import { ExpiringMap } from './expiring-map.js';

type Loaded = Omit<Principal, 'via'>;

/**
 * Keeps resolved principals (permissions and data scope) for a few seconds so
 * that a burst of requests does not recompute the reporting tree each time.
 * Any change to the organisation clears it; other processes see changes after
 * at most `ttlMs`.
 */
export class PrincipalCache {
  private readonly entries: ExpiringMap<number, Loaded | null>;

  constructor(
    private readonly loader: PrincipalLoader,
    ttlMs = 5_000,
  ) {
    this.entries = new ExpiringMap(ttlMs);
  }

  async get(userId: number): Promise<Loaded | null> {
    const hit = this.entries.get(userId);
    if (hit !== undefined) return hit;
    const value = await this.loader(userId);
    this.entries.set(userId, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
