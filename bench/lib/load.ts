import autocannon from 'autocannon';

export interface LoadSettings {
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

/** Drives one URL; the load generator runs in a worker thread so it does not share the server's event loop. */
export async function drive(url: string, settings: LoadSettings, headers: Record<string, string> = {}): Promise<LoadResult> {
  const run = (duration: number) => autocannon({ url, headers, connections: settings.connections, duration, workers: 1 });
  // Warm-up lets V8 optimise the hot paths and fills caches (principals, prepared plans) before anything is counted.
  await run(settings.warmupSeconds);
  const result = await run(settings.seconds);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
