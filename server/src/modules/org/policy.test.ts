import { and, count, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { departments, positionPermissions, positions, users } from './org.schema.js';
import { policies } from './policy.schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Summary {
  id: number;
  code: string;
  status: string;
  currentVersion: string | null;
  targetCount: number;
  acknowledgedCount: number;
  pendingCount: number;
  myAcknowledgedAt: string | null;
  targetsMe: boolean;
}

async function userId(username: string): Promise<number> {
  const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

async function departmentId(name: string): Promise<number> {
  const [row] = await t.database.db.select({ id: departments.id }).from(departments).where(eq(departments.name, name));
  if (!row) throw new Error(`no department ${name}`);
  return row.id;
}

async function positionId(name: string): Promise<number> {
  const [row] = await t.database.db.select({ id: positions.id }).from(positions).where(eq(positions.name, name));
  if (!row) throw new Error(`no position ${name}`);
  return row.id;
}

/** Active users holding a position in the department or anywhere below it, worked out in JavaScript as a cross-check. */
async function activeUsersUnder(name: string): Promise<number> {
  const tree = await t.database.db.select({ id: departments.id, parentId: departments.parentId }).from(departments);
  const subtree = new Set([await departmentId(name)]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const d of tree) {
      if (d.parentId !== null && subtree.has(d.parentId) && !subtree.has(d.id)) {
        subtree.add(d.id);
        grown = true;
      }
    }
  }
  const [row] = await t.database.db
    .select({ n: count() })
    .from(users)
    .innerJoin(positions, eq(positions.id, users.positionId))
    .where(and(eq(users.status, 'active'), inArray(positions.departmentId, [...subtree])));
  return row?.n ?? 0;
}

async function summaryOf(username: string, code: string): Promise<Summary | undefined> {
  const response = await t.as(username, { method: 'GET', url: `/api/org/policies?q=${code}&limit=200` });
  expect(response.statusCode).toBe(200);
  return (response.json().items as Summary[]).find((p) => p.code === code);
}

const body = '# 测试制度\n\n第一条 本制度用于测试。';

async function createDraft(code: string, targets: { departmentIds?: number[]; positionIds?: number[] }) {
  const response = await t.as('director', {
    method: 'POST',
    url: '/api/org/policies',
    payload: { code, title: `测试制度 ${code}`, category: '销售制度', version: 'V1.0', body, changeSummary: '首次发布', ...targets },
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function publish(policy: { id: number; draft: { id: number } }, payload: Record<string, unknown> = {}) {
  return t.as('director', {
    method: 'POST',
    url: `/api/org/policies/${policy.id}/versions/${policy.draft.id}/publish`,
    payload: { reviewedBy: await userId('deputy'), approvedBy: await userId('gm'), effectiveDate: '2026-03-01', ...payload },
  });
}

async function createPublished(code: string, targets: { departmentIds?: number[]; positionIds?: number[] }) {
  const response = await publish(await createDraft(code, targets));
  expect(response.statusCode).toBe(200);
  return response.json();
}

const acknowledge = (username: string, id: number) => t.as(username, { method: 'POST', url: `/api/org/policies/${id}/acknowledge` });

async function auditActions(entity: string, entityId: number) {
  const rows = await t.database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId))))
    .orderBy(auditLog.id);
  return rows.map((row) => row.action);
}

