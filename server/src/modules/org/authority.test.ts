import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { authorityActions } from './authority.actions.js';
import { can, ensureAuthorityDefaults } from './authority.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const check = (username: string, action: string, amount?: number) =>
  t.as(username, { method: 'POST', url: '/api/org/authority/check', payload: amount === undefined ? { action } : { action, amount } });

const decisionOf = async (username: string, action: string, amount?: number) => {
  const response = await check(username, action, amount);
  expect(response.statusCode).toBe(200);
  return response.json().decision as string;
};

const put = (username: string, action: string, ladder: string, payload: object) =>
  t.as(username, { method: 'PUT', url: `/api/org/authority/${action}/${ladder}`, payload });

const storedRules = async (action?: string) => {
  const where = action ? sql`action = ${action}` : sql`true`;
  const [row] = await selectRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM authority_rules WHERE ${where}`);
  return Number(row?.n);
};

const badFields = (response: { json(): { error: { details: { fields?: { field: string }[]; field?: string } } } }) => {
  const details = response.json().error.details;
  return details.fields ? details.fields.map((f) => f.field) : [details.field];
};

describe('ORG-5 authority matrix defaults', () => {
  it('ORG-5 seeds every cell of the catalogue, all at their defaults', async () => {
    const response = await t.as('rep-huadong-1', { method: 'GET', url: '/api/org/authority' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.actions).toHaveLength(authorityActions.length);
    expect(body.actions).toContainEqual({ key: 'discount.grant', 'zh-CN': '给予折扣', en: 'Grant discounts', unit: 'basisPoints' });
    expect(body.rules).toHaveLength(authorityActions.length * 4);
    expect(body.rules.every((rule: { isDefault: boolean }) => rule.isDefault)).toBe(true);
    expect(body.rules).toContainEqual({
      action: 'expense.approve',
      ladder: 'manager',
      mode: 'limit',
      limitAmount: 500000,
      isDefault: true,
    });
    expect(await storedRules()).toBe(authorityActions.length * 4);
  });

  it('ORG-5 lets a rep give up to 5 % discount; 5.01 % needs approval', async () => {
    expect(await decisionOf('rep-huadong-1', 'discount.grant', 500)).toBe('allowed');
    expect(await decisionOf('rep-huadong-1', 'discount.grant', 501)).toBe('needs-approval');
    const response = await check('rep-huadong-1', 'discount.grant', 501);
    expect(response.json()).toEqual({ decision: 'needs-approval', ladder: 'representative', mode: 'limit', limitAmount: 500 });
  });

  it('ORG-5 lets a rep sign contracts up to CNY 50,000, and asks for the amount in limit mode', async () => {
    expect(await decisionOf('rep-huadong-1', 'contract.sign', 5_000_000)).toBe('allowed');
    expect(await decisionOf('rep-huadong-1', 'contract.sign', 5_000_001)).toBe('needs-approval');
    expect(await decisionOf('rep-huadong-1', 'contract.sign')).toBe('needs-approval');
  });

  it('ORG-5 lets a manager approve team expenses up to CNY 5,000; CNY 5,000.01 needs approval', async () => {
    expect(await decisionOf('mm-huadong', 'expense.approve', 500_000)).toBe('allowed');
    expect(await decisionOf('mm-huadong', 'expense.approve', 500_001)).toBe('needs-approval');
    expect(await decisionOf('mm-huadong', 'rep.assign')).toBe('allowed');
    expect(await decisionOf('mm-huadong', 'reward.recommend')).toBe('allowed');
    expect(await decisionOf('mm-huadong', 'org.staffing')).toBe('needs-approval');
  });

  it('ORG-5 denies a rep approving expenses or contracts, or deciding staffing', async () => {
    expect(await decisionOf('rep-huadong-1', 'expense.approve', 100)).toBe('denied');
    expect(await decisionOf('rep-huadong-1', 'contract.approve', 100)).toBe('denied');
    expect(await decisionOf('rep-huadong-1', 'org.staffing')).toBe('denied');
  });

  it('ORG-5 allows the director every decision at any amount, and the administrator too', async () => {
    for (const action of authorityActions) {
      expect(await decisionOf('director', action.key, 999_999_999)).toBe('allowed');
      expect(await decisionOf('admin', action.key, 999_999_999)).toBe('allowed');
    }
  });

  it('ORG-5 denies someone without a position who is not an administrator', async () => {
    const decision = await can(t.database.db, { isAdmin: false, ladder: null }, 'contract.sign', 1);
    expect(decision).toEqual({ decision: 'denied', ladder: null, mode: null, limitAmount: null });
  });

  it('ORG-5 answers with the catalogue default where a cell has no row (install without the demo)', async () => {
    await t.database.db.execute(sql`DELETE FROM authority_rules WHERE action = 'discount.grant'`);
    expect(await decisionOf('rep-huadong-1', 'discount.grant', 500)).toBe('allowed');
    expect(await decisionOf('rep-huadong-1', 'discount.grant', 501)).toBe('needs-approval');
    const matrix = (await t.as('director', { method: 'GET', url: '/api/org/authority' })).json();
    expect(matrix.rules).toContainEqual({ action: 'discount.grant', ladder: 'manager', mode: 'limit', limitAmount: 1000, isDefault: true });
    await ensureAuthorityDefaults(t.database.db);
    expect(await storedRules('discount.grant')).toBe(4);
  });
});

describe('ORG-5 editing the matrix', () => {
  it('ORG-5 changes the answer when a cell is edited, and audits before and after', async () => {
    const response = await put('director', 'discount.grant', 'representative', { mode: 'limit', limitAmount: 800 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      action: 'discount.grant',
      ladder: 'representative',
      mode: 'limit',
      limitAmount: 800,
      isDefault: false,
    });
    expect(await decisionOf('rep-huadong-1', 'discount.grant', 800)).toBe('allowed');
    expect(await decisionOf('rep-huadong-1', 'discount.grant', 801)).toBe('needs-approval');

    const audit = await t.as('admin', { method: 'GET', url: '/api/audit?entity=authority_rule&entityId=discount.grant%3Arepresentative' });
    const [row] = audit.json().items;
    expect(row).toMatchObject({
      action: 'update',
      before: { mode: 'limit', limitAmount: 500 },
      after: { mode: 'limit', limitAmount: 800 },
    });
  });

  it('ORG-5 stores no limit outside limit mode, and can deny or require approval', async () => {
    const denied = await put('director', 'expense.approve', 'manager', { mode: 'denied', limitAmount: 100 });
    expect(denied.json()).toMatchObject({ mode: 'denied', limitAmount: null, isDefault: false });
    expect(await decisionOf('mm-huadong', 'expense.approve', 1)).toBe('denied');
    await put('director', 'expense.approve', 'manager', { mode: 'approval' });
    expect(await decisionOf('mm-huadong', 'expense.approve', 1)).toBe('needs-approval');
    const restored = await put('director', 'expense.approve', 'manager', { mode: 'limit', limitAmount: 500_000 });
    expect(restored.json().isDefault).toBe(true);
  });

  it('ORG-5 names the bad field and changes nothing', async () => {
    const unknown = await put('director', 'nope.action', 'manager', { mode: 'allowed' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('org.unknownAuthorityAction');
    expect(badFields(unknown)).toEqual(['action']);

    const unknownCheck = await check('rep-huadong-1', 'nope.action', 1);
    expect(unknownCheck.statusCode).toBe(400);
    expect(badFields(unknownCheck)).toEqual(['action']);

    const withoutLimit = await put('director', 'contract.sign', 'representative', { mode: 'limit' });
    expect(withoutLimit.statusCode).toBe(400);
    expect(withoutLimit.json().error.code).toBe('org.authorityLimitRequired');
    expect(badFields(withoutLimit)).toEqual(['limitAmount']);

    const negative = await put('director', 'contract.sign', 'representative', { mode: 'limit', limitAmount: -1 });
    expect(negative.statusCode).toBe(400);
    expect(badFields(negative)).toContain('limitAmount');

    const noAmount = await put('director', 'org.staffing', 'manager', { mode: 'limit', limitAmount: 1 });
    expect(noAmount.statusCode).toBe(400);
    expect(badFields(noAmount)).toEqual(['mode']);

    const badLadder = await put('director', 'contract.sign', 'intern', { mode: 'allowed' });
    expect(badLadder.statusCode).toBe(400);
    expect(badFields(badLadder)).toContain('ladder');

    const badMode = await put('director', 'contract.sign', 'manager', { mode: 'sometimes' });
    expect(badFields(badMode)).toContain('mode');

    const negativeAmount = await check('rep-huadong-1', 'contract.sign', -5);
    expect(negativeAmount.statusCode).toBe(400);
    expect(badFields(negativeAmount)).toContain('amount');

    expect(await decisionOf('rep-huadong-1', 'contract.sign', 5_000_000)).toBe('allowed');
    expect(await decisionOf('mm-huadong', 'org.staffing')).toBe('needs-approval');
  });

  it('ORG-5 refuses a rep editing the matrix (403) and anyone signed out (401)', async () => {
    const rep = await put('rep-huadong-1', 'discount.grant', 'representative', { mode: 'allowed' });
    expect(rep.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: '/api/org/authority/discount.grant/representative',
      payload: { mode: 'allowed' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/org/authority' })).statusCode).toBe(401);
    expect(await decisionOf('rep-huadong-1', 'discount.grant', 801)).toBe('needs-approval');
  });
});
