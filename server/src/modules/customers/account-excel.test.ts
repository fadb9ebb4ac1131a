import { PassThrough, Readable } from 'node:stream';
import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { selectRows } from '../../platform/db/raw.js';
import { pdfBytes, uploadRequest } from '../../platform/files/upload.fixtures.js';
import { accounts } from './account.schema.js';
import { accountContacts } from './customers.schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const headers = ['客户名称', '客户类型', '统一社会信用代码', '手机号', '负责人账号', '区域编码', '标签', '联系人'];

async function workbook(rows: (string | null)[][], header = headers): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客户');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** As the streaming writer writes it (inline strings, no shared-string table). */
async function inlineWorkbook(rows: string[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = book.addWorksheet('客户');
  sheet.addRow(['客户名称', '客户类型']).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

function upload(user: string, url: string, bytes: Buffer, locale = 'zh-CN') {
  const request = uploadRequest({
    name: 'accounts.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes,
  });
  return t.as(user, { ...request, url, headers: { ...request.headers, 'accept-language': locale } });
}

const dryRun = (user: string, bytes: Buffer, locale?: string) => upload(user, '/api/customers/accounts/import/dry-run', bytes, locale);
const commit = (user: string, bytes: Buffer, locale?: string) => upload(user, '/api/customers/accounts/import', bytes, locale);

async function accountCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(accounts);
  return row?.n ?? 0;
}

async function audits(entity: string, action: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.action, action)))
    .orderBy(auditLog.id);
}

async function readXlsx(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The header row only: loading the whole template would expand its drop-down rule into 200,000 cells. */
async function firstRow(bytes: Buffer): Promise<unknown[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { worksheets: 'emit', sharedStrings: 'cache' });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) return (row.values as unknown[]).slice(1);
  }
  return [];
}

let existingName = '';
beforeAll(async () => {
  const [row] = await t.database.db.select({ name: accounts.name }).from(accounts).limit(1);
  existingName = row?.name ?? '';
});

