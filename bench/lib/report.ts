import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadResult, LoadSettings } from './load.js';

export interface Row extends LoadResult {
  name: string;
  /** Share of the bare route's requests/s kept; the goal is ≥ 40 % for the full stack. */
  ratio: number;
  goal: 'PASS' | 'FAIL' | 'info';
}

/** The full stack must keep this share of bare Fastify's throughput. */
export const goalRatio = 0.4;

export function rowOf(name: string, result: LoadResult, baseline: LoadResult, judged: boolean): Row {
  const ratio = result.requestsPerSecond / baseline.requestsPerSecond;
  const meets = ratio >= goalRatio && result.failures === 0;
  return { name, ...result, ratio, goal: judged ? (meets ? 'PASS' : 'FAIL') : 'info' };
}

/** autocannon records whole milliseconds, so 0 means under one. */
const milliseconds = (value: number) => (value < 1 ? '< 1' : value.toFixed(0));

export function printTable(rows: Row[]): void {
  const header = ['measure', 'req/s', 'p50 ms', 'p99 ms', 'failures', 'ratio', `goal ≥ ${goalRatio * 100} %`];
  const lines = rows.map((row) => [
    row.name,
    row.requestsPerSecond.toFixed(0),
    milliseconds(row.p50),
    milliseconds(row.p99),
    String(row.failures),
    `${(row.ratio * 100).toFixed(1)} %`,
    row.goal === 'info' ? `(${row.ratio >= goalRatio ? 'pass' : 'fail'}, informational)` : row.goal,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(['', format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n'));
}

export function writeResults(file: string, settings: LoadSettings, rows: Row[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const machine = { node: process.version, platform: `${os.type()} ${os.release()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model };
  fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, settings, goalRatio, rows }, null, 2)}\n`);
}
