import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { selectRows } from '../../platform/db/raw.js';
import { shanghaiDate } from '../../platform/time.js';
import { accounts } from './account.schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Lead = { id: number; status: string; ownerUserId: number | null; [key: string]: unknown };

const post = (user: string, url: string, payload: Record<string, unknown> = {}) => t.as(user, { method: 'POST', url, payload });
const get = (user: string, url: string) => t.as(user, { method: 'GET', url });

let serial = 0;
async function newLead(user: string, fields: Record<string, unknown> = {}): Promise<Lead> {
  serial += 1;
  const response = await post(user, '/api/customers/leads', {
    name: `测试联系人${serial}`,
    company: `测试线索商行${serial}号`,
    mobile: `1390000${String(serial).padStart(4, '0')}`,
    source: 'walk_in',
    ...fields,
  });
  if (response.statusCode !== 201) throw new Error(`lead failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function userId(username: string): Promise<number> {
  const [row] = await selectRows<{ id: string | number }>(t.database.db, sql`SELECT id FROM users WHERE username = ${username}`);
  return Number(row?.id);
}

async function leadAudits(id: number): Promise<string[]> {
  const rows = await t.database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'lead'), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

const errorOf = (response: { json(): unknown }) =>
  (response.json() as { error: { code: string; details: { field?: string } | null } }).error;

describe('CUS-7 recording leads', () => {
  it('CUS-7 a rep records a lead they own (assigned), in their geography, audited', async () => {
    const rep = await userId('rep-huadong-1');
    const lead = await newLead('rep-huadong-1', { source: 'exhibition', campaign: '糖酒会' });
    const [user] = await selectRows<{ geography_id: string }>(t.database.db, sql`SELECT geography_id FROM users WHERE id = ${rep}`);
    expect(lead).toMatchObject({
      status: 'assigned',
      ownerUserId: rep,
      geographyId: Number(user?.geography_id),
      source: 'exhibition',
      masked: false,
    });
    expect(lead.followUps).toEqual([]);
    expect(await leadAudits(lead.id)).toEqual(['create']);
  });

  it('CUS-7 the SSG (who assigns and sees everything) leaves a lead unassigned as new', async () => {
    const lead = await newLead('ssg', { source: 'call_team' });
    expect(lead).toMatchObject({ status: 'new', ownerUserId: null });
  });

  it('CUS-7 refuses each bad field and changes nothing', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(auditLog);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '   ' }, 'name'],
      [{ mobile: '12345' }, 'mobile'],
      [{ source: 'tv' }, 'source'],
      [{ teamId: 999_999 }, 'teamId'],
      [{ geographyId: 999_999 }, 'geographyId'],
    ];
    for (const [fields, field] of cases) {
      const response = await post('rep-huadong-1', '/api/customers/leads', { name: '某人', source: 'walk_in', ...fields });
      expect(response.statusCode, field).toBe(400);
      expect(JSON.stringify(errorOf(response)), field).toContain(field);
    }
    const [after] = await t.database.db.select({ n: count() }).from(auditLog);
    expect(after?.n).toBe(before?.n);
  });

  it('CUS-7 a rep may not give a lead to someone else (needs leads.assign)', async () => {
    const response = await post('rep-huadong-1', '/api/customers/leads', {
      name: '某人',
      source: 'walk_in',
      ownerUserId: await userId('rep-huadong-2'),
    });
    expect(response.statusCode).toBe(403);
  });

  it('CUS-7 a user without lead permissions is refused (403)', async () => {
    expect((await get('logistics', '/api/customers/leads')).statusCode).toBe(403);
    expect((await post('finance', '/api/customers/leads', { name: '某人', source: 'walk_in' })).statusCode).toBe(403);
  });

  it('ORG-4 scope: another rep gets 404, the area manager and the market manager see it', async () => {
    const lead = await newLead('rep-huadong-1', { mobile: '13912345678' });
    expect((await get('rep-huadong-2', `/api/customers/leads/${lead.id}`)).statusCode).toBe(404);
    expect((await get('rep-huabei-1', `/api/customers/leads/${lead.id}`)).statusCode).toBe(404);
    expect((await get('am-huadong-1', `/api/customers/leads/${lead.id}`)).json()).toMatchObject({ mobile: '13912345678', masked: false });
    expect((await get('mm-huadong', `/api/customers/leads/${lead.id}`)).json()).toMatchObject({ mobile: '13912345678', masked: false });
    const list = (await get('rep-huadong-2', '/api/customers/leads?limit=200')).json();
    expect(list.items.some((l: Lead) => l.id === lead.id)).toBe(false);
    expect(list.total).toBe(list.items.length);
  });

  it('CMP-3 an unassigned lead reached through geography shows its mobile masked', async () => {
    const [huadong] = await selectRows<{ id: string }>(t.database.db, sql`SELECT id FROM geographies WHERE code = 'huadong'`);
    const lead = await newLead('ssg', { mobile: '13912340000', geographyId: Number(huadong?.id) });
    expect(lead).toMatchObject({ ownerUserId: null, mobile: '13912340000', masked: false });
    const market = await get('mm-huadong', `/api/customers/leads/${lead.id}`);
    expect(market.json()).toMatchObject({ mobile: '139****0000', masked: true });
    const listed = (await get('mm-huadong', '/api/customers/leads?unassigned=true&limit=200')).json();
    expect(listed.items.find((l: Lead) => l.id === lead.id)).toMatchObject({ mobile: '139****0000' });
    expect((await get('am-huadong-1', `/api/customers/leads/${lead.id}`)).statusCode).toBe(404);
  });
});

describe('CUS-7 follow-ups, appointments and losing a lead', () => {
  it('CUS-7 a call moves the lead to following, an appointment to appointed with the next follow-up at its time', async () => {
    const lead = await newLead('rep-huadong-1');
    const called = await post('rep-huadong-1', `/api/customers/leads/${lead.id}/follow-ups`, { kind: 'call', outcome: '有意向' });
    expect(called.statusCode).toBe(200);
    expect(called.json()).toMatchObject({ status: 'following' });
    const when = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const booked = await post('rep-huadong-1', `/api/customers/leads/${lead.id}/follow-ups`, { kind: 'appointment', scheduledFor: when });
    expect(booked.json()).toMatchObject({ status: 'appointed', nextFollowUpAt: when });
    const again = await post('rep-huadong-1', `/api/customers/leads/${lead.id}/follow-ups`, { kind: 'message' });
    expect(again.json().status).toBe('appointed');
    expect(
      again
        .json()
        .followUps.map((f: { kind: string }) => f.kind)
        .sort(),
    ).toEqual(['appointment', 'call', 'message']);
    expect(await leadAudits(lead.id)).toEqual(['create', 'follow-up', 'follow-up', 'follow-up']);
  });

  it('CUS-7 refuses an appointment without its time, a time on a call, a follow-up in the future, and out of scope', async () => {
    const lead = await newLead('rep-huadong-1');
    const url = `/api/customers/leads/${lead.id}/follow-ups`;
    const noTime = await post('rep-huadong-1', url, { kind: 'appointment' });
    expect([noTime.statusCode, errorOf(noTime).details?.field]).toEqual([400, 'scheduledFor']);
    const timed = await post('rep-huadong-1', url, { kind: 'call', scheduledFor: new Date().toISOString() });
    expect([timed.statusCode, errorOf(timed).details?.field]).toEqual([400, 'scheduledFor']);
    const future = await post('rep-huadong-1', url, { kind: 'call', at: new Date(Date.now() + 86_400_000).toISOString() });
    expect([future.statusCode, errorOf(future).details?.field]).toEqual([400, 'at']);
    expect((await post('rep-huadong-1', url, { kind: 'fax' })).statusCode).toBe(400);
    expect((await post('rep-huadong-2', url, { kind: 'call' })).statusCode).toBe(404);
    expect(await leadAudits(lead.id)).toEqual(['create']);
  });

  it('CUS-7 an unassigned lead is assigned before anyone follows it up', async () => {
    const lead = await newLead('ssg');
    const response = await post('ssg', `/api/customers/leads/${lead.id}/follow-ups`, { kind: 'call' });
    expect([response.statusCode, errorOf(response).code]).toEqual([409, 'customers.leadUnassigned']);
  });

  it('CUS-7 lost needs a reason; a lost lead takes no more follow-ups, assignment or conversion', async () => {
    const lead = await newLead('rep-huadong-1');
    expect((await post('rep-huadong-1', `/api/customers/leads/${lead.id}/lost`, { reason: '  ' })).statusCode).toBe(400);
    const lost = await post('rep-huadong-1', `/api/customers/leads/${lead.id}/lost`, { reason: '已与竞品签约' });
    expect(lost.json()).toMatchObject({ status: 'lost', lostReason: '已与竞品签约', nextFollowUpAt: null });
    const follow = await post('rep-huadong-1', `/api/customers/leads/${lead.id}/follow-ups`, { kind: 'call' });
    expect([follow.statusCode, errorOf(follow).code]).toEqual([409, 'customers.leadClosed']);
    const convert = await post('rep-huadong-1', `/api/customers/leads/${lead.id}/convert`, { kind: 'retail_store' });
    expect(convert.statusCode).toBe(409);
    const assign = await post('am-huadong-1', '/api/customers/leads/assign', {
      leadIds: [lead.id],
      ownerUserId: await userId('rep-huadong-2'),
    });
    expect(assign.statusCode).toBe(409);
    expect(await leadAudits(lead.id)).toEqual(['create', 'lost']);
  });
});

describe('CUS-7 assignment', () => {
  it('CUS-7 a manager assigns by hand within their team; outside it or to someone who left is refused', async () => {
    const lead = await newLead('am-huadong-1');
    const rep2 = await userId('rep-huadong-2');
    const ok = await post('am-huadong-1', '/api/customers/leads/assign', { leadIds: [lead.id], ownerUserId: rep2 });
    expect(ok.json().assignments).toEqual([{ leadId: lead.id, ownerUserId: rep2, ownerName: expect.any(String) }]);
    expect((await get('rep-huadong-2', `/api/customers/leads/${lead.id}`)).json().ownerUserId).toBe(rep2);
    const outside = await post('am-huadong-1', '/api/customers/leads/assign', {
      leadIds: [lead.id],
      ownerUserId: await userId('rep-huabei-1'),
    });
    expect([outside.statusCode, errorOf(outside).details?.field]).toEqual([400, 'ownerUserId']);
    const notMine = await newLead('rep-huabei-1');
    const foreign = await post('am-huadong-1', '/api/customers/leads/assign', { leadIds: [notMine.id], ownerUserId: rep2 });
    expect(foreign.statusCode).toBe(404);
    expect((await post('rep-huadong-1', '/api/customers/leads/assign', { leadIds: [lead.id], ownerUserId: rep2 })).statusCode).toBe(403);
    expect(await leadAudits(lead.id)).toEqual(['create', 'assign']);
  });

  it('CUS-7 round-robin deals leads to the direct reps in turn and continues where the last round stopped', async () => {
    const [rep1, rep2] = [await userId('rep-huadong-1'), await userId('rep-huadong-2')];
    const first = [];
    for (let i = 0; i < 5; i++) first.push((await newLead('am-huadong-1')).id);
    const round1 = await post('am-huadong-1', '/api/customers/leads/assign/round-robin', { leadIds: first });
    expect(round1.statusCode).toBe(200);
    expect(round1.json().assignments.map((a: { ownerUserId: number }) => a.ownerUserId)).toEqual([rep1, rep2, rep1, rep2, rep1]);
    const second = [];
    for (let i = 0; i < 3; i++) second.push((await newLead('am-huadong-1')).id);
    const round2 = await post('am-huadong-1', '/api/customers/leads/assign/round-robin', { leadIds: second });
    expect(round2.json().assignments.map((a: { ownerUserId: number }) => a.ownerUserId)).toEqual([rep2, rep1, rep2]);
  });

  it('CUS-7 concurrent round-robin rounds stay fair: every lead once, the reps level', async () => {
    const rounds: number[][] = [];
    for (let r = 0; r < 4; r++) {
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await newLead('am-huadong-1')).id);
      rounds.push(ids);
    }
    const answers = await Promise.all(
      rounds.map((leadIds) => post('am-huadong-1', '/api/customers/leads/assign/round-robin', { leadIds })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const all = answers.flatMap((a) => a.json().assignments as { leadId: number; ownerUserId: number }[]);
    expect(new Set(all.map((a) => a.leadId)).size).toBe(12);
    const perRep = new Map<number, number>();
    for (const a of all) perRep.set(a.ownerUserId, (perRep.get(a.ownerUserId) ?? 0) + 1);
    expect([...perRep.values()]).toEqual([6, 6]);
  });

  it('CUS-7 round-robin needs direct reports at representative level', async () => {
    const lead = await newLead('mm-huadong');
    const response = await post('mm-huadong', '/api/customers/leads/assign/round-robin', { leadIds: [lead.id] });
    expect([response.statusCode, errorOf(response).code]).toEqual([409, 'customers.noRoundRobinTeam']);
  });
});

describe('CUS-7 conversion into an account (CUS-2 duplicate protection)', () => {
  it('CUS-7 converts a lead into a new account owned by the lead owner, closing the lead', async () => {
    const rep = await userId('rep-huadong-1');
    const lead = await newLead('rep-huadong-1', { company: '杭州转化测试便利店', mobile: '13700001111', source: 'exhibition' });
    const response = await post('rep-huadong-1', `/api/customers/leads/${lead.id}/convert`, { kind: 'retail_store', grade: 'C' });
    expect(response.statusCode).toBe(200);
    const { lead: closed, accountId } = response.json();
    expect(closed).toMatchObject({ status: 'converted', convertedAccountId: accountId, nextFollowUpAt: null });
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account).toMatchObject({
      name: '杭州转化测试便利店',
      ownerUserId: rep,
      mobile: '13700001111',
      source: 'exhibition',
      grade: 'C',
    });
    expect(await leadAudits(lead.id)).toEqual(['create', 'convert']);
  });

  it('CUS-7 CUS-2 a duplicate answers 409 naming the existing account and changes nothing; linking to it then closes the lead', async () => {
    const rep = await userId('rep-huadong-1');
    const [existing] = await t.database.db.select().from(accounts).where(eq(accounts.ownerUserId, rep)).limit(1);
    if (!existing) throw new Error('demo rep owns no account');
    const lead = await newLead('rep-huadong-1', { company: existing.name });
    const [accountsBefore] = await t.database.db.select({ n: count() }).from(accounts);
    const duplicate = await post('rep-huadong-1', `/api/customers/leads/${lead.id}/convert`, { kind: 'retail_store' });
    expect(duplicate.statusCode).toBe(409);
    const error = duplicate.json().error;
    expect(error.code).toBe('customers.duplicate');
    expect(error.details.existing).toMatchObject({ id: existing.id, code: existing.code });
    const [accountsAfter] = await t.database.db.select({ n: count() }).from(accounts);
    expect(accountsAfter?.n).toBe(accountsBefore?.n);
    expect((await get('rep-huadong-1', `/api/customers/leads/${lead.id}`)).json().status).toBe('assigned');

    const outside = await selectRows<{ id: string }>(
      t.database.db,
      sql`SELECT a.id FROM accounts a JOIN users u ON u.id = a.owner_user_id WHERE u.username = 'rep-huabei-1' LIMIT 1`,
    );
    const refused = await post('rep-huadong-1', `/api/customers/leads/${lead.id}/link`, { accountId: Number(outside[0]?.id) });
    expect(refused.statusCode).toBe(404);
    const linked = await post('rep-huadong-1', `/api/customers/leads/${lead.id}/link`, { accountId: existing.id });
    expect(linked.json()).toMatchObject({ status: 'converted', convertedAccountId: existing.id, convertedAccountCode: existing.code });
    expect(await leadAudits(lead.id)).toEqual(['create', 'link']);
  });
});

describe('CUS-7 funnel report', () => {
  it('CUS-7 counts the period’s leads per status and converts per source, within scope', async () => {
    const today = shanghaiDate(new Date());
    const user = 'rep-xinan-1';
    const a = await newLead(user, { source: 'walk_in', company: '成都漏斗测试一号店' });
    await newLead(user, { source: 'walk_in', company: '成都漏斗测试二号店' });
    const c = await newLead(user, { source: 'exhibition', company: '成都漏斗测试三号店' });
    expect((await post(user, `/api/customers/leads/${a.id}/convert`, { kind: 'retail_store' })).statusCode).toBe(200);
    expect((await post(user, `/api/customers/leads/${c.id}/lost`, { reason: '暂无需求' })).statusCode).toBe(200);
    const funnel = (await get(user, `/api/customers/leads/funnel?from=${today}&to=${today}`)).json();
    expect(funnel.total).toBe(3);
    expect(funnel.byStatus).toEqual({ new: 0, assigned: 1, following: 0, appointed: 0, converted: 1, lost: 1 });
    expect(funnel.conversionRate).toBe(0.3333);
    const bySource = Object.fromEntries(funnel.bySource.map((s: { source: string }) => [s.source, s]));
    expect(bySource.walk_in).toMatchObject({ total: 2, converted: 1, lost: 0, conversionRate: 0.5 });
    expect(bySource.exhibition).toMatchObject({ total: 1, converted: 0, lost: 1, conversionRate: 0 });
    expect(bySource.campaign).toMatchObject({ total: 0, conversionRate: 0 });
    const [huabei] = await selectRows<{ id: string }>(t.database.db, sql`SELECT id FROM geographies WHERE code = 'huabei'`);
    const elsewhere = (await get(user, `/api/customers/leads/funnel?from=${today}&to=${today}&geographyId=${huabei?.id}`)).json();
    expect(elsewhere.total).toBe(0);
  });
});

describe('CUS-7 lead teams and call plans', () => {
  it('CUS-7 an outsourced team with a contract; bad dates and a taken name are refused; results count its leads', async () => {
    const base = { name: '测试外包团队', vendor: '测试营销有限公司', contractStart: '2026-01-01', contractEnd: '2026-12-31' };
    const created = await post('ssg', '/api/customers/lead-teams', base);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ leadsCreated: 0, status: 'active' });
    const taken = await post('ssg', '/api/customers/lead-teams', base);
    expect(taken.statusCode).toBe(409);
    const backwards = await post('ssg', '/api/customers/lead-teams', { ...base, name: '另一团队', contractEnd: '2025-12-31' });
    expect([backwards.statusCode, errorOf(backwards).details?.field]).toEqual([400, 'contractEnd']);
    expect((await post('rep-huadong-1', '/api/customers/lead-teams', { ...base, name: '代表建的' })).statusCode).toBe(403);
    const teamId = created.json().id;
    await newLead('ssg', { teamId, source: 'call_team' });
    const lead = await newLead('ssg', { teamId, source: 'call_team' });
    await post('ssg', `/api/customers/leads/${lead.id}/lost`, { reason: '空号' });
    expect((await get('ssg', `/api/customers/lead-teams/${teamId}`)).json()).toMatchObject({
      leadsCreated: 2,
      leadsLost: 1,
      leadsConverted: 0,
    });
    const list = (await get('ssg', '/api/customers/lead-teams?limit=50')).json();
    expect(list.items.map((team: { name: string }) => team.name)).toEqual(
      expect.arrayContaining(['蓝海电销外包团队', '启航地推团队', '测试外包团队']),
    );
  });

  it('CUS-7 a caller’s plan for the day and the calls they made that day', async () => {
    const today = shanghaiDate(new Date());
    const csr = await userId('csr-1');
    const planned = await t.as('csr-1', { method: 'PUT', url: '/api/customers/call-plans', payload: { date: today, targetCalls: 10 } });
    expect(planned.statusCode).toBe(200);
    expect(planned.json()).toMatchObject({ callerUserId: csr, date: today, targetCalls: 10, calls: 0 });
    const held = await selectRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM leads WHERE owner_user_id = ${csr} AND status IN ('assigned', 'following') ORDER BY id LIMIT 2`,
    );
    for (const lead of held)
      expect((await post('csr-1', `/api/customers/leads/${lead.id}/follow-ups`, { kind: 'call' })).statusCode).toBe(200);
    const report = (await get('ssg', `/api/customers/call-plans?from=${today}&to=${today}&callerUserId=${csr}`)).json();
    expect(report.items).toEqual([
      expect.objectContaining({ callerUserId: csr, targetCalls: 10, calls: 2, leadsCalled: 2, attainment: 0.2 }),
    ]);
    const forOther = await t.as('csr-1', {
      method: 'PUT',
      url: '/api/customers/call-plans',
      payload: { date: today, targetCalls: 5, callerUserId: await userId('csr-2') },
    });
    expect(forOther.statusCode).toBe(403);
    const bySsg = await t.as('ssg', {
      method: 'PUT',
      url: '/api/customers/call-plans',
      payload: { date: today, targetCalls: 12, callerUserId: csr },
    });
    expect(bySsg.json()).toMatchObject({ targetCalls: 12, calls: 2 });
    expect((await get('ssg', `/api/customers/call-plans?from=2026-01-01&to=2026-12-31`)).statusCode).toBe(400);
    const history = (await get('ssg', `/api/customers/call-plans?from=${today}&to=${today}&limit=50`)).json();
    expect(history.total).toBeGreaterThanOrEqual(1);
    const own = (await get('rep-huadong-1', `/api/customers/call-plans?from=${today}&to=${today}`)).json();
    expect(own.items.every((day: { callerUserId: number }) => day.callerUserId !== csr)).toBe(true);
  });
});
