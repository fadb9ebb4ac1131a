import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { eventsOf, fileRequest, registerTestType, userIdsByName } from './approval.test-support.js';
import { resubmitApproval } from './request.service.js';

let t: TestApp;
let ids: Map<string, number>;
const id = (username: string) => {
  const found = ids.get(username);
  if (found === undefined) throw new Error(`no demo user ${username}`);
  return found;
};
const countersignType = registerTestType('test.countersign');
const anyType = registerTestType('test.any');

beforeAll(async () => {
  t = await createTestApp();
  ids = await userIdsByName(t.database.db);
  for (const [type, mode] of [
    [countersignType, 'countersign'],
    [anyType, 'any'],
  ] as const) {
    const response = await t.as('admin', {
      method: 'PUT',
      url: `/api/approvals/definitions/${type}`,
      payload: {
        name: type,
        tiers: [
          {
            minAmount: null,
            steps: [{ name: '财务与储运', mode, approvers: { kind: 'users', userIds: [id('finance'), id('logistics')] } }],
          },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
  }
});
afterAll(() => t.close());

const get = (username: string, approvalId: number) => t.as(username, { method: 'GET', url: `/api/approvals/${approvalId}` });
const act = (username: string, approvalId: number, action: string, payload: object = {}) =>
  t.as(username, { method: 'POST', url: `/api/approvals/${approvalId}/${action}`, payload });
const file = (requester: string, options: Parameters<typeof fileRequest>[2] = {}) => fileRequest(t.database.db, id(requester), options);
const taskStatuses = async (approvalId: number) =>
  (
    await selectRows<{ username: string; status: string; round: number }>(
      t.database.db,
      sql`SELECT u.username, t.status, t.round FROM approval_tasks t JOIN users u ON u.id = t.approver_id
        WHERE t.approval_id = ${approvalId} ORDER BY t.id`,
    )
  ).map((row) => `${row.round}:${row.username}:${row.status}`);
const auditActions = async (approvalId: number) =>
  (
    await selectRows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE entity = 'approval' AND entity_id = ${String(approvalId)} ORDER BY id`,
    )
  ).map((row) => row.action);

describe('APR-1 deciding a request', () => {
  it('APR-1 runs a two-step chain: each approver in turn, then approved with one approval.decided event', async () => {
    const { approvalId, currentApprovers } = await file('rep-huadong-1', { amount: 600_000 });
    expect(currentApprovers.map((a) => a.id)).toEqual([id('am-huadong-1')]);
    expect((await act('deputy', approvalId, 'approve')).statusCode).toBe(404);

    const first = await act('am-huadong-1', approvalId, 'approve', { comment: '同意' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'pending', currentStep: 1, currentApprovers: [{ id: id('deputy') }] });
    expect(await eventsOf(t.database.db, 'approval.decided', approvalId)).toEqual([]);

    const second = await act('deputy', approvalId, 'approve');
    expect(second.statusCode).toBe(200);
    const detail = second.json();
    expect(detail).toMatchObject({ status: 'approved', currentStep: 2, currentApprovers: [], can: { act: false, withdraw: false } });
    expect(detail.timeline.map((e: { action: string; actorName: string | null }) => e.action)).toEqual([
      'requested',
      'approved',
      'approved',
    ]);
    expect(detail.timeline[1]).toMatchObject({ actorId: id('am-huadong-1'), comment: '同意', stepIndex: 0 });
    expect(detail.chain.map((s: { approvers: { id: number }[] }) => s.approvers[0]?.id)).toEqual([id('am-huadong-1'), id('deputy')]);
    const events = await eventsOf(t.database.db, 'approval.decided', approvalId);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ approvalId, outcome: 'approved', decidedBy: id('deputy'), type: 'test.request', subjectType: 'test' }),
    ]);
    expect(await auditActions(approvalId)).toEqual(['request', 'approve', 'approve']);
    expect((await act('deputy', approvalId, 'approve')).json().error.code).toBe('approvals.alreadyDecided');
  });

  it('APR-4 shows my inbox, my requests, what I decided and my pending count', async () => {
    const { approvalId } = await file('rep-huadong-2', { amount: 12_345, summary: '样品快递' });
    const count = async (username: string) => (await t.as(username, { method: 'GET', url: '/api/approvals/count' })).json().count;
    const before = await count('am-huadong-1');
    const inbox = (await t.as('am-huadong-1', { method: 'GET', url: '/api/approvals/inbox?limit=1' })).json();
    expect(inbox.total).toBe(before);
    expect(inbox.items[0]).toMatchObject({
      approvalId,
      typeLabel: '测试申请',
      summary: '样品快递',
      amount: 12_345,
      status: 'pending',
      stepIndex: 0,
      stepName: '直接上级',
      subjectPath: expect.stringMatching(/^\/test\//),
      requester: { id: id('rep-huadong-2') },
    });
    const english = (
      await t.as('am-huadong-1', { method: 'GET', url: '/api/approvals/inbox?limit=1', headers: { 'accept-language': 'en' } })
    ).json();
    expect(english.items[0].typeLabel).toBe('Test request');
    const mine = (await t.as('rep-huadong-2', { method: 'GET', url: '/api/approvals/mine?status=pending' })).json();
    expect(mine.items.find((row: { approvalId: number }) => row.approvalId === approvalId)).toMatchObject({
      currentApprovers: [{ id: id('am-huadong-1') }],
    });
    await act('am-huadong-1', approvalId, 'approve');
    expect(await count('am-huadong-1')).toBe(before - 1);
    const done = (await t.as('am-huadong-1', { method: 'GET', url: '/api/approvals/done' })).json();
    expect(done.items[0]).toMatchObject({ approvalId, myDecision: 'approved', status: 'approved' });
    const approvedMine = (await t.as('rep-huadong-2', { method: 'GET', url: '/api/approvals/mine?status=approved' })).json();
    expect(approvedMine.items.find((row: { approvalId: number }) => row.approvalId === approvalId).currentApprovers).toEqual([]);
    expect((await t.as('rep-huadong-2', { method: 'GET', url: '/api/approvals/mine?limit=201' })).statusCode).toBe(400);
  });

  it('APR-1 countersign: every approver of the step must approve before it completes', async () => {
    const { approvalId } = await file('rep-huadong-1', { type: countersignType });
    const first = await act('finance', approvalId, 'approve');
    expect(first.json()).toMatchObject({ status: 'pending', currentApprovers: [{ id: id('logistics') }] });
    const second = await act('logistics', approvalId, 'approve');
    expect(second.json().status).toBe('approved');
    expect(await taskStatuses(approvalId)).toEqual(['1:finance:approved', '1:logistics:approved']);
  });

  it('APR-1 any-of: the first approval completes the step and the other tasks are cancelled', async () => {
    const { approvalId } = await file('rep-huadong-1', { type: anyType });
    expect((await act('logistics', approvalId, 'approve')).json().status).toBe('approved');
    expect(await taskStatuses(approvalId)).toEqual(['1:finance:cancelled', '1:logistics:approved']);
    const late = await act('finance', approvalId, 'approve');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('approvals.alreadyDecided');
  });

  it('APR-1 reject needs a reason and ends the request with a rejected event', async () => {
    const { approvalId } = await file('rep-huadong-1');
    const missing = await act('am-huadong-1', approvalId, 'reject', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const blank = await act('am-huadong-1', approvalId, 'reject', { reason: '   ' });
    expect(blank.json().error).toMatchObject({ code: 'approvals.reasonRequired', details: { field: 'reason' } });
    const tooLong = await act('am-huadong-1', approvalId, 'reject', { reason: 'x'.repeat(501) });
    expect(tooLong.statusCode).toBe(400);
    expect((await get('am-huadong-1', approvalId)).json().status).toBe('pending');

    const rejected = await act('am-huadong-1', approvalId, 'reject', { reason: '超出预算' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decidedAt: expect.any(String) });
    const [event] = await eventsOf(t.database.db, 'approval.decided', approvalId);
    expect(event?.payload).toMatchObject({ outcome: 'rejected', decidedBy: id('am-huadong-1') });
    expect(rejected.json().timeline.at(-1)).toMatchObject({ action: 'rejected', comment: '超出预算' });
  });

  it('APR-1 return for changes, then resubmit: the chain restarts in round 2 with the new amount', async () => {
    const { approvalId } = await file('rep-huadong-1', { amount: 100_000 });
    const returned = await act('am-huadong-1', approvalId, 'return', { reason: '请补充发票' });
    expect(returned.json()).toMatchObject({ status: 'returned', currentApprovers: [] });
    const [event] = await eventsOf(t.database.db, 'approval.returned', approvalId);
    expect(event?.payload).toMatchObject({ approvalId, by: id('am-huadong-1'), reason: '请补充发票', type: 'test.request' });
    expect(await eventsOf(t.database.db, 'approval.decided', approvalId)).toEqual([]);
    expect((await act('am-huadong-1', approvalId, 'approve')).statusCode).toBe(409);

    await t.database.db.transaction((tx) =>
      resubmitApproval(tx, { userId: id('rep-huadong-1') }, { approvalId, payload: { fixed: true }, amount: 700_000, summary: '已补充' }),
    );
    const detail = (await get('rep-huadong-1', approvalId)).json();
    expect(detail).toMatchObject({
      status: 'pending',
      round: 2,
      currentStep: 0,
      amount: 700_000,
      summary: '已补充',
      payload: { fixed: true },
    });
    expect(detail.chain).toHaveLength(2);
    expect(await taskStatuses(approvalId)).toEqual(['1:am-huadong-1:returned', '2:am-huadong-1:pending']);
    expect(detail.timeline.map((e: { action: string; round: number }) => `${e.round}:${e.action}`)).toEqual([
      '1:requested',
      '1:returned',
      '2:resubmitted',
    ]);
    expect((await act('am-huadong-1', approvalId, 'approve')).json()).toMatchObject({ round: 2, currentApprovers: [{ id: id('deputy') }] });
    const again = t.database.db.transaction((tx) =>
      resubmitApproval(tx, { userId: id('rep-huadong-1') }, { approvalId, payload: {}, amount: 1, summary: 'x' }),
    );
    await expect(again).rejects.toMatchObject({ definition: { code: 'approvals.notReturned' } });
  });

  it('APR-1 withdraw: only the requester, only while pending', async () => {
    const { approvalId } = await file('rep-huadong-1');
    expect((await act('am-huadong-1', approvalId, 'withdraw')).statusCode).toBe(404);
    const withdrawn = await act('rep-huadong-1', approvalId, 'withdraw', { comment: '不需要了' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', currentApprovers: [] });
    expect(await taskStatuses(approvalId)).toEqual(['1:am-huadong-1:cancelled']);
    const [event] = await eventsOf(t.database.db, 'approval.decided', approvalId);
    expect(event?.payload).toMatchObject({ outcome: 'withdrawn', decidedBy: id('rep-huadong-1') });
    const again = await act('rep-huadong-1', approvalId, 'withdraw');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('approvals.notPending');
    expect((await act('am-huadong-1', approvalId, 'approve')).statusCode).toBe(409);
  });

  it('APR-1 transfer: the new approver can act, the old one reads 404; bad targets are named', async () => {
    const { approvalId } = await file('rep-huadong-1');
    const toRequester = await act('am-huadong-1', approvalId, 'transfer', { targetUserId: id('rep-huadong-1') });
    expect(toRequester.json().error).toMatchObject({ code: 'approvals.transferTargetInvalid', details: { field: 'targetUserId' } });
    const toSelf = await act('am-huadong-1', approvalId, 'transfer', { targetUserId: id('am-huadong-1') });
    expect(toSelf.json().error).toMatchObject({ code: 'approvals.transferTargetOnStep', details: { field: 'targetUserId' } });
    expect((await act('am-huadong-1', approvalId, 'transfer', { targetUserId: 999_999 })).statusCode).toBe(400);

    const moved = await act('am-huadong-1', approvalId, 'transfer', { targetUserId: id('mm-huadong'), comment: '出差中，请代批' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().timeline.at(-1)).toMatchObject({
      action: 'transferred',
      targetUserId: id('mm-huadong'),
      comment: '出差中，请代批',
    });
    expect((await act('am-huadong-1', approvalId, 'approve')).statusCode).toBe(404);
    expect((await get('am-huadong-1', approvalId)).statusCode).toBe(200);
    expect((await act('mm-huadong', approvalId, 'approve')).json().status).toBe('approved');
    expect(await taskStatuses(approvalId)).toEqual(['1:am-huadong-1:transferred', '1:mm-huadong:approved']);
    expect(await auditActions(approvalId)).toEqual(['request', 'transfer', 'approve']);
  });

  it('APR-1 comments come from the requester or an approver, and land in the timeline', async () => {
    const { approvalId } = await file('rep-huadong-1');
    expect((await act('rep-huadong-1', approvalId, 'comment', { comment: '发票已上传' })).statusCode).toBe(200);
    expect((await act('am-huadong-1', approvalId, 'comment', { comment: '收到' })).statusCode).toBe(200);
    expect((await act('mm-huadong', approvalId, 'comment', { comment: '路过' })).statusCode).toBe(404);
    expect((await act('rep-huadong-1', approvalId, 'comment', { comment: ' ' })).json().error.code).toBe('approvals.commentRequired');
    const timeline = (await get('rep-huadong-1', approvalId)).json().timeline;
    expect(timeline.map((e: { action: string; comment: string | null }) => `${e.action}:${e.comment}`)).toEqual([
      'requested:null',
      'commented:发票已上传',
      'commented:收到',
    ]);
  });
});

describe('APR-1 who sees and who acts', () => {
  it('APR-1 a request is visible to its requester, its approvers and those whose scope covers the requester; others read 404', async () => {
    const { approvalId } = await file('rep-huadong-1');
    for (const username of ['rep-huadong-1', 'am-huadong-1', 'mm-huadong', 'deputy', 'director', 'admin']) {
      expect({ username, status: (await get(username, approvalId)).statusCode }).toEqual({ username, status: 200 });
    }
    for (const username of ['rep-huadong-2', 'am-huadong-2', 'rep-huabei-1', 'mm-huabei']) {
      const response = await get(username, approvalId);
      expect({ username, status: response.statusCode }).toEqual({ username, status: 404 });
    }
    expect((await get('rep-huadong-1', 999_999)).statusCode).toBe(404);
  });

  it('APR-1 only the current approver may act: the requester, a superior who merely sees it, and strangers get 404', async () => {
    const { approvalId } = await file('rep-huadong-1');
    for (const username of ['rep-huadong-1', 'mm-huadong', 'director', 'rep-huabei-1', 'admin']) {
      const response = await act(username, approvalId, 'approve');
      expect({ username, status: response.statusCode, code: response.json().error.code }).toEqual({
        username,
        status: 404,
        code: 'platform.notFound',
      });
    }
    const detail = (await get('am-huadong-1', approvalId)).json();
    expect(detail.can).toEqual({ act: true, withdraw: false, comment: true });
    expect((await get('mm-huadong', approvalId)).json().can).toEqual({ act: false, withdraw: false, comment: false });
  });

  it('APR-1 the race on a countersign step: both approvals count, the step completes once', async () => {
    const { approvalId } = await file('rep-huadong-1', { type: countersignType });
    const answers = await Promise.all([act('finance', approvalId, 'approve'), act('logistics', approvalId, 'approve')]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await get('finance', approvalId)).json().status).toBe('approved');
    expect(await eventsOf(t.database.db, 'approval.decided', approvalId)).toHaveLength(1);
    expect(await taskStatuses(approvalId)).toEqual(['1:finance:approved', '1:logistics:approved']);
  });

  it('APR-1 the race on an any-of step: exactly one decision counts, the other gets a clear 409', async () => {
    const body = (action: string) => (action === 'approve' ? {} : { reason: '不同意' });
    for (const [first, second] of [
      ['approve', 'approve'],
      ['approve', 'reject'],
      ['return', 'approve'],
    ] as const) {
      const { approvalId } = await file('rep-huadong-1', { type: anyType });
      const answers = await Promise.all([
        act('finance', approvalId, first, body(first)),
        act('logistics', approvalId, second, body(second)),
      ]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(answers.find((r) => r.statusCode === 409)?.json().error.code).toBe('approvals.alreadyDecided');
      const tasks = await taskStatuses(approvalId);
      expect(tasks.filter((task) => task.endsWith(':pending'))).toEqual([]);
      expect(tasks.filter((task) => task.endsWith(':cancelled'))).toHaveLength(1);
      const decided = await eventsOf(t.database.db, 'approval.decided', approvalId);
      const returned = await eventsOf(t.database.db, 'approval.returned', approvalId);
      expect(decided.length + returned.length).toBe(1);
    }
  });
});
