import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let departmentId: number;
let positionId: number;
let geographyId: number;

const list = async (path: string) =>
  (await t.as('admin', { method: 'GET', url: `/api/org/${path}` })).json() as { id: number; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await list('departments')).find((d) => d.name === '华东大区')?.id ?? 0;
  positionId = (await list('positions')).find((p) => p.name === '华东一区销售代表')?.id ?? 0;
  geographyId = (await list('geographies')).find((g) => g.name === '华东')?.id ?? 0;
});
afterAll(() => t.close());

describe('ORG-1/2/3 org chart access', () => {
  it('ORG-1 every employee reads the org chart; anonymous callers are asked to sign in', async () => {
    for (const path of ['departments', 'positions', 'geographies']) {
      const rep = await t.as('rep-huadong-1', { method: 'GET', url: `/api/org/${path}` });
      expect(rep.statusCode).toBe(200);
      expect(rep.json().length).toBeGreaterThan(0);
      expect((await t.app.inject({ method: 'GET', url: `/api/org/${path}` })).statusCode).toBe(401);
    }
  });

  it('ORG-1 a rep without structure.manage gets 403 on every write, and nothing changes', async () => {
    const before = await Promise.all(['departments', 'positions', 'geographies'].map(list));
    const writes = [
      { method: 'POST', url: '/api/org/departments', payload: { name: '越权部' } },
      { method: 'PATCH', url: `/api/org/departments/${departmentId}`, payload: { name: '越权' } },
      { method: 'DELETE', url: `/api/org/departments/${departmentId}` },
      { method: 'POST', url: '/api/org/positions', payload: { name: '越权', departmentId, ladder: 'director', headcount: 1 } },
      { method: 'PATCH', url: `/api/org/positions/${positionId}`, payload: { headcount: 9 } },
      { method: 'DELETE', url: `/api/org/positions/${positionId}` },
      { method: 'PUT', url: `/api/org/positions/${positionId}/permissions`, payload: { permissions: ['org.structure.manage'] } },
      { method: 'POST', url: '/api/org/geographies', payload: { code: 'mine', name: '越权', kind: 'market' } },
      { method: 'PATCH', url: `/api/org/geographies/${geographyId}`, payload: { ownerUserId: null } },
      { method: 'DELETE', url: `/api/org/geographies/${geographyId}` },
    ] as const;
    for (const write of writes) {
      const response = await t.as('rep-huadong-1', write);
      expect(response.statusCode, `${write.method} ${write.url}`).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'platform.forbidden' });
    }
    expect(await Promise.all(['departments', 'positions', 'geographies'].map(list))).toEqual(before);
  });

  it('ORG-2 a new grant takes effect on the holders next request, and a revocation too', async () => {
    const grant = (permissions: string[]) =>
      t.as('admin', { method: 'PUT', url: `/api/org/positions/${positionId}/permissions`, payload: { permissions } });
    const tryWrite = () =>
      t.as('rep-huadong-1', { method: 'POST', url: '/api/org/departments', payload: { name: '华东一区办事处', parentId: departmentId } });
    expect((await tryWrite()).statusCode).toBe(403);
    expect((await grant(['org.structure.manage', 'org.users.read'])).statusCode).toBe(200);
    expect((await tryWrite()).statusCode).toBe(201);
    expect((await grant(['org.users.read'])).statusCode).toBe(200);
    expect((await tryWrite()).statusCode).toBe(403);
  });

  it('ORG-2 two concurrent hires into the last seat: exactly one is refused with headcountFull', async () => {
    const created = await t.as('admin', {
      method: 'POST',
      url: '/api/org/positions',
      payload: { name: '华东品鉴顾问', departmentId, ladder: 'representative', headcount: 1 },
    });
    expect(created.json()).toMatchObject({ headcount: 1, filled: 0 });
    const seat = created.json().id;
    const hire = (username: string) =>
      t.as('admin', {
        method: 'POST',
        url: '/api/org/users',
        payload: { username, displayName: '品鉴顾问', password: 'welcome123', positionId: seat },
      });
    const responses = await Promise.all([hire('taster-a'), hire('taster-b')]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json().error.code).toBe('org.headcountFull');
    const position = (await t.as('admin', { method: 'GET', url: `/api/org/positions?departmentId=${departmentId}` }))
      .json()
      .find((p: { id: number }) => p.id === seat);
    expect(position).toMatchObject({ headcount: 1, filled: 1 });
    expect(position.holders).toHaveLength(1);
  });

  it('ORG-1 documents every org chart route with an operationId and the org tag', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json().paths as Record<
      string,
      Record<string, { operationId?: string; tags?: string[] }>
    >;
    const operations = ['/api/org/departments', '/api/org/departments/{id}', '/api/org/positions', '/api/org/positions/{id}']
      .concat(['/api/org/positions/{id}/permissions', '/api/org/geographies', '/api/org/geographies/{id}'])
      .flatMap((path) => Object.values(paths[path] ?? {}));
    expect(operations.map((o) => o.operationId).sort()).toEqual([
      'createDepartment',
      'createGeography',
      'createPosition',
      'deleteDepartment',
      'deleteGeography',
      'deletePosition',
      'listDepartments',
      'listGeographies',
      'listPositions',
      'setPositionPermissions',
      'updateDepartment',
      'updateGeography',
      'updatePosition',
    ]);
    expect(operations.every((o) => o.tags?.includes('org'))).toBe(true);
  });
});
