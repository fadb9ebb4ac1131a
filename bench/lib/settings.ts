import type { LoadSettings } from './load.js';

/** A positive number from the environment, else the fallback (unset, empty, zero or garbage). */
export function positive(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/** BENCH_SECONDS, BENCH_WARMUP_SECONDS and BENCH_CONNECTIONS over each benchmark's own defaults. */
export function settingsFromEnv(defaults: LoadSettings): LoadSettings {
  return {
    seconds: positive(process.env.BENCH_SECONDS, defaults.seconds),
    warmupSeconds: positive(process.env.BENCH_WARMUP_SECONDS, defaults.warmupSeconds),
    connections: positive(process.env.BENCH_CONNECTIONS, defaults.connections),
  };
}
