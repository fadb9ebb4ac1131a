import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { dispatchPendingEvents } from '../../platform/events/index.js';
import { countRows, newAccount, userIdOf } from './customers.test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (user: string, url: string, payload: object = {}) => t.as(user, { method: 'POST', url, payload });

async function pendingApprovers(approvalId: number): Promise<string[]> {
  const rows = await selectRows<{ username: string }>(
    t.database.db,
    sql`SELECT u.username FROM approval_tasks k JOIN users u ON u.id = k.approver_id
      WHERE k.approval_id = ${approvalId} AND k.status = 'pending' ORDER BY u.username`,
  );
  return rows.map((r) => r.username);
}

async function ownerOf(id: number): Promise<number | null> {
  const [row] = await selectRows<{ owner_user_id: string | number | null }>(
    t.database.db,
    sql`SELECT owner_user_id FROM accounts WHERE id = ${id}`,
  );
  return row?.owner_user_id == null ? null : Number(row.owner_user_id);
}

/** rep-huadong-1's new account, and the 409 another rep gets when creating it again. */
async function refusedDuplicate(claimant: string) {
  const body = newAccount();
  const created = await post('rep-huadong-1', '/api/customers/accounts', body);
  expect(created.statusCode).toBe(201);
  const refused = await post(claimant, '/api/customers/accounts', body);
  expect(refused.statusCode).toBe(409);
  return { accountId: refused.json().error.details.existing.id as number, code: created.json().code as string };
}

