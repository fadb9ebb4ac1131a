import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { pngBytes, uploadRequest } from '../../platform/files/upload.fixtures.js';
import { addDays, isoWeekStart, shanghaiDate } from '../../platform/time.js';
import { auditOf, createStore, userId } from './field.test-support.js';

let t: TestApp;
let store: number;
let huabeiStore: number;
let rep1: number;

const hourMs = 3_600_000;
const today = () => shanghaiDate(new Date());
const countVisits = async () =>
  Number((await selectRows<{ n: string | number }>(t.database.db, sql`SELECT count(*) AS n FROM visits`))[0]?.n);
const followUpOf = async (accountId: number) =>
  (
    await selectRows<{ at: Date | string | null }>(t.database.db, sql`SELECT last_follow_up_at AS at FROM accounts WHERE id = ${accountId}`)
  )[0]?.at;

beforeAll(async () => {
  t = await createTestApp();
  store = await createStore(t.database.db, { owner: 'rep-huadong-1', geography: 'huadong-1-1', grade: 'A' });
  huabeiStore = await createStore(t.database.db, { owner: 'rep-huabei-1', geography: 'huabei-1-1', grade: 'B' });
  rep1 = await userId(t.database.db, 'rep-huadong-1');
});
afterAll(() => t.close());

const record = (username: string, payload: Record<string, unknown>) =>
  t.as(username, { method: 'POST', url: '/api/field/visits', payload });