describe('RPT-3 account import template', () => {
  it('RPT-3 the template has the headers in my language, hidden drop-down lists and a guide with an example row', async () => {
    const response = await t.as('mm-huadong', { method: 'GET', url: '/api/customers/accounts/import/template' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const book = await readXlsx(response.rawPayload);
    const [data, guide, lists] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(data.name).toBe('客户档案');
    expect(sheetRows(data)[0]?.slice(0, 3)).toEqual(['*客户名称', '*客户类型', '主体类型']);
    expect(sheetRows(data)).toHaveLength(1);
    expect(lists.state).toBe('veryHidden');
    expect(sheetRows(lists).map((r) => r[0])).toContain('零售门店');
    const rules = (data as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations
      .model;
    expect(Object.values(rules).some((rule) => rule.type === 'list' && rule.formulae[0]?.startsWith('lists!'))).toBe(true);
    expect(sheetRows(guide).some((row) => row.includes('杭州西湖百货有限公司'))).toBe(true);

    const english = await t.as('mm-huadong', {
      method: 'GET',
      url: '/api/customers/accounts/import/template',
      headers: { 'accept-language': 'en' },
    });
    expect((await firstRow(english.rawPayload)).slice(0, 2)).toEqual(['*Name', '*Kind']);
  });

  it('RPT-3 importing needs customers.accounts.import', async () => {
    expect((await t.as('rep-huadong-1', { method: 'GET', url: '/api/customers/accounts/import/template' })).statusCode).toBe(403);
    expect((await dryRun('rep-huadong-1', await workbook([]))).statusCode).toBe(403);
    expect((await commit('rep-huadong-1', await workbook([]))).statusCode).toBe(403);
  });
});

describe('RPT-3 account import: dry run and all-or-nothing commit', () => {
  const badRows = () => [
    ['导入测试一号店', '零售门店', null, '13600000001', null, null, null, null],
    ['导入测试二号店', '零售门店', '911234567890123456', null, null, null, null, null],
    ['导入测试三号店', '零售门店', null, '12345', null, null, null, null],
    ['导入测试一号店（有限公司）', '零售门店', null, null, null, null, null, null],
    [existingName, '零售门店', null, null, null, null, null, null],
    ['导入测试六号店', null, null, null, null, null, null, null],
    ['导入测试七号店', '火星店', null, null, null, null, null, null],
    ['导入测试八号店', '零售门店', null, null, 'nobody-here', null, null, null],
    ['导入测试九号店', '零售门店', null, null, 'rep-huabei-1', null, null, null],
    ['导入测试十号店', '零售门店', null, null, null, 'zz-9', null, null],
    ['导入测试十一号店', 'Retail store', null, '13600000011', 'rep-huadong-1', 'huadong-1-1', '社区店,重点', '王伟'],
  ];

  it('RPT-3 CUS-2 the dry run reports every bad row and field, and changes nothing', async () => {
    const before = await accountCount();
    const response = await dryRun('mm-huadong', await workbook(badRows()));
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ rows: 11, valid: 2, errorCount: 9, truncated: false });
    expect(report.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'creditCode'],
      [4, 'mobile'],
      [5, 'name'],
      [6, 'name'],
      [7, 'kind'],
      [8, 'kind'],
      [9, 'owner'],
      [10, 'owner'],
      [11, 'geography'],
    ]);
    const messages = Object.fromEntries(report.errors.map((e: { row: number; message: string }) => [e.row, e.message]));
    expect(messages[5]).toBe('与第 2 行重复');
    expect(messages[6]).toMatch(/^已存在客户 KH\d+ /);
    expect(messages[7]).toBe('必填');
    expect(messages[8]).toContain('只能是：零售门店');
    expect(report.errors[0].column).toBe('统一社会信用代码');
    expect(await accountCount()).toBe(before);
    expect(await audits('account', 'import')).toEqual([]);
  });

  it('RPT-3 the report speaks the caller’s language', async () => {
    const report = (await dryRun('mm-huadong', await workbook(badRows()), 'en')).json();
    const first = report.errors[0];
    expect(first).toMatchObject({ row: 3, field: 'creditCode', column: 'Credit code' });
    expect(first.message).toContain('not a valid credit code');
  });

  it('RPT-3 a file with bad rows imports nothing: 400 with the same report', async () => {
    const before = await accountCount();
    const response = await commit('mm-huadong', await workbook(badRows()));
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('excel.rejected');
    expect(error.details).toMatchObject({ rows: 11, valid: 2, errorCount: 9 });
    const oneBad = await workbook([
      ['全有全无甲店', '零售门店', null, null, null, null, null, null],
      ['全有全无乙店', '零售门店', null, null, null, null, null, null],
      ['全有全无丙店', '零售门店', null, '1999', null, null, null, null],
    ]);
    const refused = await commit('mm-huadong', oneBad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.errors).toEqual([expect.objectContaining({ row: 4, field: 'mobile' })]);
    expect(await accountCount()).toBe(before);
    expect(await audits('account', 'import')).toEqual([]);
  });

  it('RPT-3 a clean file imports every row in one go, with owners, geographies, tags, contacts and one audit row', async () => {
    const before = await accountCount();
    const rows = [
      ['导入成功甲店', '零售门店', null, '13600000021', null, null, null, null],
      ['导入成功乙店', '重点客户（KA）', '91330106MA2B0DKP3N', null, 'rep-huadong-1', 'huadong-1-1', '社区店，重点', '李娜'],
      ['导入成功丙店', 'distributor', null, null, 'rep-huadong-2', null, null, null],
    ];
    const response = await commit('mm-huadong', await workbook(rows));
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ imported: 3, report: { rows: 3, valid: 3, errorCount: 0 } });
    expect(await accountCount()).toBe(before + 3);
    const created = await selectRows<{
      name: string;
      code: string;
      kind: string;
      owner: string;
      geography: string | null;
      tags: string[];
      source: string;
    }>(
      t.database.db,
      sql`SELECT a.name, a.code, a.kind, u.username AS owner, g.code AS geography, a.tags, a.source
        FROM accounts a JOIN users u ON u.id = a.owner_user_id LEFT JOIN geographies g ON g.id = a.geography_id
        WHERE a.id BETWEEN ${result.firstId} AND ${result.lastId} ORDER BY a.id`,
    );
    expect(created.map((a) => [a.name, a.kind, a.owner, a.geography, a.source])).toEqual([
      ['导入成功甲店', 'retail_store', 'mm-huadong', 'huadong', 'import'],
      ['导入成功乙店', 'key_account', 'rep-huadong-1', 'huadong-1-1', 'import'],
      ['导入成功丙店', 'distributor', 'rep-huadong-2', 'huadong-1-2', 'import'],
    ]);
    expect(created[1]?.tags).toEqual(['社区店', '重点']);
    expect(created.every((a) => /^KH\d{6,}$/.test(a.code))).toBe(true);
    const contacts = await t.database.db.select().from(accountContacts).where(eq(accountContacts.name, '李娜'));
    expect(contacts.some((c) => c.isPrimary)).toBe(true);
    const [audit] = await audits('account', 'import');
    expect(audit?.after).toMatchObject({ imported: 3, rows: 3, firstId: result.firstId, lastId: result.lastId, fileName: 'accounts.xlsx' });

    const again = (await dryRun('mm-huadong', await workbook(rows))).json();
    expect(again.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'name'],
      [2, 'mobile'],
      [3, 'name'],
      [3, 'creditCode'],
      [4, 'name'],
    ]);
  });

  it('RPT-3 thousands of Chinese rows arrive intact (characters cut between zip chunks), quotes and commas too', async () => {
    const names = Array.from({ length: 3000 }, (_, i) => `华东长文本测试客户“${i}”号, "店"\\${'酒'.repeat(i % 7)}`);
    const rows = names.map((name, i) => [name, '零售门店', null, null, null, null, i % 2 ? '社区店,"重点"' : null, '王伟']);
    const shared = await commit('mm-huadong', await workbook(rows));
    expect(shared.statusCode).toBe(201);
    expect(shared.json().imported).toBe(3000);
    const stored = await selectRows<{ name: string }>(
      t.database.db,
      sql`SELECT name FROM accounts WHERE name LIKE '华东长文本测试客户%' ORDER BY id`,
    );
    expect(stored.map((r) => r.name)).toEqual(names);
    const inline = await inlineWorkbook(names.map((name) => [`${name}（二）`, '零售门店']));
    const report = (await dryRun('mm-huadong', inline)).json();
    expect(report).toMatchObject({ rows: 3000, valid: 3000, errorCount: 0 });
  });

  it('RPT-3 without the right to assign owners, owners other than oneself are refused per row', async () => {
    const report = (
      await dryRun('ssg', await workbook([['支持组导入店', '零售门店', null, null, 'rep-huadong-1', null, null, null]]))
    ).json();
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, field: 'owner' })]);
  });

  it('RPT-3 refuses a missing file, a file that is not a workbook and a sheet without a required column', async () => {
    const none = await t.as('mm-huadong', { method: 'POST', url: '/api/customers/accounts/import/dry-run', payload: {} });
    expect([none.statusCode, none.json().error.code]).toEqual([400, 'excel.fileMissing']);
    const pdf = await dryRun('mm-huadong', pdfBytes);
    expect([pdf.statusCode, pdf.json().error.code]).toEqual([400, 'excel.unreadable']);
    const noKind = await dryRun('mm-huadong', await workbook([['某店']], ['客户名称']));
    expect([noKind.statusCode, noKind.json().error.code]).toEqual([400, 'excel.missingColumns']);
    expect(noKind.json().error.message).toContain('客户类型');
  });
});