describe('CUS-2 ownership disputes', () => {
  it('CUS-2 reps of two areas of one market: the market manager decides, and the approval moves the account', async () => {
    const { accountId } = await refusedDuplicate('rep-huadong-3');
    const filed = await post('rep-huadong-3', `/api/customers/accounts/${accountId}/disputes`, {
      reason: '该店由我三个月前开发，有拜访记录',
    });
    expect(filed.statusCode).toBe(201);
    const dispute = filed.json();
    expect(dispute).toMatchObject({ status: 'pending', accountId, claimantName: expect.any(String) });
    // rep-huadong-1 (under am-huadong-1) and rep-huadong-3 (under am-huadong-2) meet at the market manager.
    expect(dispute.commonSuperiorUserId).toBe(await userIdOf(t, 'mm-huadong'));
    expect(dispute.approvalId).toEqual(expect.any(Number));
    // The common superior decides, not the claimant's direct superior: an area manager cannot even act on it.
    expect(await pendingApprovers(dispute.approvalId)).toEqual(['mm-huadong']);
    expect((await post('am-huadong-2', `/api/approvals/${dispute.approvalId}/approve`, {})).statusCode).toBe(404);
    expect((await post('mm-huadong', `/api/approvals/${dispute.approvalId}/approve`, {})).statusCode).toBe(200);
    await dispatchPendingEvents(t.database.db);
    const claimant = await userIdOf(t, 'rep-huadong-3');
    expect(await ownerOf(accountId)).toBe(claimant);
    const after = (await t.as('rep-huadong-3', { method: 'GET', url: `/api/customers/disputes/${dispute.id}` })).json();
    expect(after.status).toBe('approved');
    expect(after.decidedAt).not.toBeNull();
    const card = (await t.as('rep-huadong-3', { method: 'GET', url: `/api/customers/accounts/${accountId}` })).json();
    expect(card.poolEvents[0]).toMatchObject({ kind: 'disputed', toUserId: claimant, reason: '该店由我三个月前开发，有拜访记录' });
    expect(card.history.map((h: { action: string }) => h.action)).toEqual(['disputed', 'dispute.approved', 'dispute.file', 'create']);
    const former = await userIdOf(t, 'rep-huadong-1');
    expect(
      await countRows(t, sql`SELECT count(*) AS n FROM notifications WHERE user_id = ${former} AND kind = 'customers.ownership'`),
    ).toBe(1);
    // Delivered once: a second pass changes nothing.
    await dispatchPendingEvents(t.database.db);
    expect(
      await countRows(t, sql`SELECT count(*) AS n FROM account_pool_events WHERE account_id = ${accountId} AND kind = 'disputed'`),
    ).toBe(1);
  });

  it('CUS-2 within one team the common superior is the area manager, who decides; returned it is filed again; a rejection leaves the owner', async () => {
    const { accountId } = await refusedDuplicate('rep-huadong-2');
    const filed = (await post('rep-huadong-2', `/api/customers/accounts/${accountId}/disputes`, { reason: '客户是我介绍的' })).json();
    expect(filed.commonSuperiorUserId).toBe(await userIdOf(t, 'am-huadong-1'));
    expect(await pendingApprovers(filed.approvalId)).toEqual(['am-huadong-1']);
    const again = await post('rep-huadong-2', `/api/customers/accounts/${accountId}/disputes`, { reason: '再提一次' });
    expect(again.json().error.code).toBe('customers.disputeOpen');
    // Returned for more evidence, the claimant files again: the same dispute goes back to the decider.
    expect((await post('am-huadong-1', `/api/approvals/${filed.approvalId}/return`, { reason: '请补充拜访记录' })).statusCode).toBe(200);
    await dispatchPendingEvents(t.database.db);
    const refiled = await post('rep-huadong-2', `/api/customers/accounts/${accountId}/disputes`, { reason: '已补充三次拜访记录' });
    expect(refiled.statusCode).toBe(201);
    expect(refiled.json()).toMatchObject({ id: filed.id, status: 'pending', reason: '已补充三次拜访记录' });
    expect(await pendingApprovers(filed.approvalId)).toEqual(['am-huadong-1']);
    expect((await post('am-huadong-1', `/api/approvals/${filed.approvalId}/reject`, { reason: '证据不足' })).statusCode).toBe(200);
    await dispatchPendingEvents(t.database.db);
    expect(await ownerOf(accountId)).toBe(await userIdOf(t, 'rep-huadong-1'));
    const listed = (await t.as('mm-huadong', { method: 'GET', url: `/api/customers/disputes?accountId=${accountId}` })).json();
    expect(listed.items.map((d: { status: string }) => d.status)).toEqual(['rejected']);
    // Rejected, so a new dispute may be filed.
    expect((await post('rep-huadong-2', `/api/customers/accounts/${accountId}/disputes`, { reason: '补充了进货单据' })).statusCode).toBe(
      201,
    );
  });

  it('CUS-2 bad disputes are refused: own account, pool account, blank reason, unknown account', async () => {
    const own = (await post('rep-huadong-1', '/api/customers/accounts', newAccount())).json();
    expect((await post('rep-huadong-1', `/api/customers/accounts/${own.id}/disputes`, { reason: '我的' })).json().error.code).toBe(
      'customers.disputeOwnAccount',
    );
    const blank = await post('rep-huadong-2', `/api/customers/accounts/${own.id}/disputes`, { reason: '   ' });
    expect(blank.json().error).toMatchObject({ code: 'customers.nameBlank', details: { field: 'reason' } });
    expect((await post('rep-huadong-2', `/api/customers/accounts/${own.id}/disputes`, {})).statusCode).toBe(400);
    expect((await post('rep-huadong-2', '/api/customers/accounts/99999999/disputes', { reason: '无' })).statusCode).toBe(404);
    await post('rep-huadong-1', `/api/customers/accounts/${own.id}/release`, { reason: '转给公海' });
    expect((await post('rep-huadong-2', `/api/customers/accounts/${own.id}/disputes`, { reason: '我要' })).json().error.code).toBe(
      'customers.inPool',
    );
    expect((await post('ssg', `/api/customers/accounts/${own.id}/disputes`, { reason: '我要' })).statusCode).toBe(403);
    expect(await countRows(t, sql`SELECT count(*) AS n FROM account_disputes WHERE account_id = ${own.id}`)).toBe(0);
  });

  it('CUS-2 the dispute list is for deciders within their scope; a dispute is readable by its parties only', async () => {
    const { accountId } = await refusedDuplicate('rep-huabei-1');
    const filed = (await post('rep-huabei-1', `/api/customers/accounts/${accountId}/disputes`, { reason: '跨区客户' })).json();
    expect((await t.as('rep-huadong-1', { method: 'GET', url: '/api/customers/disputes' })).statusCode).toBe(403);
    const forMarket = (
      await t.as('mm-huadong', { method: 'GET', url: `/api/customers/disputes?status=pending&accountId=${accountId}` })
    ).json();
    expect(forMarket.items.map((d: { id: number }) => d.id)).toEqual([filed.id]);
    const forHuabei = (await t.as('mm-huabei', { method: 'GET', url: `/api/customers/disputes?accountId=${accountId}` })).json();
    expect(forHuabei.total).toBe(1);
    const forHuanan = (await t.as('mm-huanan', { method: 'GET', url: `/api/customers/disputes?accountId=${accountId}` })).json();
    expect(forHuanan.total).toBe(0);
    expect((await t.as('rep-huadong-1', { method: 'GET', url: `/api/customers/disputes/${filed.id}` })).statusCode).toBe(200);
    expect((await t.as('rep-huadong-2', { method: 'GET', url: `/api/customers/disputes/${filed.id}` })).statusCode).toBe(404);
    // Out of scope for the claimant: the dispute names the account, the owner stays unnamed in the account API.
    expect((await t.as('rep-huabei-1', { method: 'GET', url: `/api/customers/accounts/${accountId}` })).statusCode).toBe(404);
  });
});
