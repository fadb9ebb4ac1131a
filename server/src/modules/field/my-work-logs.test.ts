import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { addDays, shanghaiDate } from '../../platform/time.js';
import { userId } from './field.test-support.js';

let t: TestApp;
const today = () => shanghaiDate(new Date());

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const mine = (username: string, query = '') => t.as(username, { method: 'GET', url: `/api/field/work-logs/mine?limit=200${query}` });

describe('CUS-6 my own work logs', () => {
  it('CUS-6 lists only the caller’s logs, newest day first, also for a manager who may read the team’s', async () => {
    const written = await t.as('rep-huadong-1', {
      method: 'PUT',
      url: `/api/field/work-logs/mine/${today()}`,
      payload: { progress: '今日拜访三家门店' },
    });
    expect(written.statusCode).toBe(200);
    const rep = await userId(t.database.db, 'rep-huadong-1');
    const page = (await mine('rep-huadong-1')).json();
    expect(page.items[0]).toMatchObject({ date: today(), progress: '今日拜访三家门店', userId: rep });
    expect(page.items.every((log: { userId: number }) => log.userId === rep)).toBe(true);
    const dates = page.items.map((log: { date: string }) => log.date);
    expect(dates).toEqual([...dates].sort().reverse());

    const manager = await userId(t.database.db, 'am-huadong-1');
    const team = (await t.as('am-huadong-1', { method: 'GET', url: '/api/field/work-logs?limit=200' })).json();
    expect(team.items.some((log: { userId: number }) => log.userId !== manager)).toBe(true);
    const own = (await mine('am-huadong-1')).json();
    expect(own.items.every((log: { userId: number }) => log.userId === manager)).toBe(true);
  });

  it('CUS-6 honours the date range; a bad day names the field; writing logs is needed', async () => {
    const yesterday = addDays(today(), -1);
    const page = (await mine('rep-huadong-1', `&from=${yesterday}&to=${yesterday}`)).json();
    expect(page.items.every((log: { date: string }) => log.date === yesterday)).toBe(true);
    const bad = await mine('rep-huadong-1', '&from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('from');
    expect((await mine('finance')).statusCode).toBe(403);
  });
});
