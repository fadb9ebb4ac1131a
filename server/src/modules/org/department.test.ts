import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

interface Department {
  id: number;
  name: string;
  parentId: number | null;
  headUserId: number | null;
  headName: string | null;
  positionCount: number;
  userCount: number;
}

let t: TestApp;
let tree: Department[];
const named = (name: string) => {
  const department = tree.find((d) => d.name === name);
  if (!department) throw new Error(`no department ${name}`);
  return department;
};
const userId = async (username: string): Promise<number> =>
  (await t.as('admin', { method: 'GET', url: `/api/org/users?q=${username}` }))
    .json()
    .items.find((u: { username: string }) => u.username === username).id;
const auditOf = async (id: number) =>
  (await t.as('admin', { method: 'GET', url: `/api/audit?entity=department&entityId=${id}` })).json().items as {
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];

beforeAll(async () => {
  t = await createTestApp();
  tree = (await t.as('rep-huadong-1', { method: 'GET', url: '/api/org/departments' })).json();
});
afterAll(() => t.close());

describe('ORG-1 departments', () => {
  it('ORG-1 lists the demo tree flat, with heads and the counts of each department itself', async () => {
    expect(tree).toHaveLength(16);
    const centre = named('营销中心');
    expect(centre).toMatchObject({ parentId: null, headUserId: await userId('gm'), headName: expect.any(String) });
    const sales = named('销售部');
    expect(sales).toMatchObject({ parentId: centre.id, headUserId: await userId('director'), positionCount: 2, userCount: 2 });
    // 华东: a market manager, three area managers, three rep positions holding 2 + 1 + 1 reps.
    expect(named('华东大区')).toMatchObject({ parentId: sales.id, headUserId: await userId('mm-huadong'), positionCount: 7, userCount: 8 });
  });

  it('ORG-1 creates, renames and moves a department, each write audited with before and after', async () => {
    const head = await userId('am-huadong-1');
    const created = await t.as('director', {
      method: 'POST',
      url: '/api/org/departments',
      payload: { name: '上海办事处', parentId: named('华东大区').id, headUserId: head, sort: 3 },
    });
    expect(created.statusCode).toBe(201);
    const office = created.json();
    expect(office).toMatchObject({
      name: '上海办事处',
      parentId: named('华东大区').id,
      headUserId: head,
      sort: 3,
      positionCount: 0,
      userCount: 0,
    });
    expect(office.headName).toEqual(expect.any(String));

    const renamed = await t.as('director', {
      method: 'PATCH',
      url: `/api/org/departments/${office.id}`,
      payload: { name: '上海分公司', parentId: named('销售部').id, headUserId: null },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '上海分公司', parentId: named('销售部').id, headUserId: null, headName: null });

    const audit = await auditOf(office.id);
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(audit[0]?.before).toMatchObject({ name: '上海办事处', headUserId: head });
    expect(audit[0]?.after).toMatchObject({ name: '上海分公司', headUserId: null });
  });

  it('ORG-1 names every bad field and creates nothing', async () => {
    const response = await t.as('director', {
      method: 'POST',
      url: '/api/org/departments',
      payload: { name: '', parentId: -5, headUserId: 'x', sort: -1, budget: 1 },
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .error.details.fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['budget', 'headUserId', 'name', 'parentId', 'sort']);
    expect((await t.as('director', { method: 'GET', url: '/api/org/departments' })).json()).toHaveLength(tree.length + 1);
  });

  it('ORG-1 refuses a parent or a head that does not exist, naming the field', async () => {
    for (const field of ['parentId', 'headUserId']) {
      const response = await t.as('director', {
        method: 'POST',
        url: '/api/org/departments',
        payload: { name: '幽灵部', [field]: 999999 },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'org.referenceMissing', details: { field } });
    }
    const patch = await t.as('director', {
      method: 'PATCH',
      url: `/api/org/departments/${named('市场部').id}`,
      payload: { parentId: 999999 },
    });
    expect(patch.json().error).toMatchObject({ code: 'org.referenceMissing', details: { field: 'parentId' } });
  });

  it('ORG-1 refuses to move a department under itself or one below it', async () => {
    const centre = named('营销中心');
    for (const parentId of [centre.id, named('华东大区').id]) {
      const response = await t.as('director', { method: 'PATCH', url: `/api/org/departments/${centre.id}`, payload: { parentId } });
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'org.cycle', details: { field: 'parentId' } });
      expect(response.json().error.message).toContain('parentId');
    }
    const after = (await t.as('director', { method: 'GET', url: '/api/org/departments' })).json() as Department[];
    expect(after.find((d) => d.id === centre.id)?.parentId).toBeNull();
  });

  it('ORG-1 refuses to delete a department with sub-departments or positions, and deletes an empty one with an audit row', async () => {
    const sales = await t.as('director', { method: 'DELETE', url: `/api/org/departments/${named('销售部').id}` });
    expect(sales.statusCode).toBe(409);
    expect(sales.json().error).toMatchObject({ code: 'org.inUse', details: { field: 'id', dependents: { children: 9, positions: 2 } } });
    expect(sales.json().error.message).toContain('下级部门');
    expect(sales.json().error.message).not.toContain('child departments');

    const marketing = await t.as('director', {
      method: 'DELETE',
      url: `/api/org/departments/${named('市场部').id}`,
      headers: { 'accept-language': 'en' },
    });
    expect(marketing.json().error).toMatchObject({ code: 'org.inUse', details: { dependents: { positions: 1 } } });
    expect(marketing.json().error.message).toContain('positions');
    expect(marketing.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);

    const empty = (await t.as('director', { method: 'POST', url: '/api/org/departments', payload: { name: '临时项目组' } })).json();
    const deleted = await t.as('director', { method: 'DELETE', url: `/api/org/departments/${empty.id}` });
    expect(deleted.statusCode).toBe(200);
    const list = (await t.as('director', { method: 'GET', url: '/api/org/departments' })).json() as Department[];
    expect(list.some((d) => d.id === empty.id)).toBe(false);
    expect((await auditOf(empty.id)).map((a) => a.action)).toEqual(['delete', 'create']);

    const again = await t.as('director', { method: 'DELETE', url: `/api/org/departments/${empty.id}` });
    expect(again.statusCode).toBe(404);
  });
});
