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

/**
 * What autocannon sends, in order, on every connection. Hooks (setupRequest,
 * onResponse) are absolute paths to CommonJS modules: the load generator runs
 * in a worker thread, which can only load functions from files.
 */
export type RequestStep = autocannon.Request;

interface Target {
  url: string;
  headers?: Record<string, string>;
  requests?: RequestStep[];
  /** Handed (cloned) to the hooks as their context at the start of every sequence. */
  initialContext?: object;
}

async function measure(target: Target, settings: LoadSettings): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({
      url: target.url,
      headers: target.headers ?? {},
      requests: target.requests,
      initialContext: target.initialContext,
      connections: settings.connections,
      duration,
      workers: 1,
    });
  // Warm-up lets V8 optimise the hot paths and fills caches (principals, prepared plans) before anything is counted.
  if (settings.warmupSeconds > 0) await run(settings.warmupSeconds);
  const result = await run(settings.seconds);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Drives one URL; the load generator runs in a worker thread so it does not share the server's event loop. */
export function drive(url: string, settings: LoadSettings, headers: Record<string, string> = {}): Promise<LoadResult> {
  return measure({ url, headers }, settings);
}

/** Drives a sequence of requests per connection (rotating ids, or steps that use an earlier answer). */
export function driveRequests(
  url: string,
  settings: LoadSettings,
  requests: RequestStep[],
  options: { headers?: Record<string, string>; initialContext?: object } = {},
): Promise<LoadResult> {
  return measure({ url, requests, ...options }, settings);
}

/**
 * The in-process counterpart of autocannon for work without HTTP: `connections`
 * callers run `once` back to back for the duration (after a warm-up), each call
 * told its running number so callers can rotate through inputs.
 */
export async function closedLoop(settings: LoadSettings, once: (call: number) => Promise<unknown>): Promise<LoadResult> {
  let calls = 0;
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    const until = performance.now() + seconds * 1000;
    const caller = async () => {
      while (performance.now() < until) {
        const started = performance.now();
        await once(calls++);
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: settings.connections }, caller));
    return { latencies, seconds: (performance.now() - started) / 1000 };
  };
  if (settings.warmupSeconds > 0) await run(settings.warmupSeconds);
  const { latencies, seconds } = await run(settings.seconds);
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: latencies.length / seconds, ...percentiles(latencies), requests: latencies.length, failures: 0 };
}

/** p50 and p99 of latencies sorted ascending (0 when there are none). */
export function percentiles(sorted: number[]): { p50: number; p99: number } {
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

export type Measure = (settings: LoadSettings) => Promise<LoadResult>;

/**
 * Measures two things in turn, `rounds` times (one warm-up apiece, then
 * rounds of `seconds / rounds`), and keeps for each the round with its median
 * rate, failures summed over all rounds. On a shared machine a burst of
 * someone else's work then falls on both sides alike instead of on whichever
 * happened to be running, so their ratio holds still.
 */
export async function alternate(
  settings: LoadSettings,
  rounds: number,
  first: Measure,
  second: Measure,
): Promise<[LoadResult, LoadResult]> {
  const seconds = Math.max(1, Math.round(settings.seconds / rounds));
  const results: [LoadResult[], LoadResult[]] = [[], []];
  for (let round = 0; round < rounds; round++) {
    const now = { ...settings, seconds, warmupSeconds: round === 0 ? settings.warmupSeconds : 0 };
    results[0].push(await first(now));
    results[1].push(await second(now));
  }
  const median = (runs: LoadResult[]): LoadResult => {
    const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const middle = sorted[Math.floor((sorted.length - 1) / 2)] as LoadResult;
    return { ...middle, failures: runs.reduce((sum, run) => sum + run.failures, 0) };
  };
  return [median(results[0]), median(results[1])];
}
