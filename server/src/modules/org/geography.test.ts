import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { users } from './org.schema.js';

interface Geography {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  ownerUserId: number | null;
  ownerName: string | null;
  provinces: string[];
  userCount: number;
}

let t: TestApp;
let all: Geography[];
const coded = (code: string) => {
  const geography = all.find((g) => g.code === code);
  if (!geography) throw new Error(`no geography ${code}`);
  return geography;
};
const userId = async (username: string) => {
  const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row?.id ?? 0;
};
const create = (payload: Record<string, unknown>) => t.as('director', { method: 'POST', url: '/api/org/geographies', payload });
const patch = (id: number, payload: Record<string, unknown>) =>
  t.as('director', { method: 'PATCH', url: `/api/org/geographies/${id}`, payload });
const auditOf = async (id: number) =>
  (await t.as('admin', { method: 'GET', url: `/api/audit?entity=geography&entityId=${id}` })).json().items as {
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];

beforeAll(async () => {
  t = await createTestApp();
  all = (await t.as('rep-huadong-1', { method: 'GET', url: '/api/org/geographies' })).json();
});
afterAll(() => t.close());

describe('ORG-3 sales geography', () => {
  it('ORG-3 lists the eight demo markets, owned by the director and the deputy', async () => {
    const markets = all.filter((g) => g.kind === 'market');
    expect(markets.map((m) => m.name)).toEqual(['东北', '华北', '西北', '华中', '山东', '华东', '华南', '西南']);
    const director = await userId('director');
    const deputy = await userId('deputy');
    expect(markets.map((m) => (m.ownerUserId === director ? 'director' : m.ownerUserId === deputy ? 'deputy' : m.ownerUserId))).toEqual([
      'director',
      'director',
      'director',
      'director',
      'deputy',
      'deputy',
      'deputy',
      'deputy',
    ]);
    expect(markets.every((m) => m.parentId === null && m.ownerName)).toBe(true);
    expect(coded('huadong')).toMatchObject({ provinces: ['上海', '江苏', '浙江', '安徽', '福建', '江西'], userCount: 1 });
    expect(coded('huadong-1')).toMatchObject({ kind: 'region', parentId: coded('huadong').id, ownerUserId: await userId('am-huadong-1') });
    expect(coded('huadong-1-1')).toMatchObject({ kind: 'territory', parentId: coded('huadong-1').id, userCount: 1 });
  });

  it('ORG-3 creates a region under a market and a territory under it, audited', async () => {
    const region = await create({
      code: 'huadong-4',
      name: '华东四区',
      kind: 'region',
      parentId: coded('huadong').id,
      ownerUserId: await userId('am-huadong-1'),
      provinces: ['福建'],
      sort: 3,
    });
    expect(region.statusCode).toBe(201);
    expect(region.json()).toMatchObject({
      code: 'huadong-4',
      kind: 'region',
      provinces: ['福建'],
      userCount: 0,
      ownerName: expect.any(String),
    });
    const territory = await create({ code: 'huadong-4-1', name: '华东四区1片', kind: 'territory', parentId: region.json().id });
    expect(territory.statusCode).toBe(201);
    expect(territory.json()).toMatchObject({ ownerUserId: null, provinces: [], sort: 0 });
    const [audit] = await auditOf(region.json().id);
    expect(audit).toMatchObject({ action: 'create', after: { code: 'huadong-4' } });
  });

  it('ORG-3 keeps the levels in order: market at the top, region under a market, territory under a region', async () => {
    const cases = [
      { kind: 'market', parentId: coded('huadong').id },
      { kind: 'region' },
      { kind: 'region', parentId: coded('huadong-1').id },
      { kind: 'territory', parentId: coded('huadong').id },
      { kind: 'territory' },
    ];
    for (const [index, placement] of cases.entries()) {
      const response = await create({ code: `bad-${index}`, name: '错位', ...placement });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'org.geographyKindOrder', details: { field: 'parentId' } });
    }
    const moved = await patch(coded('huadong-1-1').id, { parentId: coded('huabei').id });
    expect(moved.json().error).toMatchObject({ code: 'org.geographyKindOrder', details: { field: 'parentId' } });
    // A region holding territories cannot become a market: they would sit under the wrong level.
    const promoted = await patch(coded('huadong-1').id, { kind: 'market', parentId: null });
    expect(promoted.json().error).toMatchObject({ code: 'org.geographyKindOrder', details: { field: 'kind' } });
    const list = (await t.as('director', { method: 'GET', url: '/api/org/geographies' })).json() as Geography[];
    expect(list.filter((g) => g.code.startsWith('bad-'))).toHaveLength(0);
  });

  it('ORG-3 refuses a taken code on create and on update', async () => {
    const created = await create({ code: 'huadong', name: '重复', kind: 'market' });
    expect(created.statusCode).toBe(409);
    expect(created.json().error).toMatchObject({ code: 'org.codeTaken', details: { field: 'code' } });
    expect(created.json().error.message).toContain('huadong');
    const updated = await patch(coded('huanan').id, { code: 'huadong' });
    expect(updated.json().error).toMatchObject({ code: 'org.codeTaken', details: { field: 'code' } });
    const same = await patch(coded('huanan').id, { code: 'huanan', name: '华南' });
    expect(same.statusCode).toBe(200);
  });

  it('ORG-3 names every bad field and refuses missing references', async () => {
    const response = await create({ code: 'A B', name: '', kind: 'city', provinces: [''], sort: 'x', ownerUserId: -1 });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .error.details.fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['code', 'kind', 'name', 'ownerUserId', 'provinces.0', 'sort']);
    for (const field of ['parentId', 'ownerUserId']) {
      const missing = await create({ code: `ghost-${field.toLowerCase()}`, name: '幽灵', kind: 'market', [field]: 999999 });
      expect(missing.json().error).toMatchObject({ code: 'org.referenceMissing', details: { field } });
    }
    const list = (await t.as('director', { method: 'GET', url: '/api/org/geographies' })).json() as Geography[];
    expect(list.some((g) => g.code.startsWith('ghost'))).toBe(false);
  });

  it('ORG-3 refuses to put a node under itself or one below it', async () => {
    for (const parentId of [coded('huadong-1').id, coded('huadong-1-1').id]) {
      const response = await patch(coded('huadong-1').id, { parentId });
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'org.cycle', details: { field: 'parentId' } });
    }
  });

  it('ORG-3 hands a market to another owner, audited as an owner change', async () => {
    const huadong = coded('huadong');
    const director = await userId('director');
    const response = await patch(huadong.id, { ownerUserId: director });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ownerUserId: director, ownerName: expect.any(String) });
    const [audit] = await auditOf(huadong.id);
    expect(audit).toMatchObject({
      action: 'update-owner',
      before: { ownerUserId: await userId('deputy') },
      after: { ownerUserId: director },
    });
  });

  it('ORG-3 refuses to delete a node with children or people, and deletes an empty one', async () => {
    const market = await t.as('director', { method: 'DELETE', url: `/api/org/geographies/${coded('xinan').id}` });
    expect(market.statusCode).toBe(409);
    expect(market.json().error).toMatchObject({ code: 'org.inUse', details: { dependents: { children: 2, users: 1 } } });
    const territory = await t.as('director', { method: 'DELETE', url: `/api/org/geographies/${coded('huadong-1-1').id}` });
    expect(territory.json().error).toMatchObject({ code: 'org.inUse', details: { dependents: { users: 1 } } });

    const empty = (await create({ code: 'hainan-test', name: '测试市场', kind: 'market' })).json();
    const deleted = await t.as('director', { method: 'DELETE', url: `/api/org/geographies/${empty.id}` });
    expect(deleted.statusCode).toBe(200);
    expect((await auditOf(empty.id)).map((a) => a.action)).toEqual(['delete', 'create']);
    expect((await t.as('director', { method: 'DELETE', url: `/api/org/geographies/${empty.id}` })).statusCode).toBe(404);
  });
});
