import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { registerApprovalType } from './approval.registry.js';
import { eventsOf, fileRequest, registerTestType, testType, userIdsByName } from './approval.test-support.js';
import { previewChain } from './definition.service.js';
import { resubmitApproval } from './request.service.js';

let t: TestApp;
let ids: Map<string, number>;
const id = (username: string) => {
  const found = ids.get(username);
  if (found === undefined) throw new Error(`no demo user ${username}`);
  return found;
};
const rulesType = registerTestType('test.rules');

beforeAll(async () => {
  t = await createTestApp();
  ids = await userIdsByName(t.database.db);
});
afterAll(() => t.close());

const preview = (username: string, payload: object) => t.as(username, { method: 'POST', url: '/api/approvals/preview', payload });
const approverNames = (steps: { approvers: { id: number }[] }[]) =>
  steps.map((step) => step.approvers.map((a) => [...ids.entries()].find(([, v]) => v === a.id)?.[0]));
const putDefinition = (username: string, type: string, payload: object) =>
  t.as(username, { method: 'PUT', url: `/api/approvals/definitions/${type}`, payload });

describe('APR-1 chain resolution', () => {
  it('APR-1 picks the chain by amount: up to CNY 5,000 the direct superior, from 5,000.01 also the director', async () => {
    const chains: Record<number, unknown> = {};
    for (const amount of [499_999, 500_000, 500_001]) {
      const response = await preview('rep-huadong-1', { type: testType, requesterId: id('rep-huadong-1'), amount });
      expect(response.statusCode).toBe(200);
      chains[amount] = approverNames(response.json().steps);
    }
    expect(chains).toEqual({
      499999: [['am-huadong-1']],
      500000: [['am-huadong-1']],
      500001: [['am-huadong-1'], ['deputy']],
    });
  });

  it('APR-1 walks the superior chain from every level of the ladder; the top approves at once', async () => {
    const ladder = [
      ['rep-huadong-1', 'am-huadong-1'],
      ['am-huadong-1', 'mm-huadong'],
      ['mm-huadong', 'deputy'],
      ['deputy', 'director'],
      ['director', 'gm'],
    ] as const;
    for (const [requester, superior] of ladder) {
      const opened = await fileRequest(t.database.db, id(requester));
      expect({ requester, status: opened.status, approvers: opened.currentApprovers.map((a) => a.id) }).toEqual({
        requester,
        status: 'pending',
        approvers: [id(superior)],
      });
    }
    const top = await fileRequest(t.database.db, id('gm'));
    expect(top).toMatchObject({ status: 'approved', currentApprovers: [] });
    const [decided] = await eventsOf(t.database.db, 'approval.decided', top.approvalId);
    expect(decided?.payload).toMatchObject({ outcome: 'approved', decidedBy: null, type: testType, subjectType: 'test' });
    const detail = (await t.as('gm', { method: 'GET', url: `/api/approvals/${top.approvalId}` })).json();
    expect(detail.chain).toEqual([{ name: '直接上级', mode: 'sequential', approvers: [], skipped: 'empty' }]);
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['requested', 'skipped']);
  });

  it('APR-1 collapses the same person twice in a row: for a market manager the superior is also the nearest director', async () => {
    const response = await preview('mm-huadong', { type: testType, requesterId: id('mm-huadong'), amount: 600_000 });
    expect(approverNames(response.json().steps)).toEqual([['deputy']]);
    expect(response.json().skipped).toEqual([{ name: '总监', reason: 'duplicate' }]);
    const forRepHuabei = await previewChain(t.database.db, { type: testType, requesterId: id('rep-huabei-1'), amount: 600_000 });
    expect(approverNames(forRepHuabei.steps)).toEqual([['am-huabei-1'], ['director']]);
  });

  it('APR-1 resolves positions, named users, department heads and superior levels; skips steps of nobody or only the requester', async () => {
    const [finance] = await selectRows<{ position_id: number }>(
      t.database.db,
      sql`SELECT position_id FROM users WHERE username = 'finance'`,
    );
    const definition = {
      name: '规则',
      tiers: [
        {
          minAmount: null,
          steps: [
            { name: '两级上级', mode: 'sequential', approvers: { kind: 'superior', levels: 2 } },
            { name: '部门负责人', mode: 'any', approvers: { kind: 'departmentHead' } },
            { name: '本人', mode: 'any', approvers: { kind: 'users', userIds: [id('rep-huadong-1')] } },
            { name: '财务', mode: 'any', approvers: { kind: 'position', positionId: Number(finance?.position_id) } },
            { name: '会签', mode: 'countersign', approvers: { kind: 'users', userIds: [id('ssg'), id('logistics')] } },
          ],
        },
      ],
    };
    expect((await putDefinition('admin', rulesType, definition)).statusCode).toBe(200);
    const response = await preview('rep-huadong-1', { type: rulesType, requesterId: id('rep-huadong-1'), amount: null });
    expect(approverNames(response.json().steps)).toEqual([['am-huadong-1'], ['mm-huadong'], ['finance'], ['ssg', 'logistics']]);
    expect(response.json().steps.map((s: { name: string; mode: string }) => `${s.name}/${s.mode}`)).toEqual([
      '两级上级/sequential',
      '两级上级/sequential',
      '财务/any',
      '会签/countersign',
    ]);
    // The department head (华东大区: mm-huadong) repeats the step before; the named user is the requester.
    expect(response.json().skipped).toEqual([
      { name: '部门负责人', reason: 'duplicate' },
      { name: '本人', reason: 'requester' },
    ]);
  });

  it('APR-1 passes over a vacant superior position rather than letting the request through', async () => {
    // rep-huadong-3 reports to the 华东二区 area manager position, left vacant here.
    await t.database.db.execute(sql`UPDATE users SET position_id = NULL WHERE username = 'am-huadong-2'`);
    const opened = await fileRequest(t.database.db, id('rep-huadong-3'));
    expect(opened.currentApprovers.map((a) => a.id)).toEqual([id('mm-huadong')]);
  });
});

