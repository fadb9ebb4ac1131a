import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { accountsOwnedBy, countRows } from './customers.test-support.js';
import { accountCreditLimit } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A credit manager limited to 华东: mm-huadong gets the permission before signing in.
  await t.database.db.execute(sql`INSERT INTO position_permissions (position_id, permission)
    SELECT position_id, 'customers.credit.manage' FROM users WHERE username = 'mm-huadong'`);
});
afterAll(() => t.close());

const creditUrl = (id: number) => `/api/customers/accounts/${id}/credit`;
const put = (user: string, id: number, payload: object, headers: Record<string, string> = {}) =>
  t.as(user, { method: 'PUT', url: creditUrl(id), payload, headers });

async function firstOwned(username: string): Promise<number> {
  const [id] = await accountsOwnedBy(t, username, 1);
  if (id === undefined) throw new Error(`${username} owns no account`);
  return id;
}

async function storedCredit(id: number) {
  const [row] = await selectRows<{ credit_limit_fen: string | number | null; credit_rating: string | null }>(
    t.database.db,
    sql`SELECT credit_limit_fen, credit_rating FROM accounts WHERE id = ${id}`,
  );
  return { limitFen: row?.credit_limit_fen == null ? null : Number(row.credit_limit_fen), rating: row?.credit_rating ?? null };
}

