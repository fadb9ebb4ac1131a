import type { Principal, PrincipalLoader } from '../access/principal.js';

type Loaded = Omit<Principal, 'via'>;

/**
 * Keeps resolved principals (permissions and data scope) for a few seconds so
 * that a burst of requests does not recompute the reporting tree each time.
 * Any change to the organisation clears it; other processes see changes after
 * at most `ttlMs`.
 */
export class PrincipalCache {
  private readonly entries = new Map<number, { value: Loaded | null; at: number }>();

  constructor(
    private readonly loader: PrincipalLoader,
    private readonly ttlMs = 5_000,
  ) {}

  async get(userId: number): Promise<Loaded | null> {
    const hit = this.entries.get(userId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = await this.loader(userId);
    this.entries.set(userId, { value, at: Date.now() });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
