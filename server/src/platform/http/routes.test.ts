import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { authPlugin } from '../auth/auth.plugin.js';
import { PrincipalCache } from '../auth/principal-cache.js';
import { SessionCache } from '../auth/session-cache.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Operation {
  operationId?: string;
  tags?: string[];
  responses?: Record<string, unknown>;
}

describe('every route is declared (DESIGN rule 2, PLT-4)', () => {
  it('every /api operation except the declared public ones refuses an anonymous caller with 401', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const publicOperations = new Set(['post /api/auth/login', 'get /api/health']);
    const answers: string[] = [];
    for (const [url, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const key = `${method} ${url}`;
        if (publicOperations.has(key)) continue;
        const response = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url: url.replace(/\{\w+\}/g, '1'),
          payload: method === 'get' ? undefined : {},
        });
        if (response.statusCode !== 401) answers.push(`${key} -> ${response.statusCode}`);
      }
    }
    expect(Object.keys(doc.paths).length).toBeGreaterThan(5);
    expect(answers).toEqual([]);
  });

  it('refuses to register a route without an access declaration', async () => {
    const app = Fastify();
    app.decorate('database', t.database);
    await app.register(authPlugin, {
      principals: new PrincipalCache(async () => null),
      sessions: new SessionCache(),
      sessionPolicy: { idleMinutes: 1, maxHours: 1 },
    });
    expect(() => app.get('/api/unguarded', async () => 'oops')).toThrow(/declares no access/);
    expect(() => app.get('/api/typo', { config: { access: 'org.no.such.key' } }, async () => 'oops')).toThrow(/undeclared permission/);
  });

  it('publishes OpenAPI 3 with an operationId, a module tag and responses on every operation', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, Record<string, Operation>> };
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries(doc.paths).flatMap(([url, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ at: `${method} ${url}`, ...op })),
    );
    const incomplete = operations.filter((op) => !op.operationId || !op.tags?.length || !op.responses);
    expect(incomplete.map((op) => op.at)).toEqual([]);
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves the API docs UI at /docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });
});