describe('ORG-7 policy library', () => {
  it('ORG-7 lists the demo library with audience counts from SQL aggregates', async () => {
    const director = await t.as('director', { method: 'GET', url: '/api/org/policies' });
    expect(director.statusCode).toBe(200);
    expect(director.json().items.map((p: Summary) => p.code)).toEqual(['CHN-001', 'FIN-001', 'MKT-001', 'MKT-002', 'SAL-001']);

    const visit = await summaryOf('rep-huadong-1', 'SAL-001');
    expect(visit).toMatchObject({ status: 'published', currentVersion: 'V1.0', targetsMe: true, myAcknowledgedAt: null });
    expect(visit?.targetCount).toBe(await activeUsersUnder('销售部'));
    expect(visit?.acknowledgedCount).toBeGreaterThan(0);
    expect(visit?.pendingCount).toBe((visit?.targetCount ?? 0) - (visit?.acknowledgedCount ?? 0));

    for (const username of ['rep-huadong-1', 'am-huadong-1', 'director']) {
      expect((await summaryOf(username, 'SAL-001'))?.myAcknowledgedAt).toBeNull();
    }
    const half = (visit?.targetCount ?? 0) / 2;
    expect(Math.abs((visit?.acknowledgedCount ?? 0) - half)).toBeLessThanOrEqual(half / 2);

    const handbook = await summaryOf('finance', 'MKT-001');
    expect(handbook?.targetCount).toBe(await activeUsersUnder('营销中心'));
    expect(handbook?.targetsMe).toBe(true);
  });

  it('ORG-7 shows the revision log newest first with who drafted, reviewed and approved, and the text in force', async () => {
    const handbook = await summaryOf('rep-huadong-1', 'MKT-001');
    const response = await t.as('rep-huadong-1', { method: 'GET', url: `/api/org/policies/${handbook?.id}` });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.versions.map((v: { version: string; status: string }) => `${v.version}:${v.status}`)).toEqual([
      'V2.0:published',
      'V1.0:superseded',
    ]);
    expect(detail.versions[0]).toMatchObject({ effectiveDate: '2026-01-01' });
    expect(detail.versions[0].draftedByName).toBeTruthy();
    expect(detail.versions[0].reviewedByName).toBeTruthy();
    expect(detail.versions[0].approvedByName).toBeTruthy();
    expect(detail.body).toContain('2026 年版');
    expect(detail.targets.departments).toEqual([{ id: await departmentId('营销中心'), name: '营销中心' }]);
    expect(detail.draft).toBeNull();
  });

  it('ORG-7 hides drafts from a rep and refuses a rep writing (403)', async () => {
    const draft = await summaryOf('director', 'MKT-002');
    expect(draft?.status).toBe('draft');
    expect(await summaryOf('rep-huadong-1', 'MKT-002')).toBeUndefined();
    const drafts = await t.as('rep-huadong-1', { method: 'GET', url: '/api/org/policies?status=draft' });
    expect(drafts.json()).toEqual({ items: [], total: 0 });
    expect((await t.as('rep-huadong-1', { method: 'GET', url: `/api/org/policies/${draft?.id}` })).statusCode).toBe(404);

    const create = await t.as('rep-huadong-1', {
      method: 'POST',
      url: '/api/org/policies',
      payload: { code: 'REP-001', title: '代表自拟', category: '销售制度', version: 'V1.0', body },
    });
    expect(create.statusCode).toBe(403);
    expect((await t.as('rep-huadong-1', { method: 'POST', url: `/api/org/policies/${draft?.id}/retire` })).statusCode).toBe(403);
    expect((await t.as('rep-huadong-1', { method: 'GET', url: `/api/org/policies/${draft?.id}/unacknowledged` })).statusCode).toBe(403);
  });

  it('ORG-7 creates a draft policy with its first version, naming each bad field and changing nothing', async () => {
    const channel = await departmentId('渠道部');
    const created = await createDraft('TST-001', { departmentIds: [channel] });
    expect(created).toMatchObject({ code: 'TST-001', status: 'draft', currentVersion: null, body: null, pendingCount: 0 });
    expect(created.draft).toMatchObject({ version: 'V1.0', body, changeSummary: '首次发布' });
    expect(created.versions).toHaveLength(1);
    expect(created.versions[0]).toMatchObject({ status: 'draft', draftedById: await userId('director') });
    expect(created.targets.departments).toEqual([{ id: channel, name: '渠道部' }]);

    const before = await t.database.db.select({ n: count() }).from(policies);
    const post = (payload: Record<string, unknown>) =>
      t.as('director', {
        method: 'POST',
        url: '/api/org/policies',
        headers: { 'accept-language': 'en' },
        payload: { code: 'TST-X', title: '坏输入', category: '销售制度', version: 'V1.0', body, ...payload },
      });

    const duplicate = await post({ code: 'TST-001' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'org.policyCodeTaken', details: { field: 'code' } });
    expect(duplicate.json().error.message).toContain('TST-001');

    const badDepartment = await post({ departmentIds: [999999] });
    expect(badDepartment.statusCode).toBe(400);
    expect(badDepartment.json().error).toMatchObject({ code: 'org.referenceMissing', details: { field: 'departmentIds' } });

    const badPosition = await post({ positionIds: [999999] });
    expect(badPosition.json().error.details.field).toBe('positionIds');

    const badOwner = await post({ ownerDepartmentId: 999999 });
    expect(badOwner.json().error.details.field).toBe('ownerDepartmentId');

    const tooLarge = await post({ body: '制'.repeat(70 * 1024) });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().error).toMatchObject({ code: 'org.policyBodyTooLarge', details: { field: 'body' } });

    const missing = await post({ title: undefined, code: 'bad code!' });
    expect(missing.statusCode).toBe(400);
    const fields = missing.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'code']));

    const after = await t.database.db.select({ n: count() }).from(policies);
    expect(after).toEqual(before);
  });

  it('ORG-7 adds versions one draft at a time and publishes with named reviewer, approver and effective date', async () => {
    const draft = await createDraft('TST-002', { departmentIds: [await departmentId('渠道部')] });
    const addVersion = (version: string) =>
      t.as('director', {
        method: 'POST',
        url: `/api/org/policies/${draft.id}/versions`,
        payload: { version, body: `${body}\n\n第二条 新增。`, changeSummary: `修订为 ${version}` },
      });

    const second = await addVersion('V1.1');
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'org.policyDraftPending', details: { field: 'version' } });
    expect(second.json().error.message).toContain('V1.0');

    const nobody = await publish(draft, { reviewedBy: 999999 });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error).toMatchObject({ code: 'org.referenceMissing', details: { field: 'reviewedBy' } });

    const leaver = await userId('csr-2');
    await t.database.db.update(users).set({ status: 'left' }).where(eq(users.id, leaver));
    const inactive = await publish(draft, { approvedBy: leaver });
    await t.database.db.update(users).set({ status: 'active' }).where(eq(users.id, leaver));
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().error).toMatchObject({ code: 'org.signerInactive', details: { field: 'approvedBy' } });

    for (const effectiveDate of ['2026-02-30', '01/03/2026']) {
      const badDate = await publish(draft, { effectiveDate });
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['effectiveDate']);
    }
    expect((await summaryOf('director', 'TST-002'))?.status).toBe('draft');

    const published = await publish(draft);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', currentVersion: 'V1.0', effectiveDate: '2026-03-01', draft: null });
    expect(published.json().versions[0]).toMatchObject({
      status: 'published',
      reviewedById: await userId('deputy'),
      approvedById: await userId('gm'),
    });
    expect(published.json().publishedAt).toBeTruthy();

    const again = await publish(draft);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('org.policyVersionNotDraft');

    const sameLabel = await addVersion('V1.0');
    expect(sameLabel.statusCode).toBe(409);
    expect(sameLabel.json().error).toMatchObject({ code: 'org.policyVersionTaken', details: { field: 'version' } });
    expect(sameLabel.json().error.message).toContain('V1.0');

    const next = await addVersion('V1.1');
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ status: 'published', currentVersion: 'V1.0', draft: { version: 'V1.1' } });
    expect((await addVersion('V1.2')).json().error.code).toBe('org.policyDraftPending');
  });

  it('ORG-7 resolves the audience from department subtrees and positions', async () => {
    const repPosition = await positionId('华东一区销售代表');
    const policy = await createPublished('TST-003', { departmentIds: [await departmentId('渠道部')], positionIds: [repPosition] });
    expect(policy.targetCount).toBe(1 + 2);
    expect(policy.targets.positions).toEqual([{ id: repPosition, name: '华东一区销售代表', departmentName: '华东大区' }]);
    expect((await summaryOf('rep-huadong-2', 'TST-003'))?.targetsMe).toBe(true);
    expect((await summaryOf('am-huadong-1', 'TST-003'))?.targetsMe).toBe(false);

    const retarget = await t.as('director', {
      method: 'PUT',
      url: `/api/org/policies/${policy.id}/targets`,
      payload: { departmentIds: [await departmentId('销售部')], positionIds: [repPosition] },
    });
    expect(retarget.statusCode).toBe(200);
    expect(retarget.json().targetCount).toBe(await activeUsersUnder('销售部'));
    expect((await summaryOf('am-huadong-1', 'TST-003'))?.targetsMe).toBe(true);

    const bad = await t.as('director', {
      method: 'PUT',
      url: `/api/org/policies/${policy.id}/targets`,
      payload: { departmentIds: [], positionIds: [999999] },
    });
    expect(bad.json().error.details.field).toBe('positionIds');
    expect((await summaryOf('director', 'TST-003'))?.targetCount).toBe(await activeUsersUnder('销售部'));
  });

  it('ORG-7 acknowledges once (idempotent); an untargeted or draft policy answers 404', async () => {
    const policy = await createPublished('TST-004', { departmentIds: [await departmentId('华东大区')] });
    const first = await acknowledge('rep-huadong-1', policy.id);
    expect(first.statusCode).toBe(200);
    const second = await acknowledge('rep-huadong-1', policy.id);
    expect(second.json().acknowledgedAt).toBe(first.json().acknowledgedAt);
    expect((await summaryOf('rep-huadong-1', 'TST-004'))?.myAcknowledgedAt).toBe(first.json().acknowledgedAt);
    expect(await auditActions('policy_ack', policy.id)).toEqual(['acknowledge']);

    expect((await acknowledge('rep-huabei-1', policy.id)).statusCode).toBe(404);
    const draft = await summaryOf('director', 'MKT-002');
    expect((await acknowledge('rep-huadong-1', draft?.id ?? 0)).statusCode).toBe(404);
    expect((await acknowledge('rep-huadong-1', 999999)).statusCode).toBe(404);
  });

  it('ORG-7 reports who has not acknowledged, shrinking with acknowledgements and limited to the data scope', async () => {
    const policy = await createPublished('TST-005', { departmentIds: [await departmentId('销售部')] });
    const report = async (username: string) => {
      const response = await t.as(username, { method: 'GET', url: `/api/org/policies/${policy.id}/unacknowledged?limit=200` });
      expect(response.statusCode).toBe(200);
      return response.json() as { items: { username: string; positionName: string; departmentName: string }[]; total: number };
    };
    const full = await report('director');
    expect(full.total).toBe(policy.targetCount);
    expect(full.items.find((u) => u.username === 'rep-huadong-1')).toMatchObject({
      positionName: '华东一区销售代表',
      departmentName: '华东大区',
    });

    await acknowledge('rep-huadong-1', policy.id);
    await acknowledge('am-huadong-1', policy.id);
    const shrunk = await report('director');
    expect(shrunk.total).toBe(full.total - 2);
    expect(shrunk.items.map((u) => u.username)).not.toContain('rep-huadong-1');

    const paged = await t.as('director', { method: 'GET', url: `/api/org/policies/${policy.id}/unacknowledged?limit=5&offset=5` });
    expect(paged.json().items).toHaveLength(5);
    expect(paged.json().total).toBe(shrunk.total);

    const [mm] = await t.database.db.select({ positionId: users.positionId }).from(users).where(eq(users.username, 'mm-huadong'));
    await t.database.db.insert(positionPermissions).values({ positionId: mm?.positionId ?? 0, permission: 'org.policies.manage' });
    const huadong = await t.database.db
      .select({ username: users.username })
      .from(users)
      .where(and(like(users.username, '%-huadong%'), eq(users.status, 'active')));
    const expected = huadong.map((u) => u.username).filter((u) => !['rep-huadong-1', 'am-huadong-1'].includes(u));
    const scoped = await report('mm-huadong');
    expect(scoped.items.map((u) => u.username).sort()).toEqual(expected.sort());
    expect(scoped.total).toBe(expected.length);

    const draft = await summaryOf('director', 'MKT-002');
    const notPublished = await t.as('director', { method: 'GET', url: `/api/org/policies/${draft?.id}/unacknowledged` });
    expect(notPublished.statusCode).toBe(409);
    expect(notPublished.json().error.code).toBe('org.policyNotPublished');
  });

  it('ORG-7 asks everyone to acknowledge again when a new version is published', async () => {
    const policy = await createPublished('TST-006', { departmentIds: [await departmentId('华东大区')] });
    const pendingCodes = async () => {
      const response = await t.as('rep-huadong-1', { method: 'GET', url: '/api/org/policies/pending' });
      expect(response.statusCode).toBe(200);
      return response.json().map((p: { code: string }) => p.code);
    };
    expect(await pendingCodes()).toContain('TST-006');
    await acknowledge('rep-huadong-1', policy.id);
    expect(await pendingCodes()).not.toContain('TST-006');
    expect((await summaryOf('director', 'TST-006'))?.acknowledgedCount).toBe(1);

    const next = await t.as('director', {
      method: 'POST',
      url: `/api/org/policies/${policy.id}/versions`,
      payload: { version: 'V2.0', body: `${body}\n\n第三条 修订。`, changeSummary: '全面修订' },
    });
    expect(next.statusCode).toBe(201);
    const republished = await publish(next.json(), { effectiveDate: '2026-06-01' });
    expect(republished.json()).toMatchObject({ currentVersion: 'V2.0', acknowledgedCount: 0, effectiveDate: '2026-06-01' });
    expect(republished.json().versions.map((v: { version: string; status: string }) => `${v.version}:${v.status}`)).toEqual([
      'V2.0:published',
      'V1.0:superseded',
    ]);
    expect(await pendingCodes()).toContain('TST-006');
    expect((await summaryOf('rep-huadong-1', 'TST-006'))?.myAcknowledgedAt).toBeNull();
  });

  it('ORG-7 retires a policy: hidden from non-managers, no more changes or acknowledgements', async () => {
    const policy = await createPublished('TST-007', { departmentIds: [await departmentId('华东大区')] });
    const retired = await t.as('director', { method: 'POST', url: `/api/org/policies/${policy.id}/retire` });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ status: 'retired', pendingCount: 0 });
    expect((await t.as('rep-huadong-1', { method: 'GET', url: `/api/org/policies/${policy.id}` })).statusCode).toBe(404);
    expect((await acknowledge('rep-huadong-1', policy.id)).statusCode).toBe(404);
    const pending = await t.as('rep-huadong-1', { method: 'GET', url: '/api/org/policies/pending' });
    expect(pending.json().map((p: { code: string }) => p.code)).not.toContain('TST-007');
    const again = await t.as('director', { method: 'POST', url: `/api/org/policies/${policy.id}/retire` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('org.policyRetired');
  });

  it('ORG-7 writes an audit row for every change', async () => {
    const policy = await createPublished('TST-008', { departmentIds: [await departmentId('华东大区')] });
    await t.as('director', {
      method: 'PUT',
      url: `/api/org/policies/${policy.id}/targets`,
      payload: { departmentIds: [await departmentId('华东大区')], positionIds: [] },
    });
    await acknowledge('rep-huadong-1', policy.id);
    await t.as('director', { method: 'POST', url: `/api/org/policies/${policy.id}/retire` });
    expect(await auditActions('policy', policy.id)).toEqual(['create', 'publish', 'set-targets', 'retire']);
    expect(await auditActions('policy_version', policy.versions[0].id)).toEqual(['create', 'publish']);
    expect(await auditActions('policy_ack', policy.id)).toEqual(['acknowledge']);
    const [created] = await t.database.db
      .select({ actor: auditLog.actorUserId, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'policy_version'), eq(auditLog.entityId, String(policy.versions[0].id))));
    expect(created?.actor).toBe(await userId('director'));
    expect(created?.after).toMatchObject({ version: 'V1.0', bodyBytes: Buffer.byteLength(body) });
  });
});
