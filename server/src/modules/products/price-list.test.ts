import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { selectRows } from '../../platform/db/raw.js';
import { shanghaiDate } from '../../platform/time.js';
import { accountKinds } from '../customers/account.enums.js';
import { geographyPath } from '../org/index.js';
import { priceListItems } from './price-list.schema.js';
import { resolvePrices } from './price-resolution.repository.js';
import { priceAccountKinds } from './products.enums.js';
import { discountBasisPoints, isBelowFloor } from './products.rules.js';

let t: TestApp;
let skuA: number;
let skuB: number;
let skuC: number;
const geo = new Map<string, number>();

const send = (
  user: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => t.as(user, { method, url, payload: payload as never, headers });
const errorOf = (response: { json(): unknown }) =>
  (response.json() as { error: { code: string; message: string; details: { field?: string } | null } }).error;

let serial = 0;
async function newList(fields: Record<string, unknown>, prices: [number, number, number][] = []) {
  serial += 1;
  const response = await send('marketing', 'POST', '/api/products/price-lists', {
    code: `T-${serial}`,
    name: `测试价格表 ${serial}`,
    status: 'active',
    // A priority of its own keeps test lists from overlapping the open-ended demo lists and each other.
    priority: 100 + serial,
    ...fields,
  });
  if (response.statusCode !== 201) throw new Error(`list failed: ${response.statusCode} ${response.body}`);
  const list = response.json() as { id: number };
  if (prices.length > 0) {
    const items = prices.map(([skuId, unitPriceFen, floorPriceFen]) => ({ skuId, unitPriceFen, floorPriceFen }));
    const put = await send('marketing', 'PUT', `/api/products/price-lists/${list.id}/items`, { items });
    if (put.statusCode !== 200) throw new Error(`items failed: ${put.body}`);
  }
  return list;
}

async function newSku(code: string): Promise<number> {
  const [category] = await selectRows<{ id: string }>(t.database.db, sql`SELECT id FROM product_categories WHERE code = 'BJ'`);
  const product = await send('marketing', 'POST', '/api/products', {
    code: `P-${code}`,
    name: `测试产品 ${code}`,
    categoryId: Number(category?.id),
    status: 'active',
  });
  const sku = await send('marketing', 'POST', `/api/products/${(product.json() as { id: number }).id}/skus`, {
    code,
    name: '500ml',
    baseUnit: '瓶',
    caseUnit: '箱',
    unitsPerCase: 6,
    status: 'active',
  });
  if (sku.statusCode !== 201) throw new Error(`sku failed: ${sku.body}`);
  return (sku.json() as { id: number }).id;
}

beforeAll(async () => {
  t = await createTestApp();
  skuA = await newSku('T-SKU-A');
  skuB = await newSku('T-SKU-B');
  skuC = await newSku('T-SKU-C');
  const rows = await selectRows<{ id: string; code: string }>(t.database.db, sql`SELECT id, code FROM geographies`);
  for (const row of rows) geo.set(row.code, Number(row.id));
});
afterAll(() => t.close());

const path = (...codes: string[]) => codes.map((c) => geo.get(c) as number);
const territoryPath = () => path('huadong-1-1', 'huadong-1', 'huadong');

describe('PRD-2 price resolution', () => {
  it('PRD-2 the most specific list wins: territory over region over market over national', async () => {
    // Far-future period so the demo lists (open-ended) are the only other candidates, and they do not price test SKUs.
    await newList({ validFrom: '2040-01-01' }, [
      [skuA, 1000, 900],
      [skuB, 2000, 1800],
      [skuC, 3000, 2700],
    ]);
    const market = await newList({ validFrom: '2040-01-01', geographyId: geo.get('huadong') }, [
      [skuA, 990, 900],
      [skuB, 1990, 1800],
    ]);
    const region = await newList({ validFrom: '2040-01-01', geographyId: geo.get('huadong-1') }, [[skuA, 980, 900]]);
    // Prices take the path in the order org's shared builder gives it (and default warehouses rank by): most specific first.
    expect(await geographyPath(t.database.db, geo.get('huadong-1-1') ?? null)).toEqual(territoryPath());
    const prices = await resolvePrices(t.database.db, {
      accountKind: 'retail_store',
      geographyPath: territoryPath(),
      onDate: '2040-06-01',
      skuIds: [skuA, skuB, skuC],
    });
    expect(prices.get(skuA)).toEqual({ priceListId: region.id, unitPriceFen: 980, floorPriceFen: 900 });
    expect(prices.get(skuB)?.priceListId).toBe(market.id);
    expect(prices.get(skuC)?.unitPriceFen).toBe(3000);
    // Another market sees only the national list.
    const south = await resolvePrices(t.database.db, {
      accountKind: 'retail_store',
      geographyPath: path('huanan-1-1', 'huanan-1', 'huanan'),
      onDate: '2040-06-01',
      skuIds: [skuA],
    });
    expect(south.get(skuA)?.unitPriceFen).toBe(1000);
  });

  it('PRD-2 at the same geography a list for the account kind beats one for every kind; then priority, then newer start', async () => {
    const kind = await newList({ validFrom: '2041-01-01', validTo: '2041-12-31', accountKind: 'distributor', priority: 1 }, [
      [skuA, 700, 650],
    ]);
    const onDate = '2041-06-01';
    const forDistributor = await resolvePrices(t.database.db, { accountKind: 'distributor', geographyPath: [], onDate, skuIds: [skuA] });
    expect(forDistributor.get(skuA)?.priceListId).toBe(kind.id);
    const forStore = await resolvePrices(t.database.db, { accountKind: 'retail_store', geographyPath: [], onDate, skuIds: [skuA] });
    expect(forStore.get(skuA)?.unitPriceFen).toBe(1000);
    const urgent = await newList({ validFrom: '2041-05-01', validTo: '2041-06-30', accountKind: 'distributor', priority: 5 }, [
      [skuA, 690, 650],
    ]);
    expect(
      (await resolvePrices(t.database.db, { accountKind: 'distributor', geographyPath: [], onDate, skuIds: [skuA] })).get(skuA)
        ?.priceListId,
    ).toBe(urgent.id);
    // Geography still ranks above kind: the region list (every kind) beats the national distributor list.
    expect(
      (await resolvePrices(t.database.db, { accountKind: 'distributor', geographyPath: territoryPath(), onDate, skuIds: [skuA] })).get(skuA)
        ?.unitPriceFen,
    ).toBe(980);
  });

  it('PRD-2 validity is by Shanghai day, both ends inclusive; drafts and archived lists never apply', async () => {
    const promo = await newList({ validFrom: '2042-03-01', validTo: '2042-03-31', geographyId: geo.get('huadong-1-1') }, [
      [skuB, 1500, 1400],
    ]);
    const on = (onDate: string) =>
      resolvePrices(t.database.db, { accountKind: 'retail_store', geographyPath: territoryPath(), onDate, skuIds: [skuB] });
    expect((await on('2042-02-28')).get(skuB)?.unitPriceFen).toBe(1990);
    expect((await on('2042-03-01')).get(skuB)?.priceListId).toBe(promo.id);
    expect((await on('2042-03-31')).get(skuB)?.priceListId).toBe(promo.id);
    expect((await on('2042-04-01')).get(skuB)?.unitPriceFen).toBe(1990);
    // An order at 23:59:59 Shanghai on the last day (15:59:59 UTC) still gets the promotion; one second later it does not.
    expect((await on(shanghaiDate(new Date('2042-03-31T15:59:59Z')))).get(skuB)?.priceListId).toBe(promo.id);
    expect((await on(shanghaiDate(new Date('2042-03-31T16:00:00Z')))).get(skuB)?.unitPriceFen).toBe(1990);
    expect((await on(shanghaiDate(new Date('2042-02-28T16:00:00Z')))).get(skuB)?.priceListId).toBe(promo.id);
    await send('marketing', 'PATCH', `/api/products/price-lists/${promo.id}`, { status: 'draft' });
    expect((await on('2042-03-15')).get(skuB)?.unitPriceFen).toBe(1990);
    await send('marketing', 'PATCH', `/api/products/price-lists/${promo.id}`, { status: 'archived' });
    expect((await on('2042-03-15')).get(skuB)?.unitPriceFen).toBe(1990);
  });

  it('PRD-2 a SKU no list prices is absent; before any list starts nothing resolves', async () => {
    const prices = await resolvePrices(t.database.db, {
      accountKind: 'retail_store',
      geographyPath: [],
      onDate: '2039-12-31',
      skuIds: [skuA, 999_999],
    });
    expect(prices.size).toBe(0);
  });

  it('PRD-2 GET /prices/resolve answers for an account place and day, with the list named; without a date the day is today in Shanghai', async () => {
    const response = await send(
      'rep-huadong-1',
      'GET',
      `/api/products/prices/resolve?accountKind=retail_store&geographyId=${geo.get('huadong-1-1')}&date=2040-06-01&skuIds=${skuA},${skuC}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json() as { date: string; items: { skuId: number; unitPriceFen: number; priceListCode: string }[] };
    expect(body.items.find((i) => i.skuId === skuA)).toMatchObject({ unitPriceFen: 980, priceListCode: expect.stringMatching(/^T-/) });
    expect(body.items.find((i) => i.skuId === skuC)?.unitPriceFen).toBe(3000);
    // Without a date the day is today in Shanghai.
    const today = await send('rep-huadong-1', 'GET', `/api/products/prices/resolve?accountKind=retail_store&skuIds=${skuA}`);
    expect((today.json() as { date: string }).date).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
  });

  it('PRD-2 resolve refuses an unknown account kind and a malformed SKU list, naming the field', async () => {
    const kind = await send('rep-huadong-1', 'GET', `/api/products/prices/resolve?accountKind=alien&skuIds=${skuA}`);
    expect(kind.statusCode).toBe(400);
    expect(errorOf(kind).message).toContain('accountKind');
    const ids = await send('rep-huadong-1', 'GET', '/api/products/prices/resolve?accountKind=retail_store&skuIds=1,,2', undefined, {
      'accept-language': 'en',
    });
    expect(ids.statusCode).toBe(400);
    expect(errorOf(ids).message).toContain('skuIds');
  });
});

describe('PRD-2 price list rules', () => {
  it('PRD-2 floor above the price is refused with the row named, in zh-CN and en, and nothing is written', async () => {
    const list = await newList({ validFrom: '2043-01-01', validTo: '2043-12-31' });
    const items = [
      { skuId: skuA, unitPriceFen: 1000, floorPriceFen: 900 },
      { skuId: skuB, unitPriceFen: 1000, floorPriceFen: 1001 },
    ];
    const zh = await send('marketing', 'PUT', `/api/products/price-lists/${list.id}/items`, { items });
    expect(zh.statusCode).toBe(400);
    expect(errorOf(zh)).toMatchObject({ code: 'products.floorAbovePrice', details: { field: 'items.1.floorPriceFen' } });
    expect(errorOf(zh).message).toBe('SKU T-SKU-B 的底价 10.01 元高于售价 10.00 元');
    const en = await send('marketing', 'PUT', `/api/products/price-lists/${list.id}/items`, { items }, { 'accept-language': 'en' });
    expect(errorOf(en).message).toContain('floor of CNY 10.01 above its price of CNY 10.00');
    const [row] = await t.database.db.select({ n: count() }).from(priceListItems).where(eq(priceListItems.priceListId, list.id));
    expect(row?.n).toBe(0);
  });

  it('PRD-2 items upsert in bulk: new SKUs added, existing ones replaced, one audit row; unknown and duplicate SKUs refused', async () => {
    const list = await newList({ validFrom: '2044-01-01', validTo: '2044-12-31' }, [[skuA, 1000, 900]]);
    const put = await send('marketing', 'PUT', `/api/products/price-lists/${list.id}/items`, {
      items: [
        { skuId: skuA, unitPriceFen: 1100, floorPriceFen: 1000 },
        { skuId: skuB, unitPriceFen: 2100, floorPriceFen: 2100 },
      ],
    });
    expect(put.json()).toEqual({ upserted: 2 });
    const items = await send('rep-huadong-1', 'GET', `/api/products/price-lists/${list.id}/items`);
    expect((items.json() as { items: { skuId: number; unitPriceFen: number }[] }).items.map((i) => [i.skuId, i.unitPriceFen])).toEqual([
      [skuA, 1100],
      [skuB, 2100],
    ]);
    const audits = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'price_list'), eq(auditLog.entityId, String(list.id)), eq(auditLog.action, 'items.upsert')));
    expect(audits[0]?.n).toBe(2);
    const unknown = await send('marketing', 'PUT', `/api/products/price-lists/${list.id}/items`, {
      items: [{ skuId: 999_999, unitPriceFen: 1, floorPriceFen: 1 }],
    });
    expect(errorOf(unknown)).toMatchObject({ code: 'products.referenceMissing', details: { field: 'items.0.skuId' } });
    const twice = await send('marketing', 'PUT', `/api/products/price-lists/${list.id}/items`, {
      items: [
        { skuId: skuA, unitPriceFen: 1, floorPriceFen: 1 },
        { skuId: skuA, unitPriceFen: 2, floorPriceFen: 1 },
      ],
    });
    expect(errorOf(twice).code).toBe('products.duplicateItem');
    const negative = await send('marketing', 'PUT', `/api/products/price-lists/${list.id}/items`, {
      items: [{ skuId: skuA, unitPriceFen: -1, floorPriceFen: 0 }],
    });
    expect(negative.statusCode).toBe(400);
    expect(errorOf(negative).message).toContain('unitPriceFen');
    const removed = await send('marketing', 'DELETE', `/api/products/price-lists/${list.id}/items/${skuB}`);
    expect(removed.statusCode).toBe(200);
    expect((await send('marketing', 'GET', `/api/products/price-lists/${list.id}`)).json()).toMatchObject({ itemCount: 1 });
  });

  it('PRD-2 two lists with the same kind, geography and priority may not overlap; adjacent periods and other priorities may', async () => {
    const base = { accountKind: 'key_account', geographyId: geo.get('huanan'), priority: 3 };
    const first = await newList({ ...base, validFrom: '2045-01-01', validTo: '2045-06-30' });
    const clash = await send('marketing', 'POST', '/api/products/price-lists', {
      ...base,
      code: 'T-CLASH',
      name: '冲突',
      validFrom: '2045-06-30',
      status: 'draft',
    });
    expect(clash.statusCode).toBe(409);
    expect(errorOf(clash)).toMatchObject({ code: 'products.priceListOverlap' });
    expect(errorOf(clash).message).toContain('2045-01-01 至 2045-06-30');
    await newList({ ...base, validFrom: '2045-07-01' });
    await newList({ ...base, priority: 4, validFrom: '2045-03-01', validTo: '2045-03-31' });
    // Stretching the first list into the second is refused too; archiving it frees the period.
    const stretch = await send('marketing', 'PATCH', `/api/products/price-lists/${first.id}`, { validTo: '2045-07-01' });
    expect(stretch.statusCode).toBe(409);
    expect((await send('marketing', 'PATCH', `/api/products/price-lists/${first.id}`, { status: 'archived' })).statusCode).toBe(200);
    expect(
      (
        await send('marketing', 'POST', '/api/products/price-lists', {
          ...base,
          code: 'T-FREE',
          name: '释放',
          validFrom: '2045-02-01',
          validTo: '2045-02-28',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('PRD-2 concurrent overlapping lists: exactly one is saved', async () => {
    const base = { accountKind: 'project', validFrom: '2046-01-01', validTo: '2046-12-31', status: 'active', priority: 7 };
    const results = await Promise.all(
      [1, 2, 3].map((n) => send('marketing', 'POST', '/api/products/price-lists', { ...base, code: `T-RACE-${n}`, name: `并发 ${n}` })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('PRD-2 bad list inputs name the field: end before start, unknown kind, missing geography, taken code', async () => {
    const end = await send('marketing', 'POST', '/api/products/price-lists', {
      code: 'T-BAD1',
      name: 'x',
      validFrom: '2047-02-01',
      validTo: '2047-01-31',
    });
    expect(errorOf(end)).toMatchObject({ code: 'products.validityRange', details: { field: 'validTo' } });
    const kind = await send(
      'marketing',
      'POST',
      '/api/products/price-lists',
      { code: 'T-BAD2', name: 'x', validFrom: '2047-02-01', accountKind: 'alien' },
      { 'accept-language': 'en' },
    );
    expect(kind.statusCode).toBe(400);
    expect(errorOf(kind).message).toContain('accountKind');
    const place = await send('marketing', 'POST', '/api/products/price-lists', {
      code: 'T-BAD3',
      name: 'x',
      validFrom: '2047-02-01',
      geographyId: 999_999,
    });
    expect(errorOf(place)).toMatchObject({ code: 'products.referenceMissing', details: { field: 'geographyId' } });
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    const taken = await send('marketing', 'POST', '/api/products/price-lists', { code: `nat-${year}`, name: 'x', validFrom: '2047-02-01' });
    expect(errorOf(taken)).toMatchObject({ code: 'products.codeTaken', details: { field: 'code' } });
    expect(errorOf(taken).message).toContain(`NAT-${year}`);
  });

  it('PRD-2 only price managers change lists; a rep reads them', async () => {
    const write = await send('rep-huadong-1', 'POST', '/api/products/price-lists', { code: 'T-REP', name: 'x', validFrom: '2048-01-01' });
    expect(write.statusCode).toBe(403);
    expect(
      (await send('ssg', 'PUT', '/api/products/price-lists/1/items', { items: [{ skuId: skuA, unitPriceFen: 1, floorPriceFen: 1 }] }))
        .statusCode,
    ).toBe(403);
    const list = await send('rep-huadong-1', 'GET', '/api/products/price-lists?status=active');
    expect((list.json() as { total: number }).total).toBeGreaterThanOrEqual(5);
  });

  it('PRD-2 demo lists: national, distributor, key account and regional lists price the demo SKUs', async () => {
    const lists = (await send('director', 'GET', '/api/products/price-lists?limit=50')).json() as {
      items: { code: string; itemCount: number; status: string }[];
    };
    const demo = lists.items.filter((l) => !l.code.startsWith('T-'));
    expect(demo.filter((l) => l.status === 'active').length).toBe(5);
    expect(demo.every((l) => l.itemCount > 0)).toBe(true);
    const [sku] = await selectRows<{ id: string }>(t.database.db, sql`SELECT id FROM skus WHERE code = 'MC-PJ-QS-01'`);
    const id = Number(sku?.id);
    const store = await resolvePrices(t.database.db, {
      accountKind: 'retail_store',
      geographyPath: [],
      onDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
      skuIds: [id],
    });
    const dist = await resolvePrices(t.database.db, {
      accountKind: 'distributor',
      geographyPath: [],
      onDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
      skuIds: [id],
    });
    expect(dist.get(id)?.unitPriceFen).toBeLessThan(store.get(id)?.unitPriceFen as number);
  });
});

describe('PRD-2 helpers for ORG-5', () => {
  it('PRD-2 the price account kinds are the customers account kinds', () => {
    expect([...priceAccountKinds].sort()).toEqual([...accountKinds].sort());
  });

  it('ORG-5 discount in basis points rounds up; at or above list is no discount; floor check', () => {
    expect(discountBasisPoints(10_000, 9_500)).toBe(500);
    expect(discountBasisPoints(10_000, 9_499)).toBe(501);
    expect(discountBasisPoints(3_333, 3_166)).toBe(502);
    expect(discountBasisPoints(1_000, 1_200)).toBe(0);
    expect(isBelowFloor(900, 899)).toBe(true);
    expect(isBelowFloor(900, 900)).toBe(false);
  });
});
