import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

describe('smoke: the server as a new user starts it', () => {
  it('serves the web app at /', async () => {
    const response = await fetch(`${baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toMatch(/<div id="root">/);
  });

  it('reports health with the database reachable', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', reachable: true } });
  });

  it('publishes an OpenAPI 3 document at /docs/json', async () => {
    const response = await fetch(`${baseUrl}/docs/json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/api/health');
  });

  it('has loaded the demo company on its first start', async () => {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'director', password: 'demo123456' }),
    });
    expect(response.status).toBe(200);
  });
});
