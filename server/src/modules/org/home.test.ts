import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Home {
  user: { id: number; username: string; displayName: string };
  position: { name: string; ladder: string; departmentName: string; duties: string } | null;
  superiors: { positionName: string; users: { id: number; displayName: string }[] }[];
  subordinates: { positionName: string; ladder: string; users: { id: number; displayName: string }[] }[];
  geography: { name: string; kind: string; parentName: string | null } | null;
  ownedGeographies: { name: string; kind: string }[];
  pendingPolicies: { id: number; code: string; title: string; version: string; effectiveDate: string | null }[];
}

async function homeOf(username: string): Promise<Home> {
  const response = await t.as(username, { method: 'GET', url: '/api/me/home' });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('home page', () => {
  it("shows a rep's position, the reporting line up to the top, and geography", async () => {
    const home = await homeOf('rep-huadong-1');
    expect(home.user.username).toBe('rep-huadong-1');
    expect(home.position).toMatchObject({ name: '华东一区销售代表', ladder: 'representative', departmentName: '华东大区' });
    expect(home.position?.duties).toContain('拜访');
    expect(home.superiors.map((s) => s.positionName)).toEqual(['华东一区区域经理', '华东市场经理', '销售副总监', '销售总监', '总经理']);
    expect(home.superiors.every((s) => s.users.length === 1)).toBe(true);
    expect(home.subordinates).toEqual([]);
    expect(home.geography).toMatchObject({ kind: 'territory', parentName: '华东一区' });
    expect(home.ownedGeographies.map((g) => g.kind)).toEqual(['territory']);
  });

  it("shows an area manager's direct reports with their holders", async () => {
    const home = await homeOf('am-huadong-1');
    expect(home.subordinates).toHaveLength(1);
    expect(home.subordinates[0]).toMatchObject({ positionName: '华东一区销售代表', ladder: 'representative' });
    expect(home.subordinates[0]?.users).toHaveLength(2);
    expect(home.superiors[0]?.positionName).toBe('华东市场经理');
  });

  it('lists the four markets the deputy owns', async () => {
    const home = await homeOf('deputy');
    expect(home.ownedGeographies).toEqual([
      expect.objectContaining({ name: '山东', kind: 'market' }),
      expect.objectContaining({ name: '华东', kind: 'market' }),
      expect.objectContaining({ name: '华南', kind: 'market' }),
      expect.objectContaining({ name: '西南', kind: 'market' }),
    ]);
    expect(home.superiors.map((s) => s.positionName)).toEqual(['销售总监', '总经理']);
  });

  it('answers for users without a position or superior', async () => {
    const admin = await homeOf('admin');
    expect(admin).toMatchObject({ position: null, superiors: [], subordinates: [], geography: null, ownedGeographies: [] });
    const gm = await homeOf('gm');
    expect(gm.superiors).toEqual([]);
    expect(gm.subordinates.map((s) => s.positionName)).toEqual(expect.arrayContaining(['销售总监', '市场部经理', '财务经理']));
  });

  it('ORG-7 shows policies waiting for acknowledgement until they are acknowledged', async () => {
    for (const username of ['rep-huadong-1', 'am-huadong-1', 'director']) {
      const pending = (await homeOf(username)).pendingPolicies;
      expect(pending).toContainEqual(expect.objectContaining({ code: 'SAL-001', title: '销售人员拜访管理制度', version: 'V1.0' }));
    }
    const visitRules = (await homeOf('rep-huadong-1')).pendingPolicies.find((p) => p.code === 'SAL-001');
    const ack = await t.as('rep-huadong-1', { method: 'POST', url: `/api/org/policies/${visitRules?.id}/acknowledge` });
    expect(ack.statusCode).toBe(200);
    expect((await homeOf('rep-huadong-1')).pendingPolicies.map((p) => p.code)).not.toContain('SAL-001');
    expect((await homeOf('am-huadong-1')).pendingPolicies.map((p) => p.code)).toContain('SAL-001');
  });

  it('demands sign-in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me/home' });
    expect(response.statusCode).toBe(401);
  });
});
