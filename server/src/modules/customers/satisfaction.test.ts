import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { addDays, shanghaiDate } from '../../platform/time.js';
import { accountsOwnedBy, countRows, newAccount } from './customers.test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const surveysUrl = (accountId: number) => `/api/customers/accounts/${accountId}/surveys`;
const post = (user: string, accountId: number, payload: object, headers: Record<string, string> = {}) =>
  t.as(user, { method: 'POST', url: surveysUrl(accountId), payload, headers });
const list = (user: string, accountId: number) => t.as(user, { method: 'GET', url: surveysUrl(accountId) });

const surveysOf = (accountId: number) => countRows(t, sql`SELECT count(*) AS n FROM account_surveys WHERE account_id = ${accountId}`);
const surveyAudits = (accountId: number) =>
  countRows(
    t,
    sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'account' AND entity_id = ${String(accountId)} AND action = 'survey.create'`,
  );

async function freshAccount(user: string, overrides: Record<string, unknown> = {}): Promise<number> {
  const created = await t.as(user, { method: 'POST', url: '/api/customers/accounts', payload: newAccount(overrides) });
  expect(created.statusCode).toBe(201);
  return created.json().id as number;
}

const valid = { surveyedOn: '2025-06-10', channel: 'visit', overallScore: 4 };

describe('CUS-10 satisfaction surveys', () => {
  it('CUS-10 records a survey with dimension scores and NPS answer, lists it newest first, with an audit row', async () => {
    const accountId = await freshAccount('rep-huadong-1');
    const first = await post('rep-huadong-1', accountId, {
      ...valid,
      productScore: 5,
      deliveryScore: 3,
      serviceScore: 4,
      priceScore: 2,
      wouldRecommend: 9,
      comment: '  送货及时  ',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      accountId,
      surveyedOn: '2025-06-10',
      channel: 'visit',
      overallScore: 4,
      productScore: 5,
      deliveryScore: 3,
      serviceScore: 4,
      priceScore: 2,
      wouldRecommend: 9,
      comment: '送货及时',
      surveyedByName: expect.any(String),
    });
    const today = shanghaiDate(new Date());
    const second = await post('rep-huadong-1', accountId, { surveyedOn: today, channel: 'phone', overallScore: 2 });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ productScore: null, wouldRecommend: null, comment: null });
    const listed = await list('rep-huadong-1', accountId);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((s: { surveyedOn: string }) => s.surveyedOn)).toEqual([today, '2025-06-10']);
    expect(await surveyAudits(accountId)).toBe(2);
    // The manager above the rep reads the same list.
    expect((await list('am-huadong-1', accountId)).json().items).toHaveLength(2);
  });

  it('CUS-10 the demo company has a few hundred surveys over the last six months', async () => {
    const since = addDays(shanghaiDate(new Date()), -183);
    expect(await countRows(t, sql`SELECT count(*) AS n FROM account_surveys WHERE surveyed_on >= ${since}`)).toBeGreaterThan(200);
  });

  it('CUS-10 bad inputs name the field, in zh-CN and en, and write nothing', async () => {
    const accountId = await freshAccount('rep-huadong-1');
    const cases: [object, string][] = [
      [{ ...valid, overallScore: 6 }, 'overallScore'],
      [{ ...valid, overallScore: 0 }, 'overallScore'],
      [{ ...valid, productScore: 7 }, 'productScore'],
      [{ ...valid, priceScore: 2.5 }, 'priceScore'],
      [{ ...valid, wouldRecommend: 11 }, 'wouldRecommend'],
      [{ ...valid, channel: 'email' }, 'channel'],
      [{ ...valid, surveyedOn: '2025-13-01' }, 'surveyedOn'],
    ];
    for (const [payload, field] of cases) {
      const zh = await post('rep-huadong-1', accountId, payload);
      expect(zh.statusCode).toBe(400);
      expect(zh.json().error.details.fields[0].field).toBe(field);
      expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      const en = await post('rep-huadong-1', accountId, payload, { 'accept-language': 'en' });
      expect(en.statusCode).toBe(400);
      expect(en.json().error.details.fields[0].field).toBe(field);
      expect(en.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const tomorrow = addDays(shanghaiDate(new Date()), 1);
    const future = await post('rep-huadong-1', accountId, { ...valid, surveyedOn: tomorrow });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'customers.surveyInFuture', details: { field: 'surveyedOn' } });
    expect(future.json().error.message).toContain('不能晚于今天');
    const futureEn = await post('rep-huadong-1', accountId, { ...valid, surveyedOn: tomorrow }, { 'accept-language': 'en' });
    expect(futureEn.json().error.message).toContain('cannot be later than today');
    expect(await surveysOf(accountId)).toBe(0);
    expect(await surveyAudits(accountId)).toBe(0);
  });

  it('CUS-10 an account outside the caller scope reads as 404 for list and record', async () => {
    const [huabei] = await accountsOwnedBy(t, 'rep-huabei-1', 1);
    if (!huabei) throw new Error('no huabei account');
    expect((await list('rep-huadong-1', huabei)).statusCode).toBe(404);
    expect((await post('rep-huadong-1', huabei, valid)).statusCode).toBe(404);
    expect((await list('rep-huabei-1', huabei)).statusCode).toBe(200);
    expect((await list('rep-huadong-1', 999_999_999)).statusCode).toBe(404);
    const before = await surveysOf(huabei);
    expect((await post('rep-huadong-1', huabei, valid)).statusCode).toBe(404);
    expect(await surveysOf(huabei)).toBe(before);
  });

  it('CUS-10 recording needs customers.accounts.write and reading needs customers.accounts.read', async () => {
    const accountId = await freshAccount('rep-huadong-1');
    // Finance may look customers up but not record surveys.
    expect((await list('finance', accountId)).statusCode).toBe(200);
    expect((await post('finance', accountId, valid)).statusCode).toBe(403);
    expect((await t.as('finance', { method: 'GET', url: '/api/customers/surveys/summary' })).statusCode).toBe(200);
    // Marketing holds no customers permission at all.
    expect((await list('marketing', accountId)).statusCode).toBe(403);
    expect((await t.as('marketing', { method: 'GET', url: '/api/customers/surveys/summary' })).statusCode).toBe(403);
    expect(await surveysOf(accountId)).toBe(0);
  });

  it('CUS-10 summary: average score and NPS (% promoters − % detractors) per account kind, within scope and dates', async () => {
    const store = await freshAccount('rep-huadong-2');
    const hotel = await freshAccount('rep-huadong-2', { kind: 'key_account' });
    // A date range no demo survey falls into, so only these rows count.
    const day = (n: number) => `2021-03-${String(n).padStart(2, '0')}`;
    const rows: [number, number, number | null][] = [
      [store, 5, 10], // promoter
      [store, 4, 9], // promoter
      [store, 3, 7], // passive
      [store, 2, 6], // detractor
      [store, 1, null], // no NPS answer
      [hotel, 5, 0], // detractor
    ];
    for (const [i, [accountId, overallScore, wouldRecommend]] of rows.entries()) {
      const created = await post('rep-huadong-2', accountId, {
        surveyedOn: day(i + 1),
        channel: 'questionnaire',
        overallScore,
        wouldRecommend,
      });
      expect(created.statusCode).toBe(201);
    }
    // Outside the range: must not count.
    expect(
      (await post('rep-huadong-2', store, { surveyedOn: '2021-04-01', channel: 'phone', overallScore: 1, wouldRecommend: 0 })).statusCode,
    ).toBe(201);
    const summary = (user: string) => t.as(user, { method: 'GET', url: '/api/customers/surveys/summary?from=2021-03-01&to=2021-03-31' });
    const mine = await summary('rep-huadong-2');
    expect(mine.statusCode).toBe(200);
    // 6 surveys, scores 20/6; 5 NPS answers: 2 promoters, 2 detractors → 0.
    expect(mine.json()).toMatchObject({ count: 6, averageScore: 3.33, npsAnswers: 5, nps: 0 });
    const byKind = Object.fromEntries(mine.json().byKind.map((k: { kind: string }) => [k.kind, k]));
    // Store: 4 answers, 2 promoters, 1 detractor → 25; hotel: 1 answer, a detractor → −100.
    expect(byKind.retail_store).toMatchObject({ count: 5, averageScore: 3, npsAnswers: 4, nps: 25 });
    expect(byKind.key_account).toMatchObject({ count: 1, averageScore: 5, npsAnswers: 1, nps: -100 });
    // Another market's rep sees none of them.
    expect((await summary('rep-huabei-1')).json()).toMatchObject({ count: 0, averageScore: null, nps: null, byKind: [] });
  });
});
