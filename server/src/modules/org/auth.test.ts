import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (payload: unknown, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object, headers, remoteAddress });

async function auditActions(entity: string, entityId: string) {
  const response = await t.as('admin', {
    method: 'GET',
    url: `/api/audit?entity=${entity}&entityId=${encodeURIComponent(entityId)}&limit=50`,
  });
  return (response.json().items as { action: string }[]).map((row) => row.action);
}

describe('sign-in', () => {
  it('signs in by username and by mobile, with an HTTP-only SameSite cookie', async () => {
    const byName = await login({ login: 'rep-huadong-1', password: 'demo123456' });
    expect(byName.statusCode).toBe(200);
    const cookie = byName.cookies.find((c) => c.name === 'salesos_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `salesos_sid=${cookie?.value}` } });
    expect(me.json().user.username).toBe('rep-huadong-1');

    const mobile = me.json().user.mobile as string;
    expect(mobile).toMatch(/^1[3-9]\d{9}$/);
    expect((await login({ login: mobile, password: 'demo123456' })).statusCode).toBe(200);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const response = await login({ login: 'gm', password: 'nope' }, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({ code: 'org.badCredentials', message: 'Wrong username or password' });
  });

  it('names each bad field of the login body', async () => {
    const response = await login({ password: '' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['login', 'password']));
    expect(response.json().error.message).toContain('login');
  });

  it('locks an account after 5 failures with 429, audited, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login({ login: 'logistics', password: 'wrong' })).statusCode).toBe(401);
    const locked = await login({ login: 'logistics', password: 'demo123456' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('org.loginThrottled');
    const actions = await auditActions('login', 'logistics');
    expect(actions.filter((a) => a === 'failed')).toHaveLength(5);
    expect(actions).toContain('throttled');
  });

  it('locks one IP after 20 failures across accounts', async () => {
    // Distinct accounts, so only the per-IP counter can trip.
    for (let i = 0; i < 20; i++) await login({ login: `nobody-${i}`, password: 'x' }, {}, '10.0.0.9');
    expect((await login({ login: 'marketing', password: 'demo123456' }, {}, '10.0.0.9')).statusCode).toBe(429);
    expect((await login({ login: 'marketing', password: 'demo123456' }, {}, '10.0.0.10')).statusCode).toBe(200);
  });
});

describe('sessions and passwords', () => {
  it('logs out: the cookie stops working', async () => {
    const cookie = await t.login('finance');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const mine = await t.login('ssg');
    const other = await t.login('ssg');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: mine },
      payload: { currentPassword: 'demo123456', newPassword: 'onlyletters' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('org.weakPassword');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: mine },
      payload: { currentPassword: 'bad', newPassword: 'newpass123' },
    });
    expect(wrong.json().error).toMatchObject({ code: 'org.wrongPassword', details: { field: 'currentPassword' } });

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: mine },
      payload: { currentPassword: 'demo123456', newPassword: 'newpass123' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: mine } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await login({ login: 'ssg', password: 'demo123456' })).statusCode).toBe(401);
    expect((await login({ login: 'ssg', password: 'newpass123' })).statusCode).toBe(200);
  });

  it('expires idle sessions', async () => {
    const cookie = await t.login('service');
    await t.database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '3 hours'`);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('remembers the user language and answers in it', async () => {
    const cookie = await t.login('channel');
    await t.app.inject({ method: 'PUT', url: '/api/auth/locale', headers: { cookie }, payload: { locale: 'en' } });
    const response = await t.app.inject({ method: 'GET', url: '/api/org/users/999999', headers: { cookie, 'accept-language': 'zh-CN' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('Not found');
  });
});

describe('personal API tokens', () => {
  it('issues a bearer token shown once, usable until revoked', async () => {
    const created = await t.as('director', { method: 'POST', url: '/api/auth/tokens', payload: { name: 'ERP sync' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^sos_/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json().user.username).toBe('director');
    const list = await t.as('director', { method: 'GET', url: '/api/auth/tokens' });
    expect(list.json()).toEqual([expect.objectContaining({ id, name: 'ERP sync' })]);
    expect(JSON.stringify(list.json())).not.toContain(token);

    expect((await t.as('deputy', { method: 'DELETE', url: `/api/auth/tokens/${id}` })).statusCode).toBe(404);
    expect((await t.as('director', { method: 'DELETE', url: `/api/auth/tokens/${id}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
  });
});
