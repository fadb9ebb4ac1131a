import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { selectRows } from '../../platform/db/raw.js';
import { skus } from './products.schema.js';
import { findSkus } from './sku-lookup.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const send = (
  user: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => t.as(user, { method, url, payload: payload as never, headers });
const errorOf = (response: { json(): unknown }) =>
  (response.json() as { error: { code: string; message: string; details: { field?: string } | null } }).error;

type Category = { id: number; code: string; parentId: number | null; productCount: number };
type Product = { id: number; code: string; status: string; skus: { id: number; code: string }[] };

async function audits(entity: string, id: number): Promise<string[]> {
  const rows = await t.database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

describe('PRD-1 categories', () => {
  it('PRD-1 the demo has six categories with products; a manager adds a subcategory, audited', async () => {
    const list = (await send('rep-huadong-1', 'GET', '/api/products/categories')).json() as Category[];
    expect(list.filter((c) => c.parentId === null)).toHaveLength(6);
    expect(list.every((c) => c.productCount > 0)).toBe(true);
    const parent = list.find((c) => c.code === 'BJ') as Category;
    const created = await send('marketing', 'POST', '/api/products/categories', { code: 'bj-jx', name: '酱香', parentId: parent.id });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'BJ-JX', parentId: parent.id, active: true });
    expect(await audits('product_category', (created.json() as Category).id)).toEqual(['create']);
  });

  it('PRD-1 a category cannot move under itself or a descendant; a used one cannot be deleted', async () => {
    const list = (await send('marketing', 'GET', '/api/products/categories')).json() as Category[];
    const parent = list.find((c) => c.code === 'HJ') as Category;
    const child = (
      await send('marketing', 'POST', '/api/products/categories', { code: 'HJ-X', name: '子', parentId: parent.id })
    ).json() as Category;
    const loop = await send('marketing', 'PATCH', `/api/products/categories/${parent.id}`, { parentId: child.id });
    expect(loop.statusCode).toBe(400);
    expect(errorOf(loop)).toMatchObject({ code: 'products.categoryCycle', details: { field: 'parentId' } });
    const used = await send('marketing', 'DELETE', `/api/products/categories/${parent.id}`);
    expect(used.statusCode).toBe(409);
    expect((await send('marketing', 'DELETE', `/api/products/categories/${child.id}`)).statusCode).toBe(200);
    expect(((await send('marketing', 'GET', '/api/products/categories')).json() as Category[]).some((c) => c.id === child.id)).toBe(false);
  });

  it('PRD-1 duplicate codes and blank names are refused naming the field, in zh-CN and en', async () => {
    const dup = await send('marketing', 'POST', '/api/products/categories', { code: 'pj', name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup)).toMatchObject({ code: 'products.codeTaken', details: { field: 'code' } });
    expect(errorOf(dup).message).toBe('code “PJ”已被使用');
    const blank = await send('marketing', 'POST', '/api/products/categories', { code: 'NEW1', name: '   ' }, { 'accept-language': 'en' });
    expect(errorOf(blank).message).toBe('name must not be blank');
  });
});

