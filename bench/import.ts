// `npm run bench:import -w bench`: RPT-3, 100k accounts from .xlsx (dry run, then commit) on a fresh database; the goal is under a minute.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { creditCodeCheckChar } from '../server/src/modules/customers/account.rules.js';
import { type RunningApp, startApp } from './lib/app.js';
import { writeJson } from './lib/report.js';

const rows = Number(process.env.BENCH_IMPORT_ROWS) || 100_000;
const goalSeconds = 60;
const importer = 'mm-huadong';
const owners = ['rep-huadong-1', 'rep-huadong-2', 'rep-huadong-3', 'rep-huadong-4', 'am-huadong-1', ''];
const geographies = ['huadong-1-1', 'huadong-1-2', 'huadong-2-1', 'huadong-3-1', ''];
const kinds = ['零售门店', '零售门店', '零售门店', '重点客户（KA）', '终端用户', '经销商'];
const cities = ['上海', '南京', '杭州', '合肥', '福州', '南昌', '苏州', '宁波'];
const creditChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 统一社会信用代码 numbered n: 91 + region 330100 + 9 characters from n + the check character. */
function creditCode(n: number): string {
  let body = '';
  for (let rest = n, i = 0; i < 9; i++, rest = Math.floor(rest / 31)) body = (creditChars[rest % 31] as string) + body;
  const first17 = `91330100${body}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

/** The same workbook on every machine: row n derives only from n. */
async function writeWorkbook(file: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('客户档案');
  sheet
    .addRow(['客户名称', '客户类型', '统一社会信用代码', '手机号', '客户等级', '负责人账号', '区域编码', '城市', '地址', '标签', '联系人'])
    .commit();
  for (let n = 1; n <= rows; n++) {
    const city = cities[n % cities.length] as string;
    sheet
      .addRow([
        `${city}基准测试${n}号商行`,
        kinds[n % kinds.length],
        n % 3 === 0 ? creditCode(n) : null,
        n % 5 < 3 ? `166${String(n).padStart(8, '0')}` : null,
        'ABCD'[n % 4],
        owners[n % owners.length],
        geographies[n % geographies.length],
        city,
        `${city}市中山路 ${n % 999} 号`,
        n % 7 === 0 ? '社区店,重点' : null,
        n % 2 === 0 ? `联系人${n}` : null,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return fs.statSync(file).size;
}

async function upload(running: RunningApp, cookie: string, url: string, file: string) {
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(file)]), 'bench-accounts.xlsx');
  const started = performance.now();
  const response = await fetch(`${running.baseUrl}${url}`, { method: 'POST', headers: { cookie }, body: form });
  const seconds = (performance.now() - started) / 1000;
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, seconds, body };
}

interface Measure {
  database: string;
  dryRunSeconds: number;
  commitSeconds: number;
  imported: number;
}

async function measure(label: string, target: Parameters<typeof startApp>[0], file: string): Promise<Measure> {
  console.log(`\n${label}: fresh database with the demo company …`);
  const running = await startApp(target);
  try {
    const cookie = await running.login(importer);
    const dry = await upload(running, cookie, '/api/customers/accounts/import/dry-run', file);
    const report = dry.body as { rows?: number; valid?: number; errorCount?: number };
    if (dry.status !== 200 || report.errorCount !== 0)
      throw new Error(`dry run answered ${dry.status}: ${JSON.stringify(dry.body).slice(0, 500)}`);
    console.log(`  dry run: ${report.rows} rows checked in ${dry.seconds.toFixed(1)} s (${Math.round(rows / dry.seconds)} rows/s)`);
    const done = await upload(running, cookie, '/api/customers/accounts/import', file);
    if (done.status !== 201) throw new Error(`import answered ${done.status}: ${JSON.stringify(done.body).slice(0, 500)}`);
    const imported = Number(done.body.imported);
    console.log(`  commit:  ${imported} accounts imported in ${done.seconds.toFixed(1)} s (${Math.round(imported / done.seconds)} rows/s)`);
    return { database: label, dryRunSeconds: dry.seconds, commitSeconds: done.seconds, imported };
  } finally {
    await running.stop();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesos-bench-import-'));
try {
  const file = path.join(dir, 'accounts.xlsx');
  const generating = performance.now();
  const size = await writeWorkbook(file);
  console.log(
    `Account import benchmark: ${rows} rows, ${(size / 1024 / 1024).toFixed(1)} MB .xlsx written in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
  );
  const results = [await measure('PGlite', { kind: 'pglite' }, file)];
  const postgresUrl = process.env.BENCH_DATABASE_URL || undefined;
  if (postgresUrl) results.push(await measure('PostgreSQL', { kind: 'postgres', url: postgresUrl }, file));
  console.log('\ndatabase     dry run s   commit s   rows/s (commit)   goal: commit < 60 s');
  for (const r of results) {
    const verdict = r.commitSeconds < goalSeconds && r.imported === rows ? 'PASS' : 'FAIL';
    console.log(
      `${r.database.padEnd(12)} ${r.dryRunSeconds.toFixed(1).padStart(9)} ${r.commitSeconds.toFixed(1).padStart(10)} ${String(Math.round(r.imported / r.commitSeconds)).padStart(17)}   ${verdict}`,
    );
  }
  writeJson(path.resolve(import.meta.dirname, 'results', 'import.json'), { rows, goalSeconds, results });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
