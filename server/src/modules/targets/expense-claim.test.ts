import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { selectRows } from '../../platform/db/raw.js';
import { dispatchPendingEvents } from '../../platform/events/index.js';
import { attachments } from '../../platform/files/index.js';
import { pdfBytes, pngBytes, uploadRequest } from '../../platform/files/upload.fixtures.js';
import { expenseClaims } from './expense-claim.schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A day n days back, as the company's calendar (China time) counts it. */
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - n * 86_400_000));
}

const base = { date: daysAgo(3), category: 'travel', amount: 128_050, description: '拜访南京经销商：高铁与住宿' };

async function file(user: string, claim: Record<string, unknown> = {}) {
  const response = await t.as(user, { method: 'POST', url: '/api/expense-claims', payload: { ...base, ...claim } });
  if (response.statusCode !== 201) throw new Error(`filing failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; status: string; approvalId: number | null; geographyId: number | null; [key: string]: unknown };
}

const get = (user: string, id: number) => t.as(user, { method: 'GET', url: `/api/expense-claims/${id}` });
const post = (user: string, url: string, payload: Record<string, unknown> = {}) => t.as(user, { method: 'POST', url, payload });

async function userId(username: string): Promise<number> {
  const [row] = await selectRows<{ id: number | string }>(t.database.db, sql`SELECT id FROM users WHERE username = ${username}`);
  return Number(row?.id);
}

async function pendingApprovers(approvalId: number): Promise<string[]> {
  const rows = await selectRows<{ username: string }>(
    t.database.db,
    sql`SELECT u.username FROM approval_tasks k JOIN users u ON u.id = k.approver_id
      WHERE k.approval_id = ${approvalId} AND k.status = 'pending' ORDER BY u.username`,
  );
  return rows.map((r) => r.username);
}

async function claimAudits(id: number): Promise<string[]> {
  const rows = await t.database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'expense_claim'), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

async function claimCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(expenseClaims);
  return row?.n ?? 0;
}

describe('PLN-5 filing a claim', () => {
  it('PLN-5 files a draft with the claimant and their geography, and audits it', async () => {
    const claim = await file('rep-huadong-1', { customerId: 42 });
    const rep = await userId('rep-huadong-1');
    const [user] = await selectRows<{ geography_id: number | string }>(
      t.database.db,
      sql`SELECT geography_id FROM users WHERE id = ${rep}`,
    );
    expect(claim).toMatchObject({
      status: 'draft',
      claimantId: rep,
      geographyId: Number(user?.geography_id),
      date: base.date,
      category: 'travel',
      amount: 128_050,
      customerId: 42,
      approvalId: null,
      attachments: [],
    });
    expect(await claimAudits(claim.id)).toEqual(['create']);
  });

  it('PLN-5 names every bad field and stores nothing', async () => {
    const before = await claimCount();
    const response = await post('rep-huadong-1', '/api/expense-claims', {
      date: '2026-13-45',
      category: 'golf',
      amount: 0,
      customerId: -5,
      description: '',
      attachmentIds: ['x'],
      color: 'red',
    });
    expect(response.statusCode).toBe(400);
    const fields = (response.json().error.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['date', 'category', 'amount', 'customerId', 'description', 'attachmentIds.0', 'color']));
    for (const [field, value] of [
      ['amount', 100_000_001],
      ['amount', 12.5],
      ['description', 'x'.repeat(1001)],
    ] as const) {
      const bad = await post('rep-huadong-1', '/api/expense-claims', { ...base, [field]: value });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
    expect(await claimCount()).toBe(before);
  });

  it('PLN-5 refuses a future date and one beyond the 90-day window, naming date, in zh-CN and en', async () => {
    const before = await claimCount();
    const future = await post('rep-huadong-1', '/api/expense-claims', { ...base, date: daysAgo(-2) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'targets.dateInFuture', details: { field: 'date' } });
    expect(future.json().error.message).toContain('date');
    const old = await t.as('rep-huadong-1', {
      method: 'POST',
      url: '/api/expense-claims',
      headers: { 'accept-language': 'en' },
      payload: { ...base, date: daysAgo(91) },
    });
    expect(old.json().error).toMatchObject({ code: 'targets.dateTooOld', details: { field: 'date' } });
    expect(old.json().error.message).toMatch(/90 days/);
    expect((await file('rep-huadong-1', { date: daysAgo(89) })).status).toBe('draft');
    expect(await claimCount()).toBe(before + 1);
  });

  it('PLN-5 refuses filing without the permission (403)', async () => {
    const response = await post('logistics', '/api/expense-claims', base);
    expect(response.statusCode).toBe(403);
    expect((await post('finance', '/api/expense-claims', base)).statusCode).toBe(403);
  });
});

describe('PLN-5 attachments of a claim', () => {
  it('PLT-2 claims the uploads in the filing transaction; the claim readers may download them', async () => {
    const png = (await t.as('rep-huadong-1', uploadRequest({ name: '发票.png', type: 'image/png', bytes: pngBytes }))).json();
    const pdf = (await t.as('rep-huadong-1', uploadRequest({ name: '行程单.pdf', type: 'application/pdf', bytes: pdfBytes }))).json();
    const claim = await file('rep-huadong-1', { attachmentIds: [png.id, pdf.id] });
    expect((claim.attachments as { id: number }[]).map((a) => a.id)).toEqual([png.id, pdf.id]);
    const [row] = await t.database.db.select().from(attachments).where(eq(attachments.id, png.id));
    expect(row).toMatchObject({ ownerEntity: 'expense_claim', ownerId: String(claim.id) });
    expect((await t.as('am-huadong-1', { method: 'GET', url: `/api/files/${png.id}` })).statusCode).toBe(200);
    expect((await t.as('mm-huadong', { method: 'GET', url: `/api/files/${pdf.id}` })).statusCode).toBe(200);
    expect((await t.as('rep-huadong-2', { method: 'GET', url: `/api/files/${png.id}` })).statusCode).toBe(404);

    const list = await t.as('rep-huadong-1', { method: 'GET', url: `/api/expense-claims?claimantId=${claim.claimantId}&limit=200` });
    expect(list.json().items.find((c: { id: number }) => c.id === claim.id).attachmentCount).toBe(2);

    // Editing the list drops one file back to its uploader.
    const edited = await t.as('rep-huadong-1', {
      method: 'PATCH',
      url: `/api/expense-claims/${claim.id}`,
      payload: { attachmentIds: [pdf.id] },
    });
    expect(edited.json().attachments.map((a: { id: number }) => a.id)).toEqual([pdf.id]);
    expect((await t.as('am-huadong-1', { method: 'GET', url: `/api/files/${png.id}` })).statusCode).toBe(404);
    expect((await t.as('rep-huadong-1', { method: 'GET', url: `/api/files/${png.id}` })).statusCode).toBe(200);
  });

  it("PLT-2 refuses someone else's upload and one already on another claim, naming attachmentIds, and changes nothing", async () => {
    const theirs = (await t.as('rep-huadong-2', uploadRequest({ name: 'a.png', type: 'image/png', bytes: pngBytes }))).json();
    const before = await claimCount();
    const response = await post('rep-huadong-1', '/api/expense-claims', { ...base, attachmentIds: [theirs.id] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'files.attachmentUnavailable',
      details: { field: 'attachmentIds', id: theirs.id },
    });
    expect(await claimCount()).toBe(before);

    const mine = (await t.as('rep-huadong-1', uploadRequest({ name: 'b.png', type: 'image/png', bytes: pngBytes }))).json();
    await file('rep-huadong-1', { attachmentIds: [mine.id] });
    const again = await post('rep-huadong-1', '/api/expense-claims', { ...base, attachmentIds: [mine.id] });
    expect(again.json().error.code).toBe('files.attachmentUnavailable');
    expect(await claimCount()).toBe(before + 1);
  });
});

describe('PLN-5 scope', () => {
  it('ORG-4 a claim is seen by the claimant, their manager and market manager, finance; not by peers or other markets (404)', async () => {
    const claim = await file('rep-huadong-1');
    for (const user of ['rep-huadong-1', 'am-huadong-1', 'mm-huadong', 'deputy', 'finance', 'ssg']) {
      expect((await get(user, claim.id)).statusCode, user).toBe(200);
    }
    for (const user of ['rep-huadong-2', 'rep-huabei-1', 'am-huabei-1']) {
      expect((await get(user, claim.id)).statusCode, user).toBe(404);
      const list = await t.as(user, { method: 'GET', url: '/api/expense-claims?limit=200' });
      expect(list.json().items.some((c: { id: number }) => c.id === claim.id)).toBe(false);
    }
    expect((await get('logistics', claim.id)).statusCode).toBe(403);
  });

  it('PLN-5 only the claimant edits, and only while the claim is editable', async () => {
    const claim = await file('rep-huadong-1');
    const byManager = await t.as('am-huadong-1', { method: 'PATCH', url: `/api/expense-claims/${claim.id}`, payload: { amount: 1 } });
    expect(byManager.statusCode).toBe(403);
    expect(byManager.json().error.code).toBe('targets.notClaimant');
    const byPeer = await t.as('rep-huadong-2', { method: 'PATCH', url: `/api/expense-claims/${claim.id}`, payload: { amount: 1 } });
    expect(byPeer.statusCode).toBe(404);
    const edited = await t.as('rep-huadong-1', {
      method: 'PATCH',
      url: `/api/expense-claims/${claim.id}`,
      payload: { amount: 99_900, category: 'samples' },
    });
    expect(edited.json()).toMatchObject({ amount: 99_900, category: 'samples', description: base.description });
    expect(await claimAudits(claim.id)).toEqual(['create', 'update']);
  });
});

describe('APR-1 expense claims through the approval engine', () => {
  it('APR-1 up to CNY 5,000 the direct superior approves; the decision reaches the claim once; finance pays', async () => {
    const claim = await file('rep-huadong-1', { amount: 500_000, submit: true });
    expect(claim.status).toBe('submitted');
    expect(claim.approvalId).toEqual(expect.any(Number));
    const approvalId = claim.approvalId as number;
    expect(await pendingApprovers(approvalId)).toEqual(['am-huadong-1']);

    const edit = await t.as('rep-huadong-1', { method: 'PATCH', url: `/api/expense-claims/${claim.id}`, payload: { amount: 1 } });
    expect(edit.json().error.code).toBe('targets.notEditable');

    expect((await post('am-huadong-1', `/api/approvals/${approvalId}/approve`)).statusCode).toBe(200);
    await dispatchPendingEvents(t.database.db);
    await dispatchPendingEvents(t.database.db);
    const approved = (await get('rep-huadong-1', claim.id)).json();
    expect(approved.status).toBe('approved');
    expect(approved.decidedAt).toEqual(expect.any(String));

    const queue = await t.as('finance', { method: 'GET', url: '/api/expense-claims?awaitingPayment=true&limit=200' });
    expect(queue.json().items.map((c: { id: number }) => c.id)).toContain(claim.id);
    expect(queue.json().items.every((c: { status: string }) => c.status === 'approved')).toBe(true);

    expect((await post('rep-huadong-1', `/api/expense-claims/${claim.id}/pay`, { paymentReference: 'X' })).statusCode).toBe(403);
    const blank = await post('finance', `/api/expense-claims/${claim.id}/pay`, { paymentReference: '  ' });
    expect(blank.json().error.details.fields[0].field).toBe('paymentReference');
    const paid = await post('finance', `/api/expense-claims/${claim.id}/pay`, { paymentReference: 'BANK-20261123-001' });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paymentReference: 'BANK-20261123-001', paidByName: expect.any(String) });
    const twice = await post('finance', `/api/expense-claims/${claim.id}/pay`, { paymentReference: 'again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('targets.notPayable');
    expect(await claimAudits(claim.id)).toEqual(['create', 'submit', 'approved', 'pay']);
  });

  it('APR-1 above CNY 5,000 the direct superior and then the director-level superior (deputy) approve', async () => {
    const claim = await file('rep-huadong-1', { amount: 500_001, category: 'promotion' });
    const submitted = (await post('rep-huadong-1', `/api/expense-claims/${claim.id}/submit`)).json();
    const approvalId = submitted.approvalId as number;
    expect(await pendingApprovers(approvalId)).toEqual(['am-huadong-1']);
    await post('am-huadong-1', `/api/approvals/${approvalId}/approve`);
    await dispatchPendingEvents(t.database.db);
    expect((await get('rep-huadong-1', claim.id)).json().status).toBe('submitted');
    expect(await pendingApprovers(approvalId)).toEqual(['deputy']);
    await post('deputy', `/api/approvals/${approvalId}/approve`);
    await dispatchPendingEvents(t.database.db);
    expect((await get('rep-huadong-1', claim.id)).json().status).toBe('approved');
  });

  it('APR-1 a paying attempt before approval is refused', async () => {
    const claim = await file('rep-huadong-1', { submit: true });
    const response = await post('finance', `/api/expense-claims/${claim.id}/pay`, { paymentReference: 'early' });
    expect(response.statusCode).toBe(409);
  });

  it('APR-1 a rejection reaches the claim as rejected, which stays closed', async () => {
    const claim = await file('rep-huadong-1', { submit: true });
    const response = await post('am-huadong-1', `/api/approvals/${claim.approvalId}/reject`, { reason: '缺少发票' });
    expect(response.statusCode).toBe(200);
    await dispatchPendingEvents(t.database.db);
    expect((await get('rep-huadong-1', claim.id)).json().status).toBe('rejected');
    const edit = await t.as('rep-huadong-1', { method: 'PATCH', url: `/api/expense-claims/${claim.id}`, payload: { amount: 1 } });
    expect(edit.statusCode).toBe(409);
    expect((await post('rep-huadong-1', `/api/expense-claims/${claim.id}/submit`)).statusCode).toBe(409);
  });

  it('APR-1 returned for changes: the claimant edits and resubmits, and the same approval starts round 2', async () => {
    const claim = await file('rep-huadong-1', { submit: true });
    const approvalId = claim.approvalId as number;
    await post('am-huadong-1', `/api/approvals/${approvalId}/return`, { reason: '请补充客户名称' });
    await dispatchPendingEvents(t.database.db);
    expect((await get('rep-huadong-1', claim.id)).json().status).toBe('returned');
    const edited = await t.as('rep-huadong-1', {
      method: 'PATCH',
      url: `/api/expense-claims/${claim.id}`,
      payload: { description: '拜访南京苏果超市采购部：高铁与住宿', customerId: 7 },
    });
    expect(edited.statusCode).toBe(200);
    const resubmitted = (await post('rep-huadong-1', `/api/expense-claims/${claim.id}/submit`)).json();
    expect(resubmitted).toMatchObject({ status: 'submitted', approvalId });
    const [approval] = await selectRows<{ round: number; status: string; payload: { description: string } }>(
      t.database.db,
      sql`SELECT round, status, payload FROM approvals WHERE id = ${approvalId}`,
    );
    expect(approval).toMatchObject({ round: 2, status: 'pending', payload: { description: '拜访南京苏果超市采购部：高铁与住宿' } });
    expect(await pendingApprovers(approvalId)).toEqual(['am-huadong-1']);
    await post('am-huadong-1', `/api/approvals/${approvalId}/approve`);
    await dispatchPendingEvents(t.database.db);
    expect((await get('rep-huadong-1', claim.id)).json().status).toBe('approved');
    expect(await claimAudits(claim.id)).toEqual(['create', 'submit', 'returned', 'update', 'submit', 'approved']);
  });

  it('APR-1 the claimant withdraws a claim in approval; it becomes editable and can be submitted anew', async () => {
    const claim = await file('rep-huadong-1', { submit: true });
    expect((await post('rep-huadong-2', `/api/expense-claims/${claim.id}/withdraw`)).statusCode).toBe(404);
    const withdrawn = await post('rep-huadong-1', `/api/expense-claims/${claim.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect(await pendingApprovers(claim.approvalId as number)).toEqual([]);
    await dispatchPendingEvents(t.database.db);
    expect((await get('rep-huadong-1', claim.id)).json().status).toBe('withdrawn');
    expect((await post('rep-huadong-1', `/api/expense-claims/${claim.id}/withdraw`)).statusCode).toBe(409);
    const again = (await post('rep-huadong-1', `/api/expense-claims/${claim.id}/submit`)).json();
    expect(again.status).toBe('submitted');
    expect(again.approvalId).not.toBe(claim.approvalId);
    expect(await claimAudits(claim.id)).toEqual(['create', 'submit', 'withdraw', 'submit']);
  });

  it('APR-1 a withdrawal on the approval page reaches the claim through the outbox', async () => {
    const claim = await file('rep-huadong-1', { submit: true });
    expect((await post('rep-huadong-1', `/api/approvals/${claim.approvalId}/withdraw`)).statusCode).toBe(200);
    await dispatchPendingEvents(t.database.db);
    expect((await get('rep-huadong-1', claim.id)).json().status).toBe('withdrawn');
  });
});