const creditAudits = (id: number) =>
  countRows(t, sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'account' AND entity_id = ${String(id)} AND action = 'credit'`);

describe('CUS-8 account credit limits', () => {
  // First: the other tests change some accounts' terms.
  it('CUS-8 the demo gives partners and key accounts 50万–300万元, stores 2万–10万元, and leaves some on cash', async () => {
    const [row] = await selectRows<Record<string, string | number>>(
      t.database.db,
      sql`SELECT
        count(*) FILTER (WHERE kind IN ('distributor', 'key_account') AND credit_limit_fen NOT BETWEEN 50000000 AND 300000000) AS large_out,
        count(*) FILTER (WHERE kind IN ('distributor', 'key_account') AND credit_limit_fen IS NOT NULL) AS large_in,
        count(*) FILTER (WHERE kind = 'retail_store' AND credit_limit_fen NOT BETWEEN 2000000 AND 10000000) AS store_out,
        count(*) FILTER (WHERE kind = 'retail_store' AND credit_limit_fen IS NOT NULL) AS store_in,
        count(*) FILTER (WHERE credit_limit_fen IS NULL) AS cash
      FROM accounts`,
    );
    expect(Number(row?.large_out)).toBe(0);
    expect(Number(row?.store_out)).toBe(0);
    expect(Number(row?.large_in)).toBeGreaterThan(50);
    expect(Number(row?.store_in)).toBeGreaterThan(1000);
    expect(Number(row?.cash)).toBeGreaterThan(100);
  });

  it('CUS-8 finance sets a credit line and rating; the change is audited and shows in the account history', async () => {
    const id = await firstOwned('rep-huadong-2');
    const saved = await put('finance', id, { creditLimitFen: 150_000_000, creditRating: 'A', reason: '年度授信评审' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ id, creditLimitFen: 150_000_000, creditRating: 'A' });
    expect(await storedCredit(id)).toEqual({ limitFen: 150_000_000, rating: 'A' });
    expect(await accountCreditLimit(t.database.db, id)).toEqual({ limitFen: 150_000_000, rating: 'A' });

    const detail = (await t.as('rep-huadong-2', { method: 'GET', url: `/api/customers/accounts/${id}` })).json();
    expect(detail).toMatchObject({ creditLimitFen: 150_000_000, creditRating: 'A' });
    const entry = detail.history.find((h: { action: string }) => h.action === 'credit');
    expect(entry).toMatchObject({
      actorName: expect.any(String),
      after: { creditLimitFen: 150_000_000, creditRating: 'A', reason: '年度授信评审' },
    });
    expect(await creditAudits(id)).toBe(1);

    // Back to cash only: null clears the line; the list shows it too.
    const cash = await put('finance', id, { creditLimitFen: null, creditRating: 'D' });
    expect(cash.json()).toMatchObject({ creditLimitFen: null, creditRating: 'D' });
    expect(await accountCreditLimit(t.database.db, id)).toEqual({ limitFen: null, rating: 'D' });
    const code = cash.json().code;
    const listed = (await t.as('finance', { method: 'GET', url: `/api/customers/accounts?q=${code}` })).json();
    expect(listed.items[0]).toMatchObject({ code, creditLimitFen: null, creditRating: 'D' });
    expect(await creditAudits(id)).toBe(2);

    const unrated = await put('finance', id, { creditLimitFen: 0, creditRating: null });
    expect(unrated.json()).toMatchObject({ creditLimitFen: 0, creditRating: null });
    expect(await accountCreditLimit(t.database.db, id)).toEqual({ limitFen: 0, rating: null });
    expect((await put('finance', id, { creditLimitFen: null, creditRating: 'D' })).statusCode).toBe(200);
    expect(await creditAudits(id)).toBe(4);

    // The same terms again change nothing and leave no audit row.
    expect((await put('finance', id, { creditLimitFen: null, creditRating: 'D' })).statusCode).toBe(200);
    expect(await creditAudits(id)).toBe(4);
  });

  it('CUS-8 bad inputs name the field, in zh-CN and en, and change nothing', async () => {
    const id = await firstOwned('rep-huadong-3');
    const before = await storedCredit(id);
    const negative = await put('finance', id, { creditLimitFen: -1, creditRating: 'A' });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details.fields[0].field).toBe('creditLimitFen');
    expect(negative.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const english = await put('finance', id, { creditLimitFen: 10.5, creditRating: 'A' }, { 'accept-language': 'en' });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.details.fields[0].field).toBe('creditLimitFen');
    expect(english.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);
    const rating = await put('finance', id, { creditLimitFen: 100, creditRating: 'E' });
    expect(rating.json().error.details.fields[0].field).toBe('creditRating');
    const huge = await put('finance', id, { creditLimitFen: 10_000_000_001, creditRating: 'A' });
    expect(huge.statusCode).toBe(400);
    expect((await put('finance', id, { creditRating: 'A' })).statusCode).toBe(400);
    expect((await put('finance', id, { creditLimitFen: 1, creditRating: 'A', grade: 'A' })).statusCode).toBe(400);
    expect(await storedCredit(id)).toEqual(before);
    expect(await creditAudits(id)).toBe(0);
  });

  it('CUS-8 only holders of customers.credit.manage set credit, and only within their data scope', async () => {
    const huadong = await firstOwned('rep-huadong-4');
    const huabei = await firstOwned('rep-huabei-1');
    const payload = { creditLimitFen: 5_000_000, creditRating: 'B' };
    const huabeiBefore = await storedCredit(huabei);
    expect((await put('rep-huadong-4', huadong, payload)).statusCode).toBe(403);
    expect((await put('am-huadong-2', huadong, payload)).statusCode).toBe(403);
    expect((await put('mm-huadong', huabei, payload)).statusCode).toBe(404);
    expect((await put('finance', 99_999_999, payload)).statusCode).toBe(404);
    expect(await storedCredit(huabei)).toEqual(huabeiBefore);
    expect(await creditAudits(huabei)).toBe(0);
    expect((await put('mm-huadong', huadong, payload)).statusCode).toBe(200);
    expect(await storedCredit(huadong)).toEqual({ limitFen: 5_000_000, rating: 'B' });
  });

  it('CUS-8 accountCreditLimit reads inside the caller’s transaction and refuses a missing account', async () => {
    const id = await firstOwned('rep-huadong-1');
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE accounts SET credit_limit_fen = 2000000, credit_rating = 'C' WHERE id = ${id}`);
      expect(await accountCreditLimit(tx, id)).toEqual({ limitFen: 2_000_000, rating: 'C' });
    });
    await expect(accountCreditLimit(t.database.db, 99_999_999)).rejects.toMatchObject({ definition: { status: 404 } });
  });
});
