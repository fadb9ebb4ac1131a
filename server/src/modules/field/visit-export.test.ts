import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { createStore } from './field.test-support.js';

let t: TestApp;
let store: number;

beforeAll(async () => {
  t = await createTestApp();
  store = await createStore(t.database.db, { owner: 'rep-huadong-1', geography: 'huadong-1-1', grade: 'A' });
  for (const [kind, result] of [
    ['onsite', '导出测试：上门'],
    ['phone', '导出测试：电话'],
  ] as const) {
    const response = await t.as('rep-huadong-1', { method: 'POST', url: '/api/field/visits', payload: { accountId: store, kind, result } });
    expect(response.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  (book.worksheets[0] as ExcelJS.Worksheet).eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Every id of the list with these filters, in the list's default order, through the paged API. */
async function listIds(username: string, query: string): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = (await t.as(username, { method: 'GET', url: `/api/field/visits?${query}&limit=200&offset=${offset}` })).json();
    ids.push(...page.items.map((v: { id: number }) => v.id));
    if (page.items.length < 200) return ids;
  }
}

const exportAuditRows = () =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'visit'), eq(auditLog.action, 'export')))
    .orderBy(auditLog.id);

describe('CUS-4 RPT-3 CMP-3 the visit export', () => {
  it('CUS-4 RPT-3 holds exactly the caller’s scoped list with the same filters and order, and is audited', async () => {
    const query = `accountId=${store}&kind=onsite`;
    const ids = await listIds('am-huadong-1', query);
    expect(ids).toHaveLength(1);
    const response = await t.as('am-huadong-1', { method: 'GET', url: `/api/field/visits/export?${query}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/filename\*=UTF-8''%E6%8B%9C%E8%AE%BF%E8%AE%B0%E5%BD%95-\d{8}-\d{4}\.xlsx/);
    const rows = await sheetRows(response.rawPayload);
    expect(String(rows[0]?.[0])).toContain('am-huadong-1');
    expect(rows[1]?.slice(0, 5)).toEqual(['拜访编号', '拜访日期', '拜访人', '客户编码', '客户名称']);
    const data = rows.slice(2);
    expect(data.map((r) => r[0])).toEqual(ids);
    expect(data[0]?.slice(7, 9)).toEqual(['上门拜访', '已完成']);
    expect(data[0]?.[14]).toBe('导出测试：上门');

    const [audit] = await exportAuditRows();
    expect(audit?.actorUserId).not.toBeNull();
    expect(audit?.after).toMatchObject({ filters: { accountId: store, kind: 'onsite' }, rows: 1, complete: true });
  });

  it('CUS-4 RPT-3 a month of a market matches the list row for row (several keyset pages of the demo data)', async () => {
    const query = 'from=2000-01-01&to=2100-12-31&status=done';
    const ids = await listIds('am-huadong-1', query);
    expect(ids.length).toBeGreaterThan(1000);
    const rows = await sheetRows((await t.as('am-huadong-1', { method: 'GET', url: `/api/field/visits/export?${query}` })).rawPayload);
    expect(rows.slice(2).map((r) => r[0])).toEqual(ids);
  });

  it('ORG-4 another market’s manager exports none of these visits; a rep without the permission is refused', async () => {
    const other = await sheetRows(
      (await t.as('mm-huabei', { method: 'GET', url: `/api/field/visits/export?accountId=${store}` })).rawPayload,
    );
    expect(other.slice(2)).toEqual([]);
    const before = (await exportAuditRows()).length;
    const refused = await t.as('rep-huadong-1', { method: 'GET', url: '/api/field/visits/export' });
    expect(refused.statusCode).toBe(403);
    expect((await exportAuditRows()).length).toBe(before);
  });

  it('RPT-3 speaks the caller’s language; a bad filter names the field and exports nothing', async () => {
    const en = await t.as('am-huadong-1', {
      method: 'GET',
      url: `/api/field/visits/export?accountId=${store}&kind=phone`,
      headers: { 'accept-language': 'en' },
    });
    const rows = await sheetRows(en.rawPayload);
    expect(String(rows[0]?.[0])).toContain('exported by');
    expect(rows[1]?.slice(7, 9)).toEqual(['Kind', 'Status']);
    expect(rows[2]?.slice(7, 9)).toEqual(['Phone', 'Done']);

    const before = (await exportAuditRows()).length;
    const bad = await t.as('am-huadong-1', { method: 'GET', url: '/api/field/visits/export?kind=walk' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('kind');
    expect((await exportAuditRows()).length).toBe(before);
  });
});