describe('RPT-3 CMP-3 exports', () => {
  it('RPT-3 CMP-3 the account export holds exactly the caller’s scoped, filtered list, masked alike, watermarked and audited', async () => {
    const list: { code: string; mobile: string | null }[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = (await t.as('mm-huadong', { method: 'GET', url: `/api/customers/accounts?grade=A&limit=200&offset=${offset}` })).json();
      list.push(...page.items);
      if (page.items.length < 200) break;
    }
    expect(list.length).toBeGreaterThan(0);
    const response = await t.as('mm-huadong', { method: 'GET', url: '/api/customers/accounts/export?grade=A' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/filename\*=UTF-8''%E5%AE%A2%E6%88%B7%E6%A1%A3%E6%A1%88-\d{8}-\d{4}\.xlsx/);
    const book = await readXlsx(response.rawPayload);
    const rows = sheetRows(book.worksheets[0] as ExcelJS.Worksheet);
    expect(String(rows[0]?.[0])).toContain('mm-huadong');
    expect(rows[1]?.slice(0, 3)).toEqual(['客户编码', '客户名称', '客户类型']);
    const data = rows.slice(2);
    expect(data.map((r) => [r[0], r[5] ?? null])).toEqual(list.map((a) => [a.code, a.mobile]));
    expect(data.every((r) => r[6] === 'A')).toBe(true);
    expect(book.creator).toBe('mm-huadong');
    const [audit] = await audits('account', 'export');
    expect(audit?.actorUserId).not.toBeNull();
    expect(audit?.after).toMatchObject({ filters: { grade: 'A' }, rows: list.length, complete: true });
  });

  it('RPT-3 the export speaks the caller’s language and needs customers.accounts.export', async () => {
    const response = await t.as('mm-huadong', {
      method: 'GET',
      url: '/api/customers/accounts/export?grade=B',
      headers: { 'accept-language': 'en' },
    });
    const rows = sheetRows((await readXlsx(response.rawPayload)).worksheets[0] as ExcelJS.Worksheet);
    expect(String(rows[0]?.[0])).toContain('exported by');
    expect(rows[1]?.slice(0, 3)).toEqual(['Code', 'Name', 'Kind']);
    expect((await t.as('rep-huadong-1', { method: 'GET', url: '/api/customers/accounts/export' })).statusCode).toBe(403);
  });

  it('RPT-3 CMP-3 the lead export holds exactly the caller’s leads with the filters, and is audited', async () => {
    const list = (await t.as('mm-huadong', { method: 'GET', url: '/api/customers/leads?status=following&limit=200' })).json();
    expect(list.total).toBeGreaterThan(0);
    const response = await t.as('mm-huadong', { method: 'GET', url: '/api/customers/leads/export?status=following' });
    expect(response.statusCode).toBe(200);
    const rows = sheetRows((await readXlsx(response.rawPayload)).worksheets[0] as ExcelJS.Worksheet);
    expect(rows[1]?.slice(0, 2)).toEqual(['线索编号', '联系人']);
    const ids = rows.slice(2).map((r) => r[0]);
    expect(ids).toEqual(list.items.map((l: { id: number }) => l.id).sort((a: number, b: number) => a - b));
    expect(rows.slice(2).every((r) => r[7] === '跟进中')).toBe(true);
    const [audit] = await audits('lead', 'export');
    expect(audit?.after).toMatchObject({ filters: { status: 'following' }, rows: list.total, complete: true });
    expect((await t.as('rep-huadong-1', { method: 'GET', url: '/api/customers/leads/export' })).statusCode).toBe(403);
  });
});
