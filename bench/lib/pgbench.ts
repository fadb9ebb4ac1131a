import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type LoadResult, type LoadSettings, percentiles } from './load.js';

const run = promisify(execFile);

export interface PgbenchOptions {
  /** The script's text (pgbench's custom script language: \set, SQL, \gset). */
  script: string;
  clients: number;
  /** extended is what node-postgres speaks (parse, bind, execute per statement); prepared would skip the parse. */
  protocol: 'simple' | 'extended' | 'prepared';
}

const pgbenchBinary = process.env.PGBENCH ?? 'pgbench';

/**
 * Runs a custom script with pgbench (warm-up, then the measured run, `-T`
 * seconds each) and reports one script run as one request; p50/p99 come from
 * the per-transaction log. One pgbench thread per core at most.
 */
export async function pgbench(
  url: string,
  settings: Pick<LoadSettings, 'seconds' | 'warmupSeconds'>,
  options: PgbenchOptions,
): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesos-pgbench-'));
  try {
    const file = path.join(dir, 'script.sql');
    fs.writeFileSync(file, options.script);
    const threads = Math.max(1, Math.min(options.clients, os.cpus().length));
    const args = (seconds: number) => [
      '-n',
      '-f',
      file,
      '-c',
      String(options.clients),
      '-j',
      String(threads),
      '-T',
      String(Math.ceil(seconds)),
    ];
    const common = ['-M', options.protocol, url];
    if (settings.warmupSeconds > 0) await run(pgbenchBinary, [...args(settings.warmupSeconds), ...common]);
    const prefix = path.join(dir, 'tx');
    const { stdout } = await run(pgbenchBinary, [...args(settings.seconds), '-l', '--log-prefix', prefix, ...common], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const processed = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? 0);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? 0);
    // Log lines: client, transaction number, latency in µs ("failed" when it failed), script, epoch s, epoch µs.
    const latencies = fs
      .readdirSync(dir)
      .filter((name) => name.startsWith('tx.'))
      .flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .filter((ms) => Number.isFinite(ms) && ms > 0)
      .sort((a, b) => a - b);
    return { requestsPerSecond: tps, ...percentiles(latencies), requests: processed, failures: failed };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
