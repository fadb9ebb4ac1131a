import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { addDays, isoWeekStart, shanghaiDate } from '../../platform/time.js';
import { auditOf, createStore, userId } from './field.test-support.js';

let t: TestApp;
const today = () => shanghaiDate(new Date());
const write = (username: string, date: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.as(username, { method: 'PUT', url: `/api/field/work-logs/mine/${date}`, payload, headers });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('CUS-6 writing the daily work log', () => {
  it('CUS-6 one log per user and day: writing again corrects the same log, both audited', async () => {
    await t.database.db.execute(sql`DELETE FROM work_log_comments WHERE log_id IN (SELECT id FROM work_logs
      WHERE user_id = ${await userId(t.database.db, 'rep-huadong-1')} AND log_date = ${today()})`);
    await t.database.db.execute(
      sql`DELETE FROM work_logs WHERE user_id = ${await userId(t.database.db, 'rep-huadong-1')} AND log_date = ${today()}`,
    );
    const first = await write('rep-huadong-1', today(), { progress: '拜访门店 3 家', problems: '竞品降价', helpNeeded: '促销物料' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      date: today(),
      progress: '拜访门店 3 家',
      problems: '竞品降价',
      helpNeeded: '促销物料',
      comments: [],
    });
    const second = await write('rep-huadong-1', today(), { progress: '拜访门店 4 家' });
    expect(second.json()).toMatchObject({ id: first.json().id, progress: '拜访门店 4 家', problems: '', helpNeeded: '' });
    expect((await auditOf(t.database.db, 'work_log', first.json().id)).map((a) => a.action)).toEqual(['create', 'update']);
    const duplicate = t.database.db.execute(
      sql`INSERT INTO work_logs (user_id, log_date, progress) VALUES (${first.json().userId}, ${today()}, 'again')`,
    );
    await expect(duplicate).rejects.toThrow();
    const mine = await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/work-logs/mine/${today()}` });
    expect(mine.json().id).toBe(first.json().id);
  });

  it('CUS-6 names each bad field and writes nothing', async () => {
    const count = async () => (await selectRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM work_logs`))[0]?.n;
    const before = await count();
    for (const [payload, field] of [
      [{}, 'progress'],
      [{ progress: '  ' }, 'progress'],
      [{ progress: 'x', problems: 'p'.repeat(4001) }, 'problems'],
      [{ progress: 'x', mood: 'good' }, 'mood'],
    ] as const) {
      const response = await write('rep-huadong-1', today(), payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const badDate = await write('rep-huadong-1', '2026-02-30x', { progress: 'x' });
    expect(badDate.json().error.details.fields[0].field).toBe('date');
    const future = await write('rep-huadong-1', addDays(today(), 1), { progress: 'x' }, { 'accept-language': 'en' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'field.logDateInFuture', details: { field: 'date' } });
    expect(future.json().error.message).toMatch(/^date cannot be after today/);
    const old = await write('rep-huadong-1', addDays(today(), -8), { progress: 'x' });
    expect(old.json().error).toMatchObject({ code: 'field.logDateTooOld', details: { field: 'date' } });
    expect(await count()).toBe(before);
  });

  it('CUS-6 the day’s visits are linked by date, including one recorded after the log was written', async () => {
    const store = await createStore(t.database.db, { owner: 'rep-huadong-1', geography: 'huadong-1-1', grade: 'A' });
    await write('rep-huadong-1', today(), { progress: '上午巡店' });
    const visit = await t.as('rep-huadong-1', {
      method: 'POST',
      url: '/api/field/visits',
      payload: { accountId: store, kind: 'onsite', result: '补货' },
    });
    expect(visit.statusCode).toBe(201);
    const log = (await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/work-logs/mine/${today()}` })).json();
    expect(log.visits.map((v: { id: number }) => v.id)).toContain(visit.json().id);
    expect(log.visits.every((v: { visitDate: string; repUserId: number }) => v.visitDate === today() && v.repUserId === log.userId)).toBe(
      true,
    );
    expect(log.doneVisitCount).toBe(log.visits.filter((v: { status: string }) => v.status === 'done').length);
  });

  it('CUS-6 my log of a day without one reads as 404; writing needs the permission', async () => {
    const sunday = addDays(isoWeekStart(today()), -1);
    await t.database.db.execute(
      sql`DELETE FROM work_logs WHERE log_date = ${sunday} AND user_id = ${await userId(t.database.db, 'rep-huadong-2')}`,
    );
    expect((await t.as('rep-huadong-2', { method: 'GET', url: `/api/field/work-logs/mine/${sunday}` })).statusCode).toBe(404);
    expect((await write('finance', today(), { progress: 'x' })).statusCode).toBe(403);
  });
});

describe('CUS-6 review: reading and commenting', () => {
  let logId: number;

  beforeAll(async () => {
    logId = (await write('rep-huadong-1', today(), { progress: '拜访门店 2 家', helpNeeded: '需要试吃活动' })).json().id;
  });

  it('CUS-6 the direct superior and the market manager comment; the author is notified; audited', async () => {
    const comment = await t.as('am-huadong-1', {
      method: 'POST',
      url: `/api/field/work-logs/${logId}/comments`,
      payload: { body: ' 收到，周五前汇报 ' },
    });
    expect(comment.statusCode).toBe(201);
    const mm = await t.as('mm-huadong', {
      method: 'POST',
      url: `/api/field/work-logs/${logId}/comments`,
      payload: { body: '试吃活动可以申请' },
    });
    expect(mm.statusCode).toBe(201);
    const bodies = mm.json().comments.map((c: { body: string }) => c.body);
    expect(bodies.slice(-2)).toEqual(['收到，周五前汇报', '试吃活动可以申请']);
    expect(mm.json().commentCount).toBe(mm.json().comments.length);
    const notes = (await t.as('rep-huadong-1', { method: 'GET', url: '/api/notifications?limit=5' })).json();
    expect(notes.items[0].kind).toBe('field.work_log.comment');
    const mine = (await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/work-logs/mine/${today()}` })).json();
    expect(mine.comments.map((c: { body: string }) => c.body)).toEqual(expect.arrayContaining(['收到，周五前汇报']));
    const id = mm.json().comments.at(-1).id;
    expect((await auditOf(t.database.db, 'work_log_comment', id)).map((a) => a.action)).toEqual(['create']);
  });

  it('CUS-6 a peer cannot comment (403), another team cannot see the log (404), a non-superior reviewer is refused (403)', async () => {
    const count = async () =>
      (await selectRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM work_log_comments WHERE log_id = ${logId}`))[0]?.n;
    const before = await count();
    const comment = (username: string) =>
      t.as(username, { method: 'POST', url: `/api/field/work-logs/${logId}/comments`, payload: { body: '点评' } });
    expect((await comment('rep-huadong-2')).statusCode).toBe(403);
    expect((await comment('am-huadong-2')).statusCode).toBe(404);
    expect((await t.as('am-huadong-2', { method: 'GET', url: `/api/field/work-logs/${logId}` })).statusCode).toBe(404);
    // The sales support lead sees everything but is nobody's superior in the sales line.
    await t.database.db.execute(sql`INSERT INTO position_permissions (position_id, permission)
      SELECT position_id, 'field.logs.review' FROM users WHERE username = 'ssg'`);
    const ssg = await comment('ssg');
    expect(ssg.statusCode).toBe(403);
    expect(ssg.json().error.code).toBe('field.notSuperior');
    const empty = await t.as('am-huadong-1', { method: 'POST', url: `/api/field/work-logs/${logId}/comments`, payload: { body: ' ' } });
    expect(empty.json().error.details.fields[0].field).toBe('body');
    expect(await count()).toBe(before);
  });

  it('CUS-6 the log list stays within scope; a rep cannot list the team’s logs', async () => {
    const team = (
      await t.as('am-huadong-1', { method: 'GET', url: `/api/field/work-logs?from=${today()}&to=${today()}&limit=200` })
    ).json();
    const allowed = await Promise.all(['am-huadong-1', 'rep-huadong-1', 'rep-huadong-2'].map((u) => userId(t.database.db, u)));
    expect(team.items.map((l: { id: number }) => l.id)).toContain(logId);
    expect(team.items.every((l: { userId: number }) => allowed.includes(l.userId))).toBe(true);
    const detail = (await t.as('director', { method: 'GET', url: `/api/field/work-logs/${logId}` })).json();
    expect(detail).toMatchObject({ id: logId, helpNeeded: '需要试吃活动' });
    expect((await t.as('rep-huadong-1', { method: 'GET', url: '/api/field/work-logs' })).statusCode).toBe(403);
  });
});

describe('CUS-6 missing logs', () => {
  it('CUS-6 lists per team member the working days without a log; weekends do not count', async () => {
    const monday = addDays(isoWeekStart(today()), -7);
    const friday = addDays(monday, 4);
    const sunday = addDays(monday, 6);
    const team = ['am-huadong-1', 'rep-huadong-1', 'rep-huadong-2'];
    const ids = await Promise.all(team.map((u) => userId(t.database.db, u)));
    const idList = `{${ids.join(',')}}`;
    await t.database.db.execute(sql`DELETE FROM work_log_comments WHERE log_id IN (SELECT id FROM work_logs
      WHERE user_id = ANY(${idList}::bigint[]) AND log_date BETWEEN ${monday} AND ${sunday})`);
    await t.database.db.execute(
      sql`DELETE FROM work_logs WHERE user_id = ANY(${idList}::bigint[]) AND log_date BETWEEN ${monday} AND ${sunday}`,
    );
    await t.database.db.execute(sql`INSERT INTO work_logs (user_id, log_date, progress) VALUES
      (${ids[1]}, ${monday}, '巡店'), (${ids[1]}, ${addDays(monday, 1)}, '巡店'), (${ids[0]}, ${friday}, '周会'), (${ids[2]}, ${sunday}, '加班')`);

    const response = await t.as('am-huadong-1', { method: 'GET', url: `/api/field/work-logs/missing?from=${monday}&to=${sunday}` });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ from: monday, to: sunday, workingDays: 5, writers: 3, missingTotal: 4 + 3 + 5 });
    const byName = new Map(report.items.map((row: { username: string; missingDates: string[] }) => [row.username, row.missingDates]));
    expect(byName.get('rep-huadong-2')).toEqual([0, 1, 2, 3, 4].map((n) => addDays(monday, n)));
    expect(byName.get('rep-huadong-1')).toEqual([2, 3, 4].map((n) => addDays(monday, n)));
    expect(byName.get('am-huadong-1')).toEqual([0, 1, 2, 3].map((n) => addDays(monday, n)));
    expect(report.items[0].username).toBe('rep-huadong-2');

    const market = (await t.as('mm-huadong', { method: 'GET', url: `/api/field/work-logs/missing?from=${monday}&to=${sunday}` })).json();
    expect(market.writers).toBeGreaterThan(3);
    expect(market.items.every((row: { username: string }) => /^(rep|am)-huadong-/.test(row.username))).toBe(true);
  });

  it('CUS-6 stops counting at today and refuses a reversed or too long range, naming the field', async () => {
    const ahead = (
      await t.as('am-huadong-1', { method: 'GET', url: `/api/field/work-logs/missing?from=${today()}&to=${addDays(today(), 20)}` })
    ).json();
    expect(ahead.to).toBe(today());
    const reversed = await t.as('am-huadong-1', {
      method: 'GET',
      url: `/api/field/work-logs/missing?from=${today()}&to=${addDays(today(), -1)}`,
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toMatchObject({ code: 'field.rangeReversed', details: { field: 'to' } });
    const long = await t.as('am-huadong-1', {
      method: 'GET',
      url: `/api/field/work-logs/missing?from=${addDays(today(), -200)}&to=${today()}`,
    });
    expect(long.json().error.code).toBe('field.rangeTooLong');
    expect(
      (await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/work-logs/missing?from=${today()}&to=${today()}` })).statusCode,
    ).toBe(403);
  });
});