describe('PLN-5 list', () => {
  it('PLN-5 filters by status, category, claimant and dates, and pages', async () => {
    const rep2 = await userId('rep-huadong-2');
    const a = await file('rep-huadong-2', { category: 'entertainment', date: daysAgo(10) });
    const b = await file('rep-huadong-2', { category: 'samples', date: daysAgo(20), submit: true });
    const c = await file('rep-huadong-2', { category: 'entertainment', date: daysAgo(30) });
    const list = async (query: string) => {
      const response = await t.as('mm-huadong', { method: 'GET', url: `/api/expense-claims?claimantId=${rep2}&${query}` });
      expect(response.statusCode).toBe(200);
      return response.json() as { items: { id: number }[]; total: number };
    };
    const ids = (page: { items: { id: number }[] }) => page.items.map((i) => i.id);
    expect(ids(await list('limit=200'))).toEqual([a.id, b.id, c.id]);
    expect(ids(await list('category=entertainment'))).toEqual([a.id, c.id]);
    expect(ids(await list('status=submitted'))).toEqual([b.id]);
    expect(ids(await list(`dateFrom=${daysAgo(25)}&dateTo=${daysAgo(5)}`))).toEqual([a.id, b.id]);
    expect(ids(await list('sort=date&order=asc'))).toEqual([c.id, b.id, a.id]);
    const page = await list('limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, items: [{ id: b.id }] });
    const bad = await t.as('mm-huadong', { method: 'GET', url: '/api/expense-claims?status=lost&limit=500' });
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['limit', 'status']);
  });
});