describe('PRD-1 products and SKUs', () => {
  it('PRD-1 search by keyword (product name, SKU code, barcode), category with subcategories, status; paged', async () => {
    const byName = (await send('rep-huadong-1', 'GET', '/api/products?keyword=窖藏')).json() as { items: Product[]; total: number };
    expect(byName.items.map((p) => p.code).sort()).toEqual(['MC-BJ-JX', 'MC-LH-JX']);
    expect(byName.items[0]?.skus.length).toBeGreaterThan(0);
    const [sku] = await selectRows<{ code: string; barcode: string }>(
      t.database.db,
      sql`SELECT code, barcode FROM skus WHERE code = 'MC-PJ-QS-02'`,
    );
    const byBarcode = (await send('rep-huadong-1', 'GET', `/api/products?keyword=${sku?.barcode}`)).json() as { items: Product[] };
    expect(byBarcode.items.map((p) => p.code)).toEqual(['MC-PJ-QS']);
    const bySku = (await send('rep-huadong-1', 'GET', '/api/products?keyword=mc-pj-qs-02')).json() as { items: Product[] };
    expect(bySku.items.map((p) => p.code)).toEqual(['MC-PJ-QS']);
    const categories = (await send('rep-huadong-1', 'GET', '/api/products/categories')).json() as Category[];
    const lh = categories.find((c) => c.code === 'LH') as Category;
    const gifts = (await send('rep-huadong-1', 'GET', `/api/products?categoryId=${lh.id}&status=discontinued`)).json() as {
      items: Product[];
    };
    expect(gifts.items.map((p) => p.code)).toEqual(['MC-LH-XN']);
    const page = (await send('rep-huadong-1', 'GET', '/api/products?limit=5&offset=5')).json() as { items: Product[]; total: number };
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(30);
    const [skuCount] = await t.database.db.select({ n: count() }).from(skus);
    expect(skuCount?.n).toBeGreaterThanOrEqual(110);
  });

  it('PRD-1 a product with SKUs and packs; a case of more than one unit needs a case unit; codes are unique', async () => {
    const categories = (await send('marketing', 'GET', '/api/products/categories')).json() as Category[];
    const yl = categories.find((c) => c.code === 'YL') as Category;
    const product = await send('marketing', 'POST', '/api/products', { code: 'MC-YL-T1', name: '测试饮料', categoryId: yl.id });
    expect(product.statusCode).toBe(201);
    const id = (product.json() as Product).id;
    expect(product.json()).toMatchObject({ status: 'draft', categoryName: '饮用水与饮料', skus: [] });
    const noCase = await send('marketing', 'POST', `/api/products/${id}/skus`, {
      code: 'MC-YL-T1-01',
      name: '500ml',
      baseUnit: '瓶',
      unitsPerCase: 24,
    });
    expect(errorOf(noCase)).toMatchObject({ code: 'products.caseUnitMissing', details: { field: 'caseUnit' } });
    const zero = await send('marketing', 'POST', `/api/products/${id}/skus`, {
      code: 'MC-YL-T1-01',
      name: '500ml',
      baseUnit: '瓶',
      unitsPerCase: 0,
    });
    expect(zero.statusCode).toBe(400);
    expect(errorOf(zero).message).toContain('unitsPerCase');
    const sku = await send('marketing', 'POST', `/api/products/${id}/skus`, {
      code: 'mc-yl-t1-01',
      name: '500ml',
      barcode: '6900000000017',
      baseUnit: '瓶',
      caseUnit: '箱',
      unitsPerCase: 24,
      tracksCodes: true,
    });
    expect(sku.statusCode).toBe(201);
    expect(sku.json()).toMatchObject({ code: 'MC-YL-T1-01', unitsPerCase: 24, tracksCodes: true, status: 'draft' });
    const sameBarcode = await send('marketing', 'POST', `/api/products/${id}/skus`, {
      code: 'MC-YL-T1-02',
      name: '1L',
      barcode: '6900000000017',
      baseUnit: '瓶',
    });
    expect(errorOf(sameBarcode)).toMatchObject({ code: 'products.codeTaken', details: { field: 'barcode' } });
    const skuId = (sku.json() as { id: number }).id;
    const [summary] = await findSkus(t.database.db, [skuId, 999_999]);
    expect(summary).toMatchObject({
      id: skuId,
      code: 'MC-YL-T1-01',
      productName: '测试饮料',
      baseUnit: '瓶',
      caseUnit: '箱',
      unitsPerCase: 24,
      tracksCodes: true,
    });
    const cannotDropCase = await send('marketing', 'PATCH', `/api/products/skus/${skuId}`, { caseUnit: null });
    expect(errorOf(cannotDropCase).code).toBe('products.caseUnitMissing');
    expect(
      (await send('marketing', 'PATCH', `/api/products/skus/${skuId}`, { status: 'active', minOrderQuantity: 24 })).json(),
    ).toMatchObject({ status: 'active', minOrderQuantity: 24 });
    const busy = await send('marketing', 'DELETE', `/api/products/${id}`);
    expect(errorOf(busy).code).toBe('products.productInUse');
    expect(await audits('sku', skuId)).toEqual(['create', 'update']);
  });

  it('PRD-1 a priced SKU cannot be deleted (discontinue it instead); an unused one can', async () => {
    const [priced] = await selectRows<{ sku_id: string }>(t.database.db, sql`SELECT sku_id FROM price_list_items LIMIT 1`);
    const refused = await send('marketing', 'DELETE', `/api/products/skus/${priced?.sku_id}`);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('products.skuInUse');
    const found = (await send('marketing', 'GET', '/api/products/skus?keyword=MC-YL-T1-01')).json() as { items: { id: number }[] };
    expect((await send('marketing', 'DELETE', `/api/products/skus/${found.items[0]?.id}`)).statusCode).toBe(200);
    expect((await send('marketing', 'GET', '/api/products/skus?keyword=MC-YL-T1-01')).json()).toMatchObject({ total: 0 });
  });

  it('PRD-1 SKU picker search: by product name, with product code and name', async () => {
    const body = (await send('ssg', 'GET', '/api/products/skus?keyword=山泉水&status=active')).json() as {
      items: { productCode: string; name: string }[];
    };
    expect(body.items.length).toBe(4);
    expect(body.items.every((s) => s.productCode === 'MC-YL-SQ')).toBe(true);
  });

  it('PRD-1 only catalog managers change the catalog; readers read; unknown ids read as 404', async () => {
    expect((await send('rep-huadong-1', 'POST', '/api/products/categories', { code: 'X1', name: 'x' })).statusCode).toBe(403);
    expect((await send('finance', 'PATCH', '/api/products/skus/1', { name: 'x' })).statusCode).toBe(403);
    expect((await send('finance', 'GET', '/api/products?limit=1')).statusCode).toBe(200);
    expect((await send('marketing', 'GET', '/api/products/999999')).statusCode).toBe(404);
    expect((await send('marketing', 'PATCH', '/api/products/skus/999999', { name: 'x' })).statusCode).toBe(404);
    const category = await send('marketing', 'POST', '/api/products', { code: 'X2', name: 'x', categoryId: 999_999 });
    expect(errorOf(category)).toMatchObject({ code: 'products.referenceMissing', details: { field: 'categoryId' } });
  });
});

