import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { positions } from './org.schema.js';

let t: TestApp;
let repPositionId: number;
let huadongTerritoryId: number;

beforeAll(async () => {
  t = await createTestApp();
  const [position] = await t.database.db.select().from(positions).where(eq(positions.name, '华东一区销售代表'));
  repPositionId = position?.id ?? 0;
  const rep = (await t.as('admin', { method: 'GET', url: '/api/org/users?q=rep-huadong-1' })).json().items[0];
  huadongTerritoryId = rep.geographyId;
});
afterAll(() => t.close());

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: 'rep-huadong-new',
  displayName: '新代表',
  password: 'welcome123',
  mobile: '13900001111',
  positionId: repPositionId,
  geographyId: huadongTerritoryId,
  ...overrides,
});

describe('ORG-2 people in positions', () => {
  it('names every bad field, in Chinese by default and English on request, and creates nothing', async () => {
    const bad = { username: '!', displayName: '', password: 'short', mobile: '12345', email: 'not-an-email', positionId: -1 };
    const zh = await t.as('director', { method: 'POST', url: '/api/org/users', payload: bad });
    expect(zh.statusCode).toBe(400);
    const fields = zh
      .json()
      .error.details.fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['displayName', 'email', 'mobile', 'password', 'positionId', 'username']);
    expect(zh.json().error.message).toContain('至少');
    const en = await t.as('director', { method: 'POST', url: '/api/org/users', payload: bad, headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toContain('must have at least');
    const list = await t.as('director', { method: 'GET', url: '/api/org/users?q=!' });
    expect(list.json().total).toBe(0);
  });

  it('refuses unknown body fields', async () => {
    const response = await t.as('director', { method: 'POST', url: '/api/org/users', payload: newUser({ salary: 1 }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0].field).toBe('salary');
  });

  it('refuses a weak password by rule', async () => {
    const response = await t.as('director', { method: 'POST', url: '/api/org/users', payload: newUser({ password: 'abcdefghij' }) });
    expect(response.json().error).toMatchObject({ code: 'org.weakPassword', details: { field: 'password' } });
  });

  it('creates a user into a position with a free seat, audited, with a hire move', async () => {
    const response = await t.as('director', { method: 'POST', url: '/api/org/users', payload: newUser() });
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      username: 'rep-huadong-new',
      positionName: '华东一区销售代表',
      ladder: 'representative',
      status: 'active',
    });
    expect(user).not.toHaveProperty('passwordHash');
    const audit = await t.as('admin', { method: 'GET', url: `/api/audit?entity=user&entityId=${user.id}` });
    const [row] = audit.json().items;
    expect(row).toMatchObject({ action: 'create', actorUserId: expect.any(Number) });
    expect(row.after.username).toBe('rep-huadong-new');
    expect(row.after).not.toHaveProperty('passwordHash');
    expect((await t.login('rep-huadong-new', 'welcome123')).length).toBeGreaterThan(10);
  });

  it('refuses a user beyond the headcount quota with the figures', async () => {
    // 华东一区销售代表: quota 3, now filled by rep-huadong-1, rep-huadong-2 and rep-huadong-new.
    const response = await t.as('director', {
      method: 'POST',
      url: '/api/org/users',
      payload: newUser({ username: 'one-too-many', mobile: null }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'org.headcountFull', details: { field: 'positionId' } });
    expect(response.json().error.message).toContain('编制 3 人，在岗 3 人');
  });

  it('refuses a taken username (any case) and a taken mobile, naming the field', async () => {
    const name = await t.as('director', {
      method: 'POST',
      url: '/api/org/users',
      payload: newUser({ username: 'REP-HUADONG-1', positionId: null }),
    });
    expect(name.json().error).toMatchObject({ code: 'org.usernameTaken', details: { field: 'username' } });
    const mobile = await t.as('director', {
      method: 'POST',
      url: '/api/org/users',
      payload: newUser({ username: 'fresh', positionId: null }),
    });
    expect(mobile.json().error).toMatchObject({ code: 'org.mobileTaken', details: { field: 'mobile' } });
  });

  it('only an administrator may create an administrator', async () => {
    const response = await t.as('director', {
      method: 'POST',
      url: '/api/org/users',
      payload: newUser({ username: 'root2', mobile: null, positionId: null, isAdmin: true }),
    });
    expect(response.statusCode).toBe(403);
  });

  it('a rep cannot manage people (403) and a manager cannot touch people outside scope (404)', async () => {
    expect((await t.as('rep-huadong-1', { method: 'POST', url: '/api/org/users', payload: newUser({ username: 'x1' }) })).statusCode).toBe(
      403,
    );
    const huabeiRep = (await t.as('admin', { method: 'GET', url: '/api/org/users?q=rep-huabei-1' })).json().items[0];
    await t.database.db.execute(
      // Give the East China market manager the manage permission, to show scope still limits it.
      sql`INSERT INTO position_permissions SELECT position_id, 'org.users.manage' FROM users WHERE username = 'mm-huadong'`,
    );
    const outside = await t.as('mm-huadong', { method: 'PATCH', url: `/api/org/users/${huabeiRep.id}`, payload: { displayName: '改名' } });
    expect(outside.statusCode).toBe(404);
  });

  it('updates a user inside scope with an audit row holding before and after', async () => {
    const rep = (await t.as('admin', { method: 'GET', url: '/api/org/users?q=rep-huadong-2' })).json().items[0];
    const response = await t.as('director', {
      method: 'PATCH',
      url: `/api/org/users/${rep.id}`,
      payload: { displayName: '周新名', email: 'zhou@example.com' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ displayName: '周新名', email: 'zhou@example.com' });
    const audit = await t.as('admin', { method: 'GET', url: `/api/audit?entity=user&entityId=${rep.id}` });
    const row = audit.json().items.find((r: { action: string }) => r.action === 'update');
    expect(row.before.displayName).toBe(rep.displayName);
    expect(row.after.displayName).toBe('周新名');
  });

  it('an administrator resets a password: old sessions end, the new password works', async () => {
    const cookie = await t.login('csr-1');
    const csr = (await t.as('admin', { method: 'GET', url: '/api/org/users?q=csr-1' })).json().items[0];
    const response = await t.as('admin', {
      method: 'POST',
      url: `/api/org/users/${csr.id}/reset-password`,
      payload: { password: 'reset12345' },
    });
    expect(response.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.login('csr-1', 'reset12345')).length).toBeGreaterThan(10);
  });
});
