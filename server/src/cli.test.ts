import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesos-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };

function cli(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: path.resolve(import.meta.dirname, '..'), env }).then(
    (result) => ({ code: 0, out: result.stdout + result.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
  );
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('command line (embedded database)', () => {
  it('migrates, creates the first administrator, resets a password, refuses the demo on a used database', {
    timeout: 180_000,
  }, async () => {
    expect(await cli('migrate')).toMatchObject({ code: 0, out: expect.stringContaining('migrations applied') });
    expect(await cli('create-admin', '--username', 'boss', '--password', 'short')).toMatchObject({
      code: 1,
      out: expect.stringContaining('password needs'),
    });
    expect(await cli('create-admin', '--username', 'boss', '--password', 'Secret123')).toMatchObject({ code: 0 });
    expect(await cli('reset-password', '--username', 'BOSS', '--password', 'Other4567')).toMatchObject({ code: 0 });
    expect(await cli('reset-password', '--username', 'ghost', '--password', 'Other4567')).toMatchObject({
      code: 1,
      out: expect.stringContaining('no user ghost'),
    });
    expect(await cli('seed-demo')).toMatchObject({ code: 1, out: expect.stringContaining('already has users') });
    expect(await cli('no-such-command')).toMatchObject({ code: 1, out: expect.stringContaining('Usage') });
  });
});
