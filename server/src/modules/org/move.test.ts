import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { demoPassword } from '../../demo/seed.js';
import { selectRows } from '../../platform/db/raw.js';
import { OrgPermissions } from './org.permissions.js';
import { departments, geographies, positionPermissions, positions, users } from './org.schema.js';
import { registerOwnedEntity } from './ownership.registry.js';

let t: TestApp;
const ids = new Map<string, number>();
const positionIds = new Map<string, number>();
const geographyIds = new Map<string, number>();

const id = (map: Map<string, number>, key: string) => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`no ${key} in the demo`);
  return value;
};
const user = (username: string) => id(ids, username);
const position = (name: string) => id(positionIds, name);
const geography = (code: string) => id(geographyIds, code);

const move = (actor: string, username: string, kind: 'promote' | 'transfer' | 'leave', payload: object) =>
  t.as(actor, { method: 'POST', url: `/api/org/users/${user(username)}/${kind}`, payload });

const placement = async (username: string) => {
  const [row] = await t.database.db
    .select({ status: users.status, positionId: users.positionId, geographyId: users.geographyId, leftAt: users.leftAt })
    .from(users)
    .where(eq(users.id, user(username)));
  return row;
};

const errorOf = (response: { statusCode: number; json(): { error: { code: string; details: { field?: string } } } }) => ({
  status: response.statusCode,
  code: response.json().error.code,
  field: response.json().error.details?.field,
});

const newSupervisor = '华东一区副区域经理';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const row of await db.select({ id: users.id, username: users.username }).from(users)) ids.set(row.username, row.id);
  for (const row of await db.select({ id: geographies.id, code: geographies.code }).from(geographies)) geographyIds.set(row.code, row.id);
  const [market] = await db.select({ id: departments.id }).from(departments).where(eq(departments.name, '华东大区'));
  const [mm] = await db.select({ id: positions.id }).from(positions).where(eq(positions.name, '华东市场经理'));
  await db.insert(positions).values({
    name: newSupervisor,
    departmentId: market?.id ?? 0,
    superiorId: mm?.id ?? null,
    ladder: 'supervisor',
    headcount: 1,
    dataScope: 'team',
  });
  for (const row of await db.select({ id: positions.id, name: positions.name }).from(positions)) positionIds.set(row.name, row.id);
  // The area manager gets moves.manage so that her data scope, not a missing permission, is what stops her.
  await db.insert(positionPermissions).values({ positionId: position('华东一区区域经理'), permission: OrgPermissions['moves.manage'] });
  // A stand-in for a later module's table of owned records, registered the way such a module would.
  await db.execute(sql`CREATE TABLE test_owned_records (id int PRIMARY KEY, owner_user_id bigint)`);
  await db.execute(
    sql`INSERT INTO test_owned_records VALUES (1, ${user('rep-huadong-1')}), (2, ${user('rep-huadong-1')}), (3, ${user('rep-huadong-2')})`,
  );
  registerOwnedEntity({
    entity: 'testRecord',
    table: 'test_owned_records',
    ownerColumn: 'owner_user_id',
    label: { 'zh-CN': '测试', en: 'Test' },
  });
});
afterAll(() => t.close());

describe('ORG-6 promotion', () => {
  it('ORG-6 promotes rep-huadong-1 into a free supervisor position, effective at once', async () => {
    expect(
      (await t.as('rep-huadong-1', { method: 'POST', url: '/api/org/authority/check', payload: { action: 'expense.approve' } })).json()
        .decision,
    ).toBe('denied');
    const response = await move('director', 'rep-huadong-1', 'promote', { positionId: position(newSupervisor), reason: '业绩优秀' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'promote',
      userId: user('rep-huadong-1'),
      fromPositionName: '华东一区销售代表',
      fromLadder: 'representative',
      toPositionName: newSupervisor,
      toLadder: 'supervisor',
      reason: '业绩优秀',
      byUserId: user('director'),
    });
    expect(await placement('rep-huadong-1')).toMatchObject({ status: 'active', positionId: position(newSupervisor) });
    // The cached principal was dropped: the new ladder level decides straight away.
    expect(
      (await t.as('rep-huadong-1', { method: 'POST', url: '/api/org/authority/check', payload: { action: 'expense.approve' } })).json()
        .decision,
    ).toBe('needs-approval');
  });

  it('ORG-6 refuses a promotion to the same or a lower level, naming positionId', async () => {
    const lower = await move('director', 'am-huadong-1', 'promote', { positionId: position('华东一区销售代表'), reason: 'x' });
    expect(errorOf(lower)).toEqual({ status: 400, code: 'org.notAPromotion', field: 'positionId' });
    const same = await move('director', 'am-huadong-2', 'promote', { positionId: position('华东三区区域经理'), reason: 'x' });
    expect(errorOf(same)).toEqual({ status: 400, code: 'org.notAPromotion', field: 'positionId' });
    const missing = await move('director', 'am-huadong-1', 'promote', { positionId: 99_999_999, reason: 'x' });
    expect(errorOf(missing)).toEqual({ status: 400, code: 'org.referenceMissing', field: 'positionId' });
    expect((await placement('am-huadong-1'))?.positionId).toBe(position('华东一区区域经理'));
  });

  it('ORG-6 refuses a promotion into a full position (org.headcountFull)', async () => {
    const full = await move('director', 'rep-huadong-2', 'promote', { positionId: position('华东二区区域经理'), reason: 'x' });
    expect(errorOf(full)).toEqual({ status: 409, code: 'org.headcountFull', field: 'positionId' });
  });

  it('ORG-6 names each bad field of a promotion body', async () => {
    const response = await move('director', 'rep-huadong-2', 'promote', { positionId: 0, reason: '' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['positionId', 'reason']));
  });
});

