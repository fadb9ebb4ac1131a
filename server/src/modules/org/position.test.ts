import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { userMoves, users } from './org.schema.js';

interface Position {
  id: number;
  name: string;
  departmentId: number;
  departmentName: string;
  superiorId: number | null;
  superiorName: string | null;
  ladder: string;
  headcount: number;
  filled: number;
  dataScope: string;
  scopeDepartmentIds: number[];
  scopeGeographyIds: number[];
  permissions: string[];
  holders: { id: number; username: string; displayName: string }[];
}

let t: TestApp;
let all: Position[];
let huadongDepartmentId: number;
let marketIds: number[];
const named = (name: string) => {
  const position = all.find((p) => p.name === name);
  if (!position) throw new Error(`no position ${name}`);
  return position;
};
const positionCount = async () => ((await t.as('director', { method: 'GET', url: '/api/org/positions' })).json() as Position[]).length;
const auditOf = async (id: number) =>
  (await t.as('admin', { method: 'GET', url: `/api/audit?entity=position&entityId=${id}` })).json().items as {
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
const create = (payload: Record<string, unknown>) => t.as('director', { method: 'POST', url: '/api/org/positions', payload });
const fieldsOf = (body: { error: { details: { fields: { field: string }[] } } }) => body.error.details.fields.map((f) => f.field).sort();

beforeAll(async () => {
  t = await createTestApp();
  all = (await t.as('rep-huadong-1', { method: 'GET', url: '/api/org/positions' })).json();
  huadongDepartmentId = named('华东市场经理').departmentId;
  const geographies = (await t.as('rep-huadong-1', { method: 'GET', url: '/api/org/geographies' })).json() as {
    id: number;
    code: string;
  }[];
  marketIds = geographies.filter((g) => g.code === 'huadong' || g.code === 'huanan').map((g) => g.id);
});
afterAll(() => t.close());

describe('ORG-2 positions', () => {
  it('ORG-2 lists the demo positions with active holders, fill, superior and grants', () => {
    expect(all.length).toBeGreaterThan(30);
    const reps = named('华东一区销售代表');
    expect(reps).toMatchObject({
      departmentName: '华东大区',
      superiorName: '华东一区区域经理',
      ladder: 'representative',
      headcount: 3,
      filled: 2,
      dataScope: 'own',
      permissions: expect.arrayContaining(['org.users.read']),
    });
    expect(reps.holders.map((h) => h.username)).toEqual(['rep-huadong-1', 'rep-huadong-2']);
    expect(named('销售副总监')).toMatchObject({ superiorName: '销售总监', dataScope: 'geography', filled: 1 });
    expect(named('销售总监').permissions).toContain('org.structure.manage');
  });

  it('ORG-2 filters by department', async () => {
    const list = (
      await t.as('rep-huadong-1', { method: 'GET', url: `/api/org/positions?departmentId=${huadongDepartmentId}` })
    ).json() as Position[];
    expect(list).toHaveLength(7);
    expect(new Set(list.map((p) => p.departmentName))).toEqual(new Set(['华东大区']));
    expect(list.reduce((sum, p) => sum + p.filled, 0)).toBe(8);
  });

  it('ORG-2 creates a position with the data scope of its ladder level by default, audited', async () => {
    const response = await create({
      name: '华东大客户主管',
      departmentId: huadongDepartmentId,
      superiorId: named('华东市场经理').id,
      ladder: 'supervisor',
      headcount: 2,
      duties: '维护华东重点连锁客户。',
    });
    expect(response.statusCode).toBe(201);
    const position = response.json();
    expect(position).toMatchObject({
      name: '华东大客户主管',
      superiorName: '华东市场经理',
      dataScope: 'team',
      filled: 0,
      holders: [],
      permissions: [],
      scopeDepartmentIds: [],
    });
    const [audit] = await auditOf(position.id);
    expect(audit).toMatchObject({ action: 'create', before: null, after: { name: '华东大客户主管', headcount: 2 } });
  });

  it('ORG-2 creates a custom-scope position over chosen departments and markets', async () => {
    const response = await create({
      name: '华东华南财务专员',
      departmentId: named('财务经理').departmentId,
      ladder: 'representative',
      headcount: 1,
      dataScope: 'custom',
      scopeDepartmentIds: [huadongDepartmentId],
      scopeGeographyIds: marketIds,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ dataScope: 'custom', scopeDepartmentIds: [huadongDepartmentId], scopeGeographyIds: marketIds });
  });

  it('ORG-2 names every bad field of a new position and creates nothing', async () => {
    const before = await positionCount();
    const response = await create({
      name: '',
      departmentId: 'x',
      superiorId: -1,
      ladder: 'boss',
      headcount: 1000,
      duties: 'x'.repeat(4001),
      dataScope: 'everything',
      scopeDepartmentIds: [-1],
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual([
      'dataScope',
      'departmentId',
      'duties',
      'headcount',
      'ladder',
      'name',
      'scopeDepartmentIds.0',
      'superiorId',
    ]);
    const missing = await create({});
    expect(fieldsOf(missing.json())).toEqual(['departmentId', 'headcount', 'ladder', 'name']);
    expect(await positionCount()).toBe(before);
  });

  it('ORG-2 names each reference that does not exist and creates nothing', async () => {
    const before = await positionCount();
    const base = { name: '幽灵岗位', departmentId: huadongDepartmentId, ladder: 'representative', headcount: 1 };
    for (const [field, value] of [
      ['departmentId', 999999],
      ['superiorId', 999999],
      ['scopeDepartmentIds', [huadongDepartmentId, 999999]],
      ['scopeGeographyIds', [999999]],
    ] as const) {
      const response = await create({ ...base, [field]: value });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'org.referenceMissing', details: { field } });
    }
    expect(await positionCount()).toBe(before);
  });

  it('ORG-2 updates a position and names bad fields of an update', async () => {
    const reps = named('华东一区销售代表');
    const bad = await t.as('director', {
      method: 'PATCH',
      url: `/api/org/positions/${reps.id}`,
      payload: { headcount: -1, ladder: 'boss', x: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['headcount', 'ladder', 'x']);

    const response = await t.as('director', {
      method: 'PATCH',
      url: `/api/org/positions/${reps.id}`,
      payload: { headcount: 4, duties: '每周拜访A类客户两次。' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ headcount: 4, duties: '每周拜访A类客户两次。', filled: 2, name: '华东一区销售代表' });
    const [audit] = await auditOf(reps.id);
    expect(audit).toMatchObject({ action: 'update', before: { headcount: 3 }, after: { headcount: 4 } });
  });

  it('ORG-2 refuses a headcount below the people holding the position', async () => {
    const reps = named('华东一区销售代表');
    const response = await t.as('director', { method: 'PATCH', url: `/api/org/positions/${reps.id}`, payload: { headcount: 1 } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'org.headcountBelowFilled', details: { field: 'headcount' } });
    expect(response.json().error.message).toContain('2');
    const ok = await t.as('director', { method: 'PATCH', url: `/api/org/positions/${reps.id}`, payload: { headcount: 2 } });
    expect(ok.json()).toMatchObject({ headcount: 2, filled: 2 });
  });

  it('ORG-2 refuses a superior that is the position itself or one below it, and a missing one', async () => {
    const director = named('销售总监');
    for (const superiorId of [director.id, named('华东一区销售代表').id]) {
      const response = await t.as('director', { method: 'PATCH', url: `/api/org/positions/${director.id}`, payload: { superiorId } });
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'org.cycle', details: { field: 'superiorId' } });
    }
    const missing = await t.as('director', { method: 'PATCH', url: `/api/org/positions/${director.id}`, payload: { superiorId: 999999 } });
    expect(missing.json().error).toMatchObject({ code: 'org.referenceMissing', details: { field: 'superiorId' } });
    const unknown = await t.as('director', { method: 'PATCH', url: '/api/org/positions/999999', payload: { headcount: 1 } });
    expect(unknown.statusCode).toBe(404);
  });

  it('ORG-2 replaces the grants of a position, audited with the lists before and after', async () => {
    const reps = named('华东一区销售代表');
    const response = await t.as('director', {
      method: 'PUT',
      url: `/api/org/positions/${reps.id}/permissions`,
      payload: { permissions: ['org.users.read', 'org.policies.manage', 'org.users.read'] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().permissions).toEqual(['org.policies.manage', 'org.users.read']);
    const [audit] = await auditOf(reps.id);
    expect(audit).toMatchObject({
      action: 'permissions',
      before: { permissions: expect.arrayContaining(['org.users.read', 'targets.expenses.file']) },
      after: { permissions: ['org.policies.manage', 'org.users.read'] },
    });
  });

  it('ORG-2 refuses an unknown permission key, naming it, and keeps the grants', async () => {
    const reps = named('华东一区销售代表');
    const response = await t.as('director', {
      method: 'PUT',
      url: `/api/org/positions/${reps.id}/permissions`,
      payload: { permissions: ['org.users.read', 'org.fly'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'org.unknownPermission', details: { field: 'permissions.1' } });
    expect(response.json().error.message).toContain('org.fly');
    const list = (await t.as('director', { method: 'GET', url: '/api/org/positions' })).json() as Position[];
    expect(list.find((p) => p.id === reps.id)?.permissions).toEqual(['org.policies.manage', 'org.users.read']);
  });

  it('ORG-2 lets no one but an administrator grant a permission they do not hold', async () => {
    const reps = named('华东一区销售代表');
    const payload = { permissions: ['org.users.read', 'platform.audit.read'] };
    const director = await t.as('director', { method: 'PUT', url: `/api/org/positions/${reps.id}/permissions`, payload });
    expect(director.statusCode).toBe(403);
    expect(director.json().error.details).toMatchObject({ permission: 'platform.audit.read' });
    const admin = await t.as('admin', { method: 'PUT', url: `/api/org/positions/${reps.id}/permissions`, payload });
    expect(admin.json().permissions).toEqual(['org.users.read', 'platform.audit.read']);
  });

  it('ORG-2 refuses to delete a position with holders, subordinates or history, and deletes a free one', async () => {
    const held = await t.as('director', { method: 'DELETE', url: `/api/org/positions/${named('华东一区销售代表').id}` });
    expect(held.statusCode).toBe(409);
    expect(held.json().error).toMatchObject({ code: 'org.inUse', details: { field: 'id', dependents: { holders: 2 } } });

    const base = { departmentId: huadongDepartmentId, ladder: 'supervisor', headcount: 1 };
    const top = (await create({ ...base, name: '临时主管' })).json();
    const below = (await create({ ...base, name: '临时代表', ladder: 'representative', superiorId: top.id })).json();
    const withBelow = await t.as('director', { method: 'DELETE', url: `/api/org/positions/${top.id}` });
    expect(withBelow.json().error).toMatchObject({ code: 'org.inUse', details: { dependents: { subordinates: 1 } } });

    // A past move into the position keeps it: history is never rewritten.
    const [rep] = await t.database.db.select().from(users).where(eq(users.username, 'rep-huadong-2'));
    await t.database.db.insert(userMoves).values({ userId: rep?.id ?? 0, kind: 'transfer', toPositionId: below.id });
    const withHistory = await t.as('director', { method: 'DELETE', url: `/api/org/positions/${below.id}` });
    expect(withHistory.statusCode).toBe(409);
    expect(withHistory.json().error.code).toBe('org.inUse');
    await t.database.db.delete(userMoves).where(eq(userMoves.toPositionId, below.id));

    expect((await t.as('director', { method: 'DELETE', url: `/api/org/positions/${below.id}` })).statusCode).toBe(200);
    expect((await t.as('director', { method: 'DELETE', url: `/api/org/positions/${top.id}` })).statusCode).toBe(200);
    expect((await auditOf(top.id)).map((a) => a.action)).toEqual(['delete', 'create']);
    expect((await t.as('director', { method: 'DELETE', url: `/api/org/positions/${top.id}` })).statusCode).toBe(404);
  });

  it('ORG-2 refuses to delete a department still named in a position data scope', async () => {
    const finance = named('财务经理').departmentId;
    const scoped = await create({
      name: '临时专员',
      departmentId: finance,
      ladder: 'representative',
      headcount: 1,
      dataScope: 'custom',
      scopeDepartmentIds: [huadongDepartmentId],
    });
    expect(scoped.statusCode).toBe(201);
    const emptied = (await t.as('director', { method: 'POST', url: '/api/org/departments', payload: { name: '空部门' } })).json();
    await t.as('director', {
      method: 'PATCH',
      url: `/api/org/positions/${scoped.json().id}`,
      payload: { scopeDepartmentIds: [emptied.id] },
    });
    const response = await t.as('director', { method: 'DELETE', url: `/api/org/departments/${emptied.id}` });
    expect(response.json().error).toMatchObject({ code: 'org.inUse', details: { dependents: { scopes: 1 } } });
  });
});
