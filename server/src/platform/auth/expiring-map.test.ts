import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpiringMap } from './expiring-map.js';

describe('ExpiringMap (session and principal caches)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('serves a value until its time is up, then reads as missing', () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T08:00:00Z') });
    const map = new ExpiringMap<string, number>(5_000);
    map.set('a', 1);
    vi.advanceTimersByTime(4_999);
    expect(map.get('a')).toBe(1);
    vi.advanceTimersByTime(1);
    expect(map.get('a')).toBeUndefined();
  });

  it('keeps a stored null apart from a missing value', () => {
    const map = new ExpiringMap<number, string | null>(5_000);
    map.set(1, null);
    expect(map.get(1)).toBeNull();
    expect(map.get(2)).toBeUndefined();
  });

  it('starts over when full instead of growing without bound', () => {
    const map = new ExpiringMap<number, number>(60_000, 3);
    for (const key of [1, 2, 3]) map.set(key, key);
    map.set(4, 4);
    expect([map.get(1), map.get(2), map.get(3), map.get(4)]).toEqual([undefined, undefined, undefined, 4]);
  });

  it('forgets everything on clear', () => {
    const map = new ExpiringMap<string, number>(60_000);
    map.set('a', 1);
    map.clear();
    expect(map.get('a')).toBeUndefined();
  });
});
