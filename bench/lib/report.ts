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

/** autocannon records whole milliseconds, so 0 means under one; in-process timings may show a decimal. */
export const milliseconds = (value: number, digits = 0) => (value < 1 ? '< 1' : value.toFixed(digits));

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
  printColumns(header, lines);
}

/** A table with the first column left-aligned and the others right-aligned, under a ruled header. */
export function printColumns(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(['', format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n'));
}

/** The machine a result was measured on; the load average tells whether something else was running at the time. */
export function machine() {
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    load: os.loadavg(),
  };
}

/** Writes one benchmark's results with the time and the machine, and says where. */
export function writeJson(file: string, results: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine: machine(), ...results }, null, 2)}\n`);
  console.log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}

export function writeResults(file: string, settings: LoadSettings, rows: Row[]): void {
  writeJson(file, { settings, goalRatio, rows });
}