describe('ORG-6 transfer', () => {
  it('ORG-6 transfers a rep to another position and geography', async () => {
    const response = await move('deputy', 'rep-huadong-3', 'transfer', {
      positionId: position('华东一区销售代表'),
      geographyId: geography('huadong-1'),
      reason: '区域调整',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'transfer',
      fromPositionName: '华东二区销售代表',
      toPositionName: '华东一区销售代表',
      fromGeographyName: '华东二区1片',
      toGeographyName: '华东一区',
    });
    expect(await placement('rep-huadong-3')).toMatchObject({
      positionId: position('华东一区销售代表'),
      geographyId: geography('huadong-1'),
    });
  });

  it('ORG-6 transfers the geography alone, recording only what changed', async () => {
    const response = await move('deputy', 'rep-huadong-4', 'transfer', { geographyId: geography('huadong-3'), reason: '片区合并' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ fromPositionId: null, toPositionId: null, toGeographyName: '华东三区' });
  });

  it('ORG-6 refuses a transfer to a full position (org.headcountFull), to nothing new, or to an unknown geography', async () => {
    const full = await move('deputy', 'rep-huadong-2', 'transfer', { positionId: position('华东二区区域经理'), reason: 'x' });
    expect(errorOf(full)).toEqual({ status: 409, code: 'org.headcountFull', field: 'positionId' });
    const nothing = await move('deputy', 'rep-huadong-2', 'transfer', { reason: 'x' });
    expect(errorOf(nothing)).toEqual({ status: 400, code: 'org.transferWithoutChange', field: 'positionId' });
    const same = await move('deputy', 'rep-huadong-2', 'transfer', { positionId: position('华东一区销售代表'), reason: 'x' });
    expect(errorOf(same)).toEqual({ status: 400, code: 'org.transferWithoutChange', field: 'positionId' });
    const unknown = await move('deputy', 'rep-huadong-2', 'transfer', { geographyId: 99_999_999, reason: 'x' });
    expect(errorOf(unknown)).toEqual({ status: 400, code: 'org.referenceMissing', field: 'geographyId' });
    expect(await placement('rep-huadong-2')).toMatchObject({
      positionId: position('华东一区销售代表'),
      geographyId: geography('huadong-1-2'),
    });
  });
});

describe('ORG-6 leaving with a successor', () => {
  it('ORG-6 refuses the leaver as their own successor, or an unknown successor, naming successorUserId', async () => {
    const self = await move('deputy', 'rep-huadong-1', 'leave', { successorUserId: user('rep-huadong-1'), reason: 'x' });
    expect(errorOf(self)).toEqual({ status: 400, code: 'org.successorIsLeaver', field: 'successorUserId' });
    const unknown = await move('deputy', 'rep-huadong-1', 'leave', { successorUserId: 99_999_999, reason: 'x' });
    expect(errorOf(unknown)).toEqual({ status: 400, code: 'org.referenceMissing', field: 'successorUserId' });
    const missing = await move('deputy', 'rep-huadong-1', 'leave', { reason: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields.map((f: { field: string }) => f.field)).toContain('successorUserId');
    expect((await placement('rep-huadong-1'))?.status).toBe('active');
  });

  it("ORG-6 hands the leaver's territory and registered records to the successor; the leaver is signed out for good", async () => {
    const session = await t.as('rep-huadong-1', { method: 'GET', url: '/api/org/authority' });
    expect(session.statusCode).toBe(200);

    const response = await move('deputy', 'rep-huadong-1', 'leave', { successorUserId: user('rep-huadong-2'), reason: '个人原因' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'leave',
      fromPositionName: newSupervisor,
      fromGeographyName: '华东一区1片',
      successorUserId: user('rep-huadong-2'),
      handover: { geography: 1, department: 0, testRecord: 2 },
    });

    const [territory] = await t.database.db
      .select({ owner: geographies.ownerUserId })
      .from(geographies)
      .where(eq(geographies.code, 'huadong-1-1'));
    expect(territory?.owner).toBe(user('rep-huadong-2'));
    const owned = await selectRows<{ owner_user_id: string | number }>(t.database.db, sql`SELECT owner_user_id FROM test_owned_records`);
    expect(owned.map((row) => Number(row.owner_user_id))).toEqual([user('rep-huadong-2'), user('rep-huadong-2'), user('rep-huadong-2')]);

    expect(await placement('rep-huadong-1')).toMatchObject({ status: 'left', positionId: null });
    expect((await placement('rep-huadong-1'))?.leftAt).toBeInstanceOf(Date);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'rep-huadong-1', password: demoPassword },
    });
    expect(login.statusCode).toBe(401);
    expect((await t.as('rep-huadong-1', { method: 'GET', url: '/api/org/authority' })).statusCode).toBe(401);
  });

  it('ORG-6 frees the leaver seat for the next promotion', async () => {
    const response = await move('deputy', 'rep-huadong-2', 'promote', { positionId: position(newSupervisor), reason: '接任' });
    expect(response.statusCode).toBe(200);
  });

  it('ORG-6 refuses a leaver as successor, and a second departure', async () => {
    const leftSuccessor = await move('deputy', 'rep-huadong-3', 'leave', { successorUserId: user('rep-huadong-1'), reason: 'x' });
    expect(errorOf(leftSuccessor)).toMatchObject({ status: 409, code: 'org.userLeft', field: 'successorUserId' });
    const again = await move('deputy', 'rep-huadong-1', 'leave', { successorUserId: user('rep-huadong-3'), reason: 'x' });
    expect(errorOf(again)).toMatchObject({ status: 409, code: 'org.userLeft' });
    expect((await placement('rep-huadong-3'))?.status).toBe('active');
  });
});