describe('CUS-4 recording a done visit', () => {
  it('CUS-4 records an onsite visit with GPS and a photo, audits it and restarts the pool clock', async () => {
    const upload = await t.as('rep-huadong-1', uploadRequest({ name: '门头.png', type: 'image/png', bytes: pngBytes }));
    expect(upload.statusCode).toBe(201);
    const checkedInAt = new Date(Date.now() - 2 * hourMs).toISOString();
    const response = await record('rep-huadong-1', {
      accountId: store,
      kind: 'onsite',
      checkedInAt,
      latitude: 31.230416,
      longitude: 121.473701,
      purpose: '新品推荐',
      result: '店主同意试销 1 箱',
      nextStep: '下周回访',
      attachmentIds: [upload.json().id],
    });
    expect(response.statusCode).toBe(201);
    const visit = response.json();
    expect(visit).toMatchObject({
      accountId: store,
      repUserId: rep1,
      kind: 'onsite',
      status: 'done',
      latitude: 31.230416,
      longitude: 121.473701,
      visitDate: shanghaiDate(new Date(checkedInAt)),
      plannedFor: null,
      attachmentCount: 1,
    });
    expect(new Date(visit.checkedInAt).toISOString()).toBe(checkedInAt);
    expect(visit.attachments).toHaveLength(1);
    expect(new Date((await followUpOf(store)) as string).toISOString()).toBe(checkedInAt);

    const audit = await auditOf(t.database.db, 'visit', visit.id);
    expect(audit.map((a) => a.action)).toEqual(['record']);
    expect(Number(audit[0]?.actor_user_id)).toBe(rep1);

    // The photo is visible to whoever sees the visit (the area manager), not to another market.
    expect((await t.as('am-huadong-1', { method: 'GET', url: `/api/files/${upload.json().id}` })).statusCode).toBe(200);
    expect((await t.as('rep-huabei-1', { method: 'GET', url: `/api/files/${upload.json().id}` })).statusCode).toBe(404);
  });

  it('CUS-4 a later visit moves the follow-up clock forward, an earlier back-dated one does not move it back', async () => {
    const later = new Date(Date.now() - 60_000).toISOString();
    expect((await record('rep-huadong-1', { accountId: store, kind: 'onsite', checkedInAt: later, result: '补货' })).statusCode).toBe(201);
    expect(new Date((await followUpOf(store)) as string).toISOString()).toBe(later);
    const earlier = new Date(Date.now() - 3 * 24 * hourMs).toISOString();
    expect((await record('rep-huadong-1', { accountId: store, kind: 'onsite', checkedInAt: earlier, result: '补录' })).statusCode).toBe(
      201,
    );
    expect(new Date((await followUpOf(store)) as string).toISOString()).toBe(later);
  });

  it('CUS-4 checks in now when no time is given; a phone visit is its own kind', async () => {
    const before = Date.now();
    const response = await record('rep-huadong-1', { accountId: store, kind: 'phone', result: '电话确认订单' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'phone', status: 'done', latitude: null, visitDate: today() });
    expect(new Date(response.json().checkedInAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('CUS-4 names each bad field and writes nothing', async () => {
    const before = await countVisits();
    const cases: [Record<string, unknown>, string][] = [
      [{ accountId: store, kind: 'onsite' }, 'result'],
      [{ accountId: store, kind: 'onsite', result: '   ' }, 'result'],
      [{ accountId: store, kind: 'visit', result: 'x' }, 'kind'],
      [{ kind: 'onsite', result: 'x' }, 'accountId'],
      [{ accountId: store, kind: 'onsite', result: 'x', latitude: 91, longitude: 120 }, 'latitude'],
      [{ accountId: store, kind: 'onsite', result: 'x', latitude: 30, longitude: -181 }, 'longitude'],
      [{ accountId: store, kind: 'onsite', result: 'x', checkedInAt: 'yesterday' }, 'checkedInAt'],
      [{ accountId: store, kind: 'onsite', result: 'x', purpose: 'p'.repeat(501) }, 'purpose'],
      [{ accountId: store, kind: 'onsite', result: 'x', color: 'red' }, 'color'],
    ];
    for (const [payload, field] of cases) {
      const response = await record('rep-huadong-1', payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.code).toBe('platform.validation');
      expect(response.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await countVisits()).toBe(before);
  });

  it('CUS-4 refuses a latitude without its longitude, naming the missing one', async () => {
    const response = await record('rep-huadong-1', { accountId: store, kind: 'onsite', result: 'x', latitude: 30 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'field.positionIncomplete', details: { field: 'longitude' } });
  });

  it('CUS-4 refuses a check-in in the future or older than 7 days, in the caller’s language', async () => {
    const before = await countVisits();
    const future = await t.as('rep-huadong-1', {
      method: 'POST',
      url: '/api/field/visits',
      headers: { 'accept-language': 'en' },
      payload: { accountId: store, kind: 'onsite', result: 'x', checkedInAt: new Date(Date.now() + hourMs).toISOString() },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'field.checkInInFuture', details: { field: 'checkedInAt' } });
    expect(future.json().error.message).toMatch(/^checkedInAt cannot be later than now/);
    const old = await record('rep-huadong-1', {
      accountId: store,
      kind: 'onsite',
      result: 'x',
      checkedInAt: new Date(Date.now() - 8 * 24 * hourMs).toISOString(),
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().error).toMatchObject({ code: 'field.checkInTooOld', details: { field: 'checkedInAt' } });
    expect(old.json().error.message).toContain('7 天前');
    expect(await countVisits()).toBe(before);
  });

  it('CUS-4 an account out of the rep’s scope answers 404 and writes nothing', async () => {
    const before = await countVisits();
    const response = await record('rep-huadong-1', { accountId: huabeiStore, kind: 'onsite', result: 'x' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('platform.notFound');
    expect((await record('rep-huadong-1', { accountId: 999_999_999, kind: 'onsite', result: 'x' })).statusCode).toBe(404);
    expect(await countVisits()).toBe(before);
  });

  it('CUS-4 a user without the permission gets 403', async () => {
    const response = await record('finance', { accountId: store, kind: 'onsite', result: 'x' });
    expect(response.statusCode).toBe(403);
    expect((await t.as('finance', { method: 'GET', url: '/api/field/visits' })).statusCode).toBe(403);
  });
});

describe('CUS-4 planned visits: plan, check in, cancel', () => {
  const tomorrow = () => addDays(today(), 1);
  const plan = (username: string, payload: Record<string, unknown>) =>
    t.as(username, { method: 'POST', url: '/api/field/visits/planned', payload });

  it('CUS-4 plans a visit into the rep’s plan of that ISO week, then checks it in on the day it happens', async () => {
    const planned = await plan('rep-huadong-1', { accountId: store, kind: 'onsite', plannedFor: tomorrow(), purpose: '陈列检查' });
    expect(planned.statusCode).toBe(201);
    const visit = planned.json();
    expect(visit).toMatchObject({ status: 'planned', plannedFor: tomorrow(), visitDate: tomorrow(), checkedInAt: null });
    expect(visit.planId).toBeGreaterThan(0);
    const weekPlan = (await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/visit-plans/${visit.planId}` })).json();
    expect(weekPlan).toMatchObject({ weekStart: isoWeekStart(tomorrow()), repUserId: rep1, status: expect.any(String) });
    expect(weekPlan.visits.map((v: { id: number }) => v.id)).toContain(visit.id);

    const followUpBefore = await followUpOf(store);
    const checkedIn = await t.as('rep-huadong-1', {
      method: 'POST',
      url: `/api/field/visits/${visit.id}/check-in`,
      payload: { result: '陈列达标', latitude: 31.2, longitude: 121.4 },
    });
    expect(checkedIn.statusCode).toBe(200);
    expect(checkedIn.json()).toMatchObject({
      status: 'done',
      plannedFor: tomorrow(),
      visitDate: today(),
      purpose: '陈列检查',
      latitude: 31.2,
    });
    expect(new Date((await followUpOf(store)) as string).getTime()).toBeGreaterThan(new Date(followUpBefore as string).getTime());
    expect((await auditOf(t.database.db, 'visit', visit.id)).map((a) => a.action)).toEqual(['plan', 'check_in']);

    const again = await t.as('rep-huadong-1', { method: 'POST', url: `/api/field/visits/${visit.id}/check-in`, payload: { result: 'x' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('field.notPlanned');
  });

  it('CUS-4 refuses a planned day in the past and a planned visit to an account out of scope', async () => {
    const past = await plan('rep-huadong-1', { accountId: store, kind: 'onsite', plannedFor: addDays(today(), -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'field.plannedInPast', details: { field: 'plannedFor' } });
    const bad = await plan('rep-huadong-1', { accountId: store, kind: 'onsite', plannedFor: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('plannedFor');
    expect((await plan('rep-huadong-1', { accountId: huabeiStore, kind: 'onsite', plannedFor: tomorrow() })).statusCode).toBe(404);
  });

  it('CUS-4 only the visitor checks in or cancels: out of scope 404, in scope but someone else’s 403', async () => {
    const visit = (await plan('rep-huadong-1', { accountId: store, kind: 'phone', plannedFor: tomorrow() })).json();
    const cancel = (username: string, reason = '店主外出') =>
      t.as(username, { method: 'POST', url: `/api/field/visits/${visit.id}/cancel`, payload: { reason } });
    expect((await cancel('rep-huadong-2')).statusCode).toBe(404);
    const manager = await cancel('am-huadong-1');
    expect(manager.statusCode).toBe(403);
    expect(manager.json().error.code).toBe('field.notVisitor');
    const empty = await cancel('rep-huadong-1', ' ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields[0].field).toBe('reason');
    const done = await cancel('rep-huadong-1');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'cancelled', cancelReason: '店主外出', checkedInAt: null });
    const checkIn = await t.as('rep-huadong-1', {
      method: 'POST',
      url: `/api/field/visits/${visit.id}/check-in`,
      payload: { result: 'x' },
    });
    expect(checkIn.statusCode).toBe(409);
    expect((await auditOf(t.database.db, 'visit', visit.id)).map((a) => a.action)).toEqual(['plan', 'cancel']);
  });
});

describe('CUS-4 weekly visit plans', () => {
  // Far enough ahead that no demo plan or other test uses the week.
  const monday = isoWeekStart(addDays(today(), 28));

  it('CUS-4 opens a plan for a Monday only, once per week; submits it with visits; a manager sees the team’s', async () => {
    const notMonday = await t.as('rep-huadong-2', {
      method: 'POST',
      url: '/api/field/visit-plans',
      payload: { weekStart: addDays(monday, 2) },
    });
    expect(notMonday.statusCode).toBe(400);
    expect(notMonday.json().error).toMatchObject({ code: 'field.notMonday', details: { field: 'weekStart' } });

    const created = await t.as('rep-huadong-2', {
      method: 'POST',
      url: '/api/field/visit-plans',
      payload: { weekStart: monday, note: '重点客户' },
    });
    expect(created.statusCode).toBe(201);
    const planId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', note: '重点客户', plannedCount: 0, visits: [] });
    const twice = await t.as('rep-huadong-2', { method: 'POST', url: '/api/field/visit-plans', payload: { weekStart: monday } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('field.planExists');

    const empty = await t.as('rep-huadong-2', { method: 'POST', url: `/api/field/visit-plans/${planId}/submit` });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.code).toBe('field.planEmpty');

    const own = await createStore(t.database.db, { owner: 'rep-huadong-2', geography: 'huadong-1-2', grade: 'C' });
    const planned = await t.as('rep-huadong-2', {
      method: 'POST',
      url: '/api/field/visits/planned',
      payload: { accountId: own, kind: 'onsite', plannedFor: addDays(monday, 1) },
    });
    expect(planned.json().planId).toBe(planId);
    expect(
      (await t.as('am-huadong-1', { method: 'PATCH', url: `/api/field/visit-plans/${planId}`, payload: { note: 'x' } })).statusCode,
    ).toBe(403);
    const submitted = await t.as('rep-huadong-2', { method: 'POST', url: `/api/field/visit-plans/${planId}/submit` });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', plannedCount: 1 });
    const edit = await t.as('rep-huadong-2', { method: 'PATCH', url: `/api/field/visit-plans/${planId}`, payload: { note: '改' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('field.planSubmitted');
    expect((await auditOf(t.database.db, 'visit_plan', planId)).map((a) => a.action)).toEqual(['create', 'submit']);

    const team = await t.as('am-huadong-1', { method: 'GET', url: `/api/field/visit-plans?from=${monday}&to=${monday}` });
    expect(team.json().items.map((p: { id: number }) => p.id)).toContain(planId);
    expect((await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/visit-plans/${planId}` })).statusCode).toBe(404);
    expect((await t.as('am-huadong-2', { method: 'GET', url: `/api/field/visit-plans/${planId}` })).statusCode).toBe(404);
    expect((await t.as('mm-huadong', { method: 'GET', url: `/api/field/visit-plans/${planId}` })).statusCode).toBe(200);
  });
});

describe('CUS-4 visit lists and calendar', () => {
  it('CUS-4 lists within scope with filters: the rep sees own, the manager the team, another market nothing', async () => {
    const mine = (await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/visits?accountId=${store}&limit=200` })).json();
    expect(mine.total).toBeGreaterThanOrEqual(5);
    expect(mine.items.every((v: { repUserId: number }) => v.repUserId === rep1)).toBe(true);
    const phone = (
      await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/visits?accountId=${store}&kind=phone&status=done` })
    ).json();
    expect(phone.items.map((v: { kind: string; status: string }) => `${v.kind}/${v.status}`)).toEqual(['phone/done']);
    const manager = (await t.as('am-huadong-1', { method: 'GET', url: `/api/field/visits?accountId=${store}&limit=200` })).json();
    expect(manager.total).toBe(mine.total);
    const peer = (await t.as('rep-huadong-2', { method: 'GET', url: `/api/field/visits?accountId=${store}` })).json();
    expect(peer.total).toBe(0);
    const otherMarket = (await t.as('mm-huabei', { method: 'GET', url: `/api/field/visits?accountId=${store}` })).json();
    expect(otherMarket.total).toBe(0);
    const range = (
      await t.as('rep-huadong-1', {
        method: 'GET',
        url: `/api/field/visits?accountId=${store}&from=${today()}&to=${today()}&sort=checkedInAt&order=asc`,
      })
    ).json();
    expect(range.items.every((v: { visitDate: string }) => v.visitDate === today())).toBe(true);
    expect((await t.as('rep-huadong-1', { method: 'GET', url: '/api/field/visits?limit=201' })).statusCode).toBe(400);
  });

  it('CUS-4 the calendar gives one rep’s visits of a week or month day by day, within scope', async () => {
    const from = addDays(today(), -7);
    const to = addDays(today(), 7);
    const calendar = (
      await t.as('am-huadong-1', { method: 'GET', url: `/api/field/visits/calendar?repUserId=${rep1}&from=${from}&to=${to}` })
    ).json();
    expect(calendar.repUserId).toBe(rep1);
    const days = calendar.days.map((d: { date: string }) => d.date);
    expect(days).toEqual([...days].sort());
    expect(days).toContain(today());
    expect(
      calendar.days.flatMap((d: { visits: { repUserId: number }[] }) => d.visits).every((v: { repUserId: number }) => v.repUserId === rep1),
    ).toBe(true);
    const outside = (
      await t.as('rep-huadong-2', { method: 'GET', url: `/api/field/visits/calendar?repUserId=${rep1}&from=${from}&to=${to}` })
    ).json();
    expect(outside.days).toEqual([]);
    const tooLong = await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/visits/calendar?from=${from}&to=${addDays(from, 42)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({ code: 'field.rangeTooLong', details: { field: 'to' } });
    const reversed = await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/visits/calendar?from=${to}&to=${from}` });
    expect(reversed.json().error.code).toBe('field.rangeReversed');
  });

  it('CUS-4 a visit out of scope reads as 404', async () => {
    const visit = (await t.as('rep-huadong-1', { method: 'GET', url: `/api/field/visits?accountId=${store}&limit=1` })).json().items[0];
    expect((await t.as('am-huadong-1', { method: 'GET', url: `/api/field/visits/${visit.id}` })).statusCode).toBe(200);
    expect((await t.as('am-huadong-2', { method: 'GET', url: `/api/field/visits/${visit.id}` })).statusCode).toBe(404);
  });
});
