import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../test/helpers.js';
import { buildApp } from './app.js';
import type { Database } from './platform/db/database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('platform', () => {
  it('reports health with the database reachable', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
  });

  it('reports 503 degraded when the database cannot be reached', async () => {
    const broken = { ...t.database, db: { execute: () => Promise.reject(new Error('down')) } } as unknown as Database;
    const app = await buildApp({ database: broken, config: testConfig(), background: false });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'degraded', database: { reachable: false } });
    await app.close();
  });

  it('answers unknown routes with a JSON 404 in the caller language', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error.code).toBe('platform.routeNotFound');
    expect(zh.json().error.message).toContain('接口不存在');
    const en = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().error.message).toBe('No such route: GET /api/nope');
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ login: 'x', password: 'y'.repeat(1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('platform.tooLarge');
  });

  it('sends helmet security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('demands sign-in for protected routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/org/users' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('platform.unauthenticated');
  });
});