describe('ORG-6 history, permissions and audit', () => {
  it('ORG-6 lists a career newest first with names, paged', async () => {
    const response = await t.as('director', { method: 'GET', url: `/api/org/users/${user('rep-huadong-1')}/moves` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(3);
    expect(body.items.map((m: { kind: string }) => m.kind)).toEqual(['leave', 'promote', 'hire']);
    const [successor] = await t.database.db
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, user('rep-huadong-2')));
    expect(body.items[0]).toMatchObject({ successorName: successor?.name, reason: '个人原因' });
    expect(body.items[2]).toMatchObject({ toPositionName: '华东一区销售代表', toGeographyName: '华东一区1片' });

    const paged = await t.as('director', { method: 'GET', url: `/api/org/users/${user('rep-huadong-1')}/moves?limit=1&offset=1` });
    expect(paged.json()).toMatchObject({ total: 3, items: [{ kind: 'promote' }] });
  });

  it('ORG-6 answers 404 for a person outside the data scope, even with moves.manage', async () => {
    const target = 'rep-huabei-1';
    expect((await move('am-huadong-1', target, 'promote', { positionId: position(newSupervisor), reason: 'x' })).statusCode).toBe(404);
    expect((await move('am-huadong-1', target, 'transfer', { geographyId: geography('huadong-1'), reason: 'x' })).statusCode).toBe(404);
    expect((await move('am-huadong-1', target, 'leave', { successorUserId: user('rep-huadong-2'), reason: 'x' })).statusCode).toBe(404);
    expect((await t.as('am-huadong-1', { method: 'GET', url: `/api/org/users/${user(target)}/moves` })).statusCode).toBe(404);
    // In scope she may act, but not hand records to someone she cannot see.
    expect((await t.as('am-huadong-1', { method: 'GET', url: `/api/org/users/${user('rep-huadong-3')}/moves` })).statusCode).toBe(200);
    const outsideSuccessor = await move('am-huadong-1', 'rep-huadong-3', 'leave', { successorUserId: user(target), reason: 'x' });
    expect(errorOf(outsideSuccessor)).toEqual({ status: 400, code: 'org.referenceMissing', field: 'successorUserId' });
    expect((await placement(target))?.status).toBe('active');
  });

  it('ORG-6 refuses a rep without moves.manage (403)', async () => {
    const target = 'rep-huadong-4';
    expect((await move('rep-huadong-3', target, 'promote', { positionId: position(newSupervisor), reason: 'x' })).statusCode).toBe(403);
    expect((await move('rep-huadong-3', target, 'transfer', { geographyId: geography('huadong-1'), reason: 'x' })).statusCode).toBe(403);
    expect((await move('rep-huadong-3', target, 'leave', { successorUserId: user('rep-huadong-2'), reason: 'x' })).statusCode).toBe(403);
    expect((await t.as('rep-huadong-3', { method: 'GET', url: `/api/org/users/${user(target)}/moves` })).statusCode).toBe(403);
  });

  it('ORG-6 audits each move with the user before and after', async () => {
    const audit = await t.as('admin', { method: 'GET', url: `/api/audit?entity=user&entityId=${user('rep-huadong-1')}` });
    const rows = audit.json().items as { action: string; before: { status: string }; after: { status: string; move: { kind: string } } }[];
    expect(rows.map((row) => row.action)).toEqual(['leave', 'promote']);
    expect(rows[0]).toMatchObject({
      before: { status: 'active' },
      after: { status: 'left', move: { kind: 'leave', handover: { geography: 1 } } },
    });
    const transfers = await t.as('admin', { method: 'GET', url: `/api/audit?entity=user&entityId=${user('rep-huadong-3')}` });
    expect(transfers.json().items.map((row: { action: string }) => row.action)).toEqual(['transfer']);
  });
});
