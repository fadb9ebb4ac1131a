import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../db/raw.js';

let t: TestApp;
let everyone: { id: number; username: string }[];

beforeAll(async () => {
  t = await createTestApp();
  everyone = (await t.as('admin', { method: 'GET', url: '/api/org/users?limit=200' })).json().items;
});
afterAll(() => t.close());

async function visibleUsernames(username: string): Promise<string[]> {
  const response = await t.as(username, { method: 'GET', url: '/api/org/users?limit=200' });
  expect(response.statusCode).toBe(200);
  const body = response.json();
  expect(body.total).toBe(body.items.length);
  return body.items.map((u: { username: string }) => u.username).sort();
}

const marketPeople = (slug: string) =>
  everyone
    .map((u) => u.username)
    .filter((name) => name === `mm-${slug}` || name.startsWith(`am-${slug}-`) || name.startsWith(`rep-${slug}-`));
const idOf = (username: string) => everyone.find((u) => u.username === username)?.id;

describe('ORG-4 data scope on the people list', () => {
  it('a rep sees only themself (own)', async () => {
    expect(await visibleUsernames('rep-huadong-1')).toEqual(['rep-huadong-1']);
  });

  it('an area manager sees their team below them in the reporting tree (team)', async () => {
    expect(await visibleUsernames('am-huadong-1')).toEqual(['am-huadong-1', 'rep-huadong-1', 'rep-huadong-2']);
  });

  it('a market manager sees everyone in their market (geography)', async () => {
    const expected = marketPeople('huadong').sort();
    expect(expected).toHaveLength(8);
    expect(await visibleUsernames('mm-huadong')).toEqual(expected);
  });

  it('the deputy sees the four markets he owns and nobody from the director markets', async () => {
    const expected = ['deputy', ...['shandong', 'huadong', 'huanan', 'xinan'].flatMap(marketPeople)].sort();
    const seen = await visibleUsernames('deputy');
    expect(seen).toEqual(expected);
    expect(seen.some((name) => name.includes('huabei'))).toBe(false);
  });

  it('the director sees everyone (all)', async () => {
    expect(await visibleUsernames('director')).toEqual(everyone.map((u) => u.username).sort());
    expect(everyone.length).toBeGreaterThanOrEqual(55);
  });

  it('a custom scope covers the chosen markets: a finance clerk serving 华东 and 华南', async () => {
    const db = t.database.db;
    const [position] = await selectRows<{ id: number }>(
      db,
      sql`INSERT INTO positions (name, department_id, ladder, headcount, data_scope, scope_geography_ids)
        SELECT '财务专员（华东华南）', d.id, 'representative', 1, 'custom', ARRAY(SELECT id FROM geographies WHERE code IN ('huadong', 'huanan'))
        FROM departments d WHERE d.name = '财务部' RETURNING id`,
    );
    const created = await t.as('admin', {
      method: 'POST',
      url: '/api/org/users',
      payload: { username: 'fin-clerk', displayName: '财务专员', password: 'clerk12345', positionId: position?.id },
    });
    expect(created.statusCode).toBe(201);
    await db.execute(sql`INSERT INTO position_permissions VALUES (${position?.id}, 'org.users.read')`);
    const cookie = await t.login('fin-clerk', 'clerk12345');
    const response = await t.app.inject({ method: 'GET', url: '/api/org/users?limit=200', headers: { cookie } });
    const seen = response
      .json()
      .items.map((u: { username: string }) => u.username)
      .sort();
    expect(seen).toEqual(['fin-clerk', ...marketPeople('huadong'), ...marketPeople('huanan')].sort());
  });

  it('a record out of scope answers 404, inside scope 200', async () => {
    const outside = await t.as('rep-huadong-1', { method: 'GET', url: `/api/org/users/${idOf('rep-huabei-1')}` });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('platform.notFound');
    expect((await t.as('am-huadong-1', { method: 'GET', url: `/api/org/users/${idOf('rep-huadong-2')}` })).statusCode).toBe(200);
    expect((await t.as('am-huadong-1', { method: 'GET', url: `/api/org/users/${idOf('rep-huadong-3')}` })).statusCode).toBe(404);
  });

  it('filters and total stay inside the scope', async () => {
    const response = await t.as('mm-huadong', { method: 'GET', url: '/api/org/users?q=rep&limit=2&sort=username&order=desc' });
    const body = response.json();
    expect(body.total).toBe(4);
    expect(body.items.map((u: { username: string }) => u.username)).toEqual(['rep-huadong-4', 'rep-huadong-3']);
  });
});
