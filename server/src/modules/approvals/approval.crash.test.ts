import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { demoPassword } from '../../demo/seed.js';

const child = path.join(import.meta.dirname, 'approval.test-child.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesos-crash-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const server of running) server.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the server on the crash test's data directory and waits for its first line: port and filed approval. */
function startServer(env: Record<string, string>) {
  const server = spawn(process.execPath, ['--import', 'tsx', child], {
    env: { ...process.env, DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.push(server);
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) if (part.startsWith('{')) lines.push(JSON.parse(part));
  });
  const ready = new Promise<{ port: number; approvalId: number | null }>((resolve, reject) => {
    const poll = setInterval(() => {
      const line = lines.find((l) => 'port' in l);
      if (line) {
        clearInterval(poll);
        resolve(line as { port: number; approvalId: number | null });
      }
    }, 20);
    server.once('exit', (code) => {
      clearInterval(poll);
      reject(new Error(`server exited with ${code}`));
    });
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  return { server, lines, ready, exited };
}

async function approveOver(port: number, approvalId: number) {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'am-huadong-1', password: demoPassword }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  return fetch(`${base}/api/approvals/${approvalId}/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: '{}',
  });
}

// The child runs on its own PGlite directory; on PostgreSQL the same outbox is covered by approval.events.test.ts.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('APR-1 a killed process neither loses nor repeats a decision', () => {
  it('APR-1 SIGKILL right after the approval answers: after a restart the outcome is delivered exactly once', async () => {
    // The migrated demo company, unpacked into the directory the child will use.
    const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    await (await PGlite.create({ dataDir, loadDataDir: template })).close();

    const first = startServer({ FILE_FOR: 'rep-huadong-1', BACKGROUND: '0' });
    const { port, approvalId } = await first.ready;
    if (approvalId === null) throw new Error('the child filed no request');
    const response = await approveOver(port, approvalId);
    expect(response.status).toBe(200);
    first.server.kill('SIGKILL');
    await first.exited;
    expect(first.lines.filter((line) => 'handled' in line)).toEqual([]);

    const second = startServer({});
    await second.ready;
    while (!second.lines.some((line) => line.handled === approvalId)) await new Promise((resolve) => setTimeout(resolve, 50));
    second.server.kill('SIGTERM');
    await second.exited;

    const client = await PGlite.create({ dataDir });
    try {
      const outcomes = await client.query<{ outcome: string }>('SELECT outcome FROM crash_outcomes WHERE approval_id = $1', [approvalId]);
      expect(outcomes.rows.map((row) => row.outcome)).toEqual(['approved']);
      const status = await client.query<{ status: string }>('SELECT status FROM approvals WHERE id = $1', [approvalId]);
      expect(status.rows[0]?.status).toBe('approved');
    } finally {
      await client.close();
    }
  }, 120_000);
});