describe('APR-1 definitions', () => {
  it('APR-1 lists the registered types with their labels and the definition in force', async () => {
    const response = await t.as('rep-huadong-1', { method: 'GET', url: '/api/approvals/types' });
    expect(response.statusCode).toBe(200);
    const type = response.json().find((row: { key: string }) => row.key === testType);
    expect(type).toMatchObject({ module: 'approvals', 'zh-CN': '测试申请', en: 'Test request', isDefault: true, updatedAt: null });
    expect(type.definition.tiers.map((tier: { minAmount: number | null }) => tier.minAmount)).toEqual([null, 500_001]);
  });

  it('APR-1 refuses a bad definition naming every bad part by its path, and changes nothing', async () => {
    const response = await putDefinition('admin', testType, {
      name: '坏的',
      tiers: [
        {
          minAmount: 100,
          steps: [
            { name: 'a', mode: 'sequential', approvers: { kind: 'position', positionId: 999_999 } },
            { name: 'b', mode: 'sequential', approvers: { kind: 'superior' } },
            { name: 'c', mode: 'any', approvers: { kind: 'users', userIds: [999_998] } },
            { name: 'd', mode: 'any', approvers: { kind: 'ladder' } },
          ],
        },
        { minAmount: 50, steps: [] },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('approvals.definitionInvalid');
    expect(response.json().error.details.fields).toEqual([
      { field: 'tiers.0.minAmount', rule: 'firstTier' },
      { field: 'tiers.0.steps.1.approvers.levels', rule: 'required' },
      { field: 'tiers.0.steps.3.approvers.ladder', rule: 'required' },
      { field: 'tiers.1.minAmount', rule: 'order' },
      { field: 'tiers.1.steps', rule: 'required' },
      { field: 'tiers.0.steps.0.approvers.positionId', rule: 'notFound' },
      { field: 'tiers.0.steps.2.approvers.userIds', rule: 'notFound' },
    ]);
    expect(response.json().error.message).toContain('tiers.0.steps.0.approvers.positionId');
    const types = (await t.as('admin', { method: 'GET', url: '/api/approvals/types' })).json();
    expect(types.find((row: { key: string }) => row.key === testType).isDefault).toBe(true);
  });

  it('APR-1 checks the shape first: an unknown mode or field is a validation error on its path', async () => {
    const response = await putDefinition('admin', testType, {
      name: 'x',
      tiers: [{ minAmount: null, steps: [{ name: 'a', mode: 'someone', approvers: { kind: 'superior', levels: 1, extra: 1 } }] }],
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['tiers.0.steps.0.mode', 'tiers.0.steps.0.approvers.extra']));
  });

  it('APR-1 stores an edited definition with an audit row; only holders of approvals.definitions.manage may edit', async () => {
    const definition = {
      name: '测试审批（改）',
      tiers: [
        { minAmount: 0, steps: [{ name: '直接上级', mode: 'sequential', approvers: { kind: 'superior', levels: 1 } }] },
        { minAmount: 100_000_000, steps: [{ name: '总经理', mode: 'any', approvers: { kind: 'users', userIds: [id('gm')] } }] },
      ],
    };
    expect((await putDefinition('director', testType, definition)).statusCode).toBe(403);
    const saved = await putDefinition('admin', testType, definition);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(definition);
    const listed = (await t.as('admin', { method: 'GET', url: '/api/approvals/types' }))
      .json()
      .find((r: { key: string }) => r.key === testType);
    expect(listed).toMatchObject({ isDefault: false, definition });
    const big = await preview('admin', { type: testType, requesterId: id('rep-huadong-1'), amount: 100_000_000 });
    expect(approverNames(big.json().steps)).toEqual([['gm']]);
    const [audit] = await selectRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'approval_definition' AND entity_id = ${testType} AND action = 'update'`,
    );
    expect(audit?.n).toBe(1);
    expect((await putDefinition('admin', 'no.such.type', definition)).statusCode).toBe(404);
  });

  it('APR-1 previews only for requesters within my data scope; others read as not found', async () => {
    expect((await preview('rep-huadong-1', { type: testType, requesterId: id('rep-huabei-1'), amount: 1 })).statusCode).toBe(404);
    expect((await preview('am-huadong-1', { type: testType, requesterId: id('rep-huadong-2'), amount: 1 })).statusCode).toBe(200);
    const unknown = await preview('admin', { type: 'no.such.type', requesterId: id('rep-huadong-1'), amount: 1 });
    expect(unknown.json().error).toMatchObject({ code: 'approvals.unknownType', details: { field: 'type' } });
  });
});

describe('APR-1 approvers named at submit (requested steps)', () => {
  const namedType = 'test.requested';
  registerApprovalType({
    key: namedType,
    module: 'approvals',
    'zh-CN': '指定审批人',
    en: 'Named approvers',
    subjectPath: (subject) => `/test/${subject}`,
    defaultDefinition: {
      name: '指定审批人',
      tiers: [{ minAmount: null, steps: [{ name: '指定裁定', mode: 'sequential', approvers: { kind: 'requested' } }] }],
    },
  });
  const file = (requester: string, approverIds?: number[]) =>
    fileRequest(t.database.db, id(requester), { type: namedType, amount: null, approverIds });

  it('APR-1 the filing module names who decides; several named people decide one after another', async () => {
    const one = await file('rep-huabei-1', [id('mm-huabei')]);
    expect(one).toMatchObject({ status: 'pending', currentApprovers: [{ id: id('mm-huabei') }] });
    const two = await file('rep-huabei-1', [id('am-huabei-2'), id('director')]);
    const detail = (await t.as('rep-huabei-1', { method: 'GET', url: `/api/approvals/${two.approvalId}` })).json();
    expect(approverNames(detail.chain)).toEqual([['am-huabei-2'], ['director']]);
    expect((await t.as('am-huabei-2', { method: 'POST', url: `/api/approvals/${two.approvalId}/approve`, payload: {} })).statusCode).toBe(
      200,
    );
    const after = (await t.as('rep-huabei-1', { method: 'GET', url: `/api/approvals/${two.approvalId}` })).json();
    expect(after).toMatchObject({ status: 'pending', currentStep: 1 });
  });

  it('APR-1 with nobody named, or only people who have left, the direct superior decides: never through unseen', async () => {
    expect((await file('rep-huabei-1')).currentApprovers.map((a) => a.id)).toEqual([id('am-huabei-1')]);
    expect((await file('rep-huabei-1', [])).currentApprovers.map((a) => a.id)).toEqual([id('am-huabei-1')]);
    await t.database.db.execute(sql`UPDATE users SET status = 'left' WHERE username = 'csr-2'`);
    expect((await file('rep-huabei-1', [id('csr-2')])).currentApprovers.map((a) => a.id)).toEqual([id('am-huabei-1')]);
    // Naming only the requester is like a request at the top: nobody else is asked.
    const own = await file('mm-huabei', [id('mm-huabei')]);
    expect(own.status).toBe('approved');
  });

  it('APR-1 a resubmission names the approvers again; the editor accepts and previews the rule', async () => {
    const opened = await file('rep-huabei-2', [id('mm-huabei')]);
    const returned = await t.as('mm-huabei', {
      method: 'POST',
      url: `/api/approvals/${opened.approvalId}/return`,
      payload: { reason: '补充材料' },
    });
    expect(returned.statusCode).toBe(200);
    const again = await t.database.db.transaction((tx) =>
      resubmitApproval(
        tx,
        { userId: id('rep-huabei-2') },
        {
          approvalId: opened.approvalId,
          payload: { n: 'again' },
          amount: null,
          summary: '再次提交',
          approverIds: [id('director')],
        },
      ),
    );
    expect(again.currentApprovers.map((a) => a.id)).toEqual([id('director')]);

    const definition = {
      name: '指定审批人（改）',
      tiers: [
        {
          minAmount: 0,
          steps: [
            { name: '指定裁定', mode: 'sequential', approvers: { kind: 'requested' } },
            { name: '总监', mode: 'any', approvers: { kind: 'ladder', ladder: 'director' } },
          ],
        },
      ],
    };
    const saved = await putDefinition('admin', namedType, definition);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(definition);
    // A preview names nobody at submit, so it shows the fallback: the direct superior.
    const shown = await preview('admin', { type: namedType, requesterId: id('rep-huabei-1'), amount: null });
    expect(approverNames(shown.json().steps)).toEqual([['am-huabei-1'], ['director']]);
  });
});
