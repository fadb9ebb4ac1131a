import path from 'node:path';

/** Every setting Sales OS reads from the environment; README.md documents each one. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seedDemo: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  cookieSecure: boolean;
  logLevel: string;
  webDist: string;
}

function intFrom(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = path.resolve(import.meta.dirname, '../../..');
  return {
    port: intFrom(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(root, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    seedDemo: env.SEED_DEMO === '1' || env.SEED_DEMO === 'true',
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 120),
    sessionMaxHours: intFrom(env.SESSION_MAX_HOURS, 24),
    cookieSecure: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: path.join(root, 'web', 'dist'),
  };
}