describe('PRD-1 new product proposals (新产品开发建议书)', () => {
  type Proposal = { id: number; status: string; proposerName: string; reviewComment: string | null };

  it('PRD-1 a rep drafts and submits; a reviewer rejects only with a comment, then accepts; audited', async () => {
    const draft = await send('rep-huadong-1', 'POST', '/api/products/proposals', {
      title: '低度白酒 33°',
      description: '年轻消费者偏好低度',
      expectedVolume: 50_000,
      targetPriceFen: 5_800,
    });
    expect(draft.statusCode).toBe(201);
    const id = (draft.json() as Proposal).id;
    expect(draft.json()).toMatchObject({ status: 'draft', proposerName: expect.any(String) });
    // A draft is the proposer's own: the reviewer does not see it yet.
    expect((await send('marketing', 'GET', `/api/products/proposals/${id}`)).statusCode).toBe(404);
    expect((await send('rep-huadong-1', 'PATCH', `/api/products/proposals/${id}`, { title: '低度白酒 38°' })).json()).toMatchObject({
      status: 'draft',
    });
    expect((await send('rep-huadong-1', 'POST', `/api/products/proposals/${id}/submit`)).json()).toMatchObject({ status: 'submitted' });
    const locked = await send('rep-huadong-1', 'PATCH', `/api/products/proposals/${id}`, { title: '改' });
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).message).toBe('建议书已提交，不能再修改');
    const noComment = await send('marketing', 'POST', `/api/products/proposals/${id}/review`, { decision: 'rejected' });
    expect(errorOf(noComment)).toMatchObject({ code: 'products.reviewCommentRequired', details: { field: 'comment' } });
    const accepted = await send('marketing', 'POST', `/api/products/proposals/${id}/review`, { decision: 'accepted', comment: '立项' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewComment: '立项', reviewerName: expect.any(String) });
    const again = await send(
      'director',
      'POST',
      `/api/products/proposals/${id}/review`,
      { decision: 'rejected', comment: '不' },
      { 'accept-language': 'en' },
    );
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toBe('Only a submitted proposal can be reviewed (now: accepted)');
    expect(await audits('product_proposal', id)).toEqual(['create', 'update', 'submit', 'review']);
  });

  it('PRD-1 an empty target price or volume stays empty (null is never coerced to 0); zero stays zero', async () => {
    const empty = await send('rep-huadong-1', 'POST', '/api/products/proposals', {
      title: '空价格',
      description: 'x',
      targetPriceFen: null,
      expectedVolume: null,
    });
    expect(empty.json()).toMatchObject({ targetPriceFen: null, expectedVolume: null });
    const zero = await send('rep-huadong-1', 'POST', '/api/products/proposals', {
      title: '零价格',
      description: 'x',
      targetPriceFen: 0,
      expectedVolume: 0,
    });
    expect(zero.json()).toMatchObject({ targetPriceFen: 0, expectedVolume: 0 });
    const negative = await send(
      'rep-huadong-1',
      'POST',
      '/api/products/proposals',
      { title: '负', description: 'x', targetPriceFen: -1 },
      { 'accept-language': 'en' },
    );
    expect(negative.statusCode).toBe(400);
    expect(errorOf(negative).message).toContain('targetPriceFen');
  });

  it("PRD-1 proposers see their own; reviewers see all but others' drafts; others cannot review", async () => {
    const mine = (await send('rep-huadong-1', 'GET', '/api/products/proposals?limit=50')).json() as {
      items: { proposerName: string }[];
      total: number;
    };
    const names = new Set(mine.items.map((p) => p.proposerName));
    expect(names.size).toBe(1);
    const all = (await send('marketing', 'GET', '/api/products/proposals?limit=50')).json() as { items: Proposal[]; total: number };
    expect(all.items.some((p) => !names.has(p.proposerName))).toBe(true);
    expect(all.items.every((p) => p.status !== 'draft')).toBe(true);
    const other = all.items.find((p) => !names.has(p.proposerName));
    if (!other) throw new Error('the demo has a proposal of someone else');
    expect((await send('rep-huadong-2', 'GET', `/api/products/proposals/${other.id}`)).statusCode).toBe(404);
    expect((await send('rep-huadong-1', 'POST', `/api/products/proposals/${other.id}/review`, { decision: 'accepted' })).statusCode).toBe(
      403,
    );
    expect((await send('finance', 'GET', '/api/products/proposals')).statusCode).toBe(403);
  });
});
