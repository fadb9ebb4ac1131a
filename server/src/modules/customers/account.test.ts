import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { accountsOwnedBy, countRows, geographyIdOf, newAccount, userIdOf } from './customers.test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (user: string, url: string, payload: unknown) => t.as(user, { method: 'POST', url, payload: payload as object });
const get = (user: string, url: string) => t.as(user, { method: 'GET', url });
const accountCount = () => countRows(t, sql`SELECT count(*) AS n FROM accounts`);

async function create(user: string, overrides: Record<string, unknown> = {}) {
  const response = await post(user, '/api/customers/accounts', newAccount(overrides));
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; code: string; name: string; mobile: string; ownerUserId: number | null; [key: string]: unknown };
}

async function auditActions(accountId: number, actorUsername?: string): Promise<string[]> {
  const rows = await selectRows<{ action: string }>(
    t.database.db,
    sql`SELECT a.action FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
      WHERE a.entity = 'account' AND a.entity_id = ${String(accountId)}
      ${actorUsername ? sql`AND u.username = ${actorUsername}` : sql``} ORDER BY a.id`,
  );
  return rows.map((r) => r.action);
}

describe('CUS-1 account archive', () => {
  it('CUS-1 a rep creates an account with contacts and a delivery address; owner and territory default to the rep', async () => {
    const rep = await userIdOf(t, 'rep-huadong-1');
    const created = await create('rep-huadong-1', {
      partyType: 'company',
      grade: 'B',
      tags: ['宴席', ' 宴席 ', '团购'],
      contacts: [
        { name: '王建国', title: '老板', mobile: '13900001111' },
        { name: '李娜', mobile: '13900002222' },
      ],
      addresses: [
        { kind: 'delivery', address: '杭州西湖区文三路 100 号', receiver: '王建国', receiverPhone: '13900001111', carrier: '自提' },
      ],
    });
    expect(created.code).toMatch(/^KH\d{6}$/);
    expect(created.ownerUserId).toBe(rep);
    expect(created.masked).toBe(false);
    expect(created.tags).toEqual(['宴席', '团购']);
    const [territory] = await selectRows<{ geography_id: string | number }>(
      t.database.db,
      sql`SELECT geography_id FROM users WHERE id = ${rep}`,
    );
    expect(created.geographyId).toBe(Number(territory?.geography_id));
    const detail = (await get('rep-huadong-1', `/api/customers/accounts/${created.id}`)).json();
    expect(detail.contacts.map((c: { name: string; isPrimary: boolean }) => [c.name, c.isPrimary])).toEqual([
      ['王建国', true],
      ['李娜', false],
    ]);
    expect(detail.addresses).toHaveLength(1);
    expect(detail.addresses[0]).toMatchObject({ kind: 'delivery', isDefault: true, verificationDue: true, receiverPhone: '13900001111' });
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['create']);
    expect(await auditActions(created.id)).toEqual(['create']);
  });

  it('CUS-1 refuses each bad field, names it, and creates nothing', async () => {
    const before = await accountCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '   ' }, 'customers.nameBlank', 'name'],
      [{ name: '！！！' }, 'customers.nameBlank', 'name'],
      [{ name: 'x'.repeat(101) }, 'platform.validation', 'name'],
      [{ kind: 'shop' }, 'platform.validation', 'kind'],
      [{ mobile: '12812345678' }, 'platform.validation', 'mobile'],
      [{ mobile: '1391234567' }, 'platform.validation', 'mobile'],
      [{ creditCode: '91350100M000100Y44' }, 'customers.creditCodeInvalid', 'creditCode'],
      [{ creditCode: '91350100M000100Y4' }, 'platform.validation', 'creditCode'],
      [{ creditCode: '91350100I000100Y43' }, 'platform.validation', 'creditCode'],
      [{ grade: 'E' }, 'platform.validation', 'grade'],
      [{ status: 'deleted' }, 'platform.validation', 'status'],
      [{ geographyId: 999_999 }, 'customers.referenceMissing', 'geographyId'],
      [{ tags: ['x'.repeat(21)] }, 'platform.validation', 'tags.0'],
      [{ contacts: [{ name: '张三', mobile: '123' }] }, 'platform.validation', 'contacts.0.mobile'],
      [{ contacts: [{ name: ' ' }] }, 'customers.nameBlank', 'contacts.0.name'],
      [{ addresses: [{ kind: 'home', address: '某路 1 号' }] }, 'platform.validation', 'addresses.0.kind'],
      [
        {
          addresses: [
            { kind: 'delivery', address: '甲路 1 号', isDefault: true },
            { kind: 'delivery', address: '乙路 2 号', isDefault: true },
          ],
        },
        'customers.twoDefaultAddresses',
        'addresses.1.isDefault',
      ],
      [{ ownerUserId: 'me' }, 'platform.validation', 'ownerUserId'],
      [{ locked: true }, 'platform.validation', 'locked'],
    ];
    for (const [overrides, code, field] of cases) {
      const response = await post('rep-huadong-1', '/api/customers/accounts', newAccount(overrides));
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      const error = response.json().error;
      expect(error.code, JSON.stringify(overrides)).toBe(code);
      const fields = code === 'platform.validation' ? error.details.fields.map((f: { field: string }) => f.field) : [error.details.field];
      expect(fields, JSON.stringify(overrides)).toContain(field);
    }
    expect(await accountCount()).toBe(before);
  });

  it('CUS-1 a rep may not create for someone else; a manager may, only for their own people', async () => {
    const rep2 = await userIdOf(t, 'rep-huadong-2');
    const rep3 = await userIdOf(t, 'rep-huadong-3');
    const refused = await post('rep-huadong-1', '/api/customers/accounts', newAccount({ ownerUserId: rep2 }));
    expect(refused.statusCode).toBe(403);
    const forTeam = await create('am-huadong-1', { ownerUserId: rep2 });
    expect(forTeam.ownerUserId).toBe(rep2);
    const outside = await post('am-huadong-1', '/api/customers/accounts', newAccount({ ownerUserId: rep3 }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ code: 'customers.ownerOutOfScope', details: { field: 'ownerUserId' } });
    const intoPool = await create('mm-huadong', { ownerUserId: null, geographyId: await geographyIdOf(t, 'huadong-2-1') });
    expect(intoPool.ownerUserId).toBeNull();
    expect(intoPool.poolEnteredAt).not.toBeNull();
  });

  it('CUS-1 without customers.accounts.write one may read but not create', async () => {
    expect((await get('finance', '/api/customers/accounts?limit=1')).statusCode).toBe(200);
    expect((await post('ssg', '/api/customers/accounts', newAccount())).statusCode).toBe(403);
    expect((await get('marketing', '/api/customers/accounts?limit=1')).statusCode).toBe(403);
  });

  it('CUS-1 edits are audited with before and after; owner and grade are not editable here', async () => {
    const account = await create('rep-huadong-1');
    const patched = await t.as('rep-huadong-1', {
      method: 'PATCH',
      url: `/api/customers/accounts/${account.id}`,
      payload: { name: `${account.name}（新址）`, status: 'dormant', address: '新街口 8 号' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'dormant', address: '新街口 8 号' });
    for (const payload of [{ ownerUserId: 1 }, { grade: 'A' }, { locked: true }]) {
      const refused = await t.as('rep-huadong-1', { method: 'PATCH', url: `/api/customers/accounts/${account.id}`, payload });
      expect(refused.statusCode).toBe(400);
    }
    const [row] = await selectRows<{ before: { status: string }; after: { status: string } }>(
      t.database.db,
      sql`SELECT before, after FROM audit_log WHERE entity = 'account' AND entity_id = ${String(account.id)} AND action = 'update'`,
    );
    expect(row?.before.status).toBe('active');
    expect(row?.after.status).toBe('dormant');
    const history = (await get('rep-huadong-1', `/api/customers/accounts/${account.id}`)).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
  });
});

describe('CUS-2 duplicate protection', () => {
  it('CUS-2 the same normalised name is refused, naming the account and its owner masked out of scope', async () => {
    const existing = await create('rep-huadong-1', { name: '杭州 西湖百货商行有限公司' });
    const response = await post('rep-huabei-1', '/api/customers/accounts', newAccount({ name: '杭州西湖百货商行' }));
    expect(response.statusCode).toBe(409);
    const error = response.json().error;
    expect(error.code).toBe('customers.duplicate');
    expect(error.details.field).toBe('name');
    expect(error.details.existing).toMatchObject({ id: existing.id, code: existing.code, matchedOn: 'name' });
    const [owner] = await selectRows<{ display_name: string }>(
      t.database.db,
      sql`SELECT display_name FROM users WHERE username = 'rep-huadong-1'`,
    );
    const masked = `${owner?.display_name[0]}${'*'.repeat((owner?.display_name.length ?? 2) - 1)}`;
    expect(error.details.existing.ownerName).toBe(masked);
    expect(error.message).toContain(existing.code);
    expect(error.message).toContain(masked);
    expect(error.message).not.toContain(owner?.display_name);
  });

  it('CUS-2 credit code and mobile are keys too; inside one’s scope the owner is named in full', async () => {
    const existing = await create('rep-huadong-1');
    const byCode = await post('am-huadong-1', '/api/customers/accounts', newAccount({ creditCode: existing.creditCode }));
    expect(byCode.statusCode).toBe(409);
    expect(byCode.json().error.details).toMatchObject({ field: 'creditCode', existing: { id: existing.id } });
    const [owner] = await selectRows<{ display_name: string }>(
      t.database.db,
      sql`SELECT display_name FROM users WHERE username = 'rep-huadong-1'`,
    );
    expect(byCode.json().error.details.existing.ownerName).toBe(owner?.display_name);
    const byMobile = await post('rep-huabei-1', '/api/customers/accounts', newAccount({ mobile: existing.mobile }));
    expect(byMobile.statusCode).toBe(409);
    expect(byMobile.json().error.details.field).toBe('mobile');
    const lowerCase = await post(
      'rep-huabei-1',
      '/api/customers/accounts',
      newAccount({ creditCode: String(existing.creditCode).toLowerCase() }),
    );
    expect(lowerCase.json().error.details.field).toBe('creditCode');
  });

  it('CUS-2 a pool account is named with no owner; the look-up route answers while typing', async () => {
    const { mobile } = newAccount();
    const pooled = await create('mm-huadong', { mobile, ownerUserId: null, geographyId: await geographyIdOf(t, 'huadong-1-1') });
    expect(pooled.mobile).toBe(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
    const response = await post('rep-huadong-2', '/api/customers/accounts', newAccount({ mobile }));
    expect(response.json().error.details.existing.ownerName).toBeNull();
    expect(response.json().error.message).toContain('公海');
    const found = await get('rep-huabei-1', `/api/customers/accounts/duplicates?mobile=${mobile}&name=${encodeURIComponent('无此客户')}`);
    expect(found.json().items).toEqual([{ id: pooled.id, code: pooled.code, name: pooled.name, ownerName: null, matchedOn: 'mobile' }]);
  });

  it('CUS-2 an edit into another account’s key is refused; keeping one’s own key is fine', async () => {
    const first = await create('rep-huadong-1');
    const second = await create('rep-huadong-1');
    const clash = await t.as('rep-huadong-1', {
      method: 'PATCH',
      url: `/api/customers/accounts/${second.id}`,
      payload: { mobile: first.mobile },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.field).toBe('mobile');
    const same = await t.as('rep-huadong-1', {
      method: 'PATCH',
      url: `/api/customers/accounts/${second.id}`,
      payload: { mobile: second.mobile, name: second.name },
    });
    expect(same.statusCode).toBe(200);
  });

  it('CUS-2 two people creating the same customer at once: one account, the other is told who has it', async () => {
    const body = newAccount();
    const before = await accountCount();
    const answers = await Promise.all([
      post('rep-huadong-1', '/api/customers/accounts', body),
      post('rep-huabei-1', '/api/customers/accounts', { ...body, mobile: null, creditCode: null }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().error.code).toBe('customers.duplicate');
    expect(await accountCount()).toBe(before + 1);
  });
});

describe('ORG-4 account scope per role', () => {
  async function listed(user: string, query = '') {
    const response = await get(user, `/api/customers/accounts?limit=200${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as {
      items: { id: number; ownerUserId: number | null; masked: boolean; mobile: string | null }[];
      total: number;
    };
  }

  it('ORG-4 rep-huadong-1 sees only their own accounts', async () => {
    const me = await userIdOf(t, 'rep-huadong-1');
    const body = await listed('rep-huadong-1');
    expect(body.total).toBe(await countRows(t, sql`SELECT count(*) AS n FROM accounts WHERE owner_user_id = ${me}`));
    expect(body.total).toBeGreaterThanOrEqual(20);
    expect(body.items.every((a) => a.ownerUserId === me && !a.masked)).toBe(true);
  });

  it('ORG-4 am-huadong-1 sees the team: their own and their reps’ accounts', async () => {
    const team = await Promise.all(['am-huadong-1', 'rep-huadong-1', 'rep-huadong-2'].map((u) => userIdOf(t, u)));
    const body = await listed('am-huadong-1');
    expect(body.total).toBe(
      await countRows(t, sql`SELECT count(*) AS n FROM accounts WHERE owner_user_id = ANY(${`{${team.join(',')}}`}::bigint[])`),
    );
    expect(new Set(body.items.map((a) => a.ownerUserId))).toEqual(new Set(team));
  });

  it('ORG-4 mm-huadong sees all of 华东 (people and geography), the director everything', async () => {
    const huadong = await countRows(
      t,
      sql`WITH RECURSIVE g AS (SELECT id FROM geographies WHERE code = 'huadong' UNION SELECT x.id FROM geographies x JOIN g ON x.parent_id = g.id)
        SELECT count(*) AS n FROM accounts a LEFT JOIN users u ON u.id = a.owner_user_id
        WHERE a.geography_id IN (SELECT id FROM g) OR u.geography_id IN (SELECT id FROM g)`,
    );
    expect((await listed('mm-huadong')).total).toBe(huadong);
    expect((await listed('director')).total).toBe(await accountCount());
  });

  it('ORG-4 an account of 华东 answers 404 to rep-huabei-1, also for its contacts and edits', async () => {
    const [id] = await accountsOwnedBy(t, 'rep-huadong-1', 1);
    for (const url of [
      `/api/customers/accounts/${id}`,
      `/api/customers/accounts/${id}/contacts`,
      `/api/customers/accounts/${id}/addresses`,
    ]) {
      const response = await get('rep-huabei-1', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('platform.notFound');
    }
    const patch = await t.as('rep-huabei-1', { method: 'PATCH', url: `/api/customers/accounts/${id}`, payload: { status: 'closed' } });
    expect(patch.statusCode).toBe(404);
  });

  it('CUS-1 list filters, sorting and paging run in SQL', async () => {
    const all = await listed('mm-huadong');
    const grades = await listed('mm-huadong', '&grade=A&kind=retail_store');
    expect(grades.total).toBeLessThan(all.total);
    const region = await geographyIdOf(t, 'huadong-1');
    const inRegion = await listed('mm-huadong', `&geographyId=${region}`);
    const expected = await countRows(
      t,
      sql`SELECT count(*) AS n FROM accounts WHERE geography_id IN (SELECT id FROM geographies WHERE id = ${region} OR parent_id = ${region})`,
    );
    expect(inRegion.total).toBe(expected);
    const page = (await get('mm-huadong', '/api/customers/accounts?limit=5&offset=5&sort=name&order=desc')).json();
    expect(page.items).toHaveLength(5);
    expect((await get('mm-huadong', '/api/customers/accounts?limit=201')).statusCode).toBe(400);
    const first = all.items[0];
    const byCode = (await get('mm-huadong', `/api/customers/accounts?q=${(first as unknown as { code: string }).code}`)).json();
    expect(byCode.items.map((a: { id: number }) => a.id)).toContain(first?.id);
    expect((await listed('mm-huadong', '&inPool=true')).items.every((a) => a.ownerUserId === null)).toBe(true);
    const tagged = await listed('mm-huadong', `&tag=${encodeURIComponent('宴席')}`);
    expect(tagged.total).toBeGreaterThan(0);
  });
});

describe('CMP-3 masking and the view trail', () => {
  it('CMP-3 phones and street addresses are masked for a reader who reaches the account only through geography', async () => {
    const huabeiRep = await userIdOf(t, 'rep-huabei-1');
    const territory = await geographyIdOf(t, 'huadong-2-1');
    // Someone of 华北 owns an account placed in 华东: mm-huadong sees it through geography only.
    const account = await create('director', {
      ownerUserId: huabeiRep,
      geographyId: territory,
      address: '南京鼓楼区中山路 88 号',
      contacts: [{ name: '赵敏', mobile: '13900003333' }],
      addresses: [{ kind: 'delivery', address: '南京鼓楼区中山路 88 号', receiverPhone: '13900003333' }],
    });
    const forMarketManager = (await get('mm-huadong', `/api/customers/accounts/${account.id}`)).json();
    expect(forMarketManager.masked).toBe(true);
    expect(forMarketManager.mobile).toMatch(/^199\*{4}\d{4}$/);
    expect(forMarketManager.address).toMatch(/\*{4}$/);
    expect(forMarketManager.contacts[0].mobile).toBe('139****3333');
    expect(forMarketManager.addresses[0].receiverPhone).toBe('139****3333');
    expect(forMarketManager.addresses[0].address).not.toContain('88');
    const listedForMm = (await get('mm-huadong', `/api/customers/accounts?q=${account.code}`)).json().items[0];
    expect(listedForMm.mobile).toMatch(/\*{4}/);
    for (const reader of ['rep-huabei-1', 'director', 'finance']) {
      const view = (await get(reader, `/api/customers/accounts/${account.id}`)).json();
      expect(view.masked, reader).toBe(false);
      expect(view.mobile, reader).toBe(account.mobile);
    }
  });

  it('CMP-3 the owner’s superiors see in full; a pool account is masked for the market’s reps', async () => {
    const [id] = await accountsOwnedBy(t, 'rep-huadong-1', 1);
    for (const reader of ['am-huadong-1', 'mm-huadong', 'deputy']) {
      expect((await get(reader, `/api/customers/accounts/${id}`)).json().masked, reader).toBe(false);
    }
    const pool = (await get('rep-huadong-2', '/api/customers/pool?limit=5')).json();
    expect(pool.total).toBeGreaterThan(0);
    expect(
      pool.items.every((a: { masked: boolean; mobile: string | null }) => a.masked && (a.mobile === null || a.mobile.includes('****'))),
    ).toBe(true);
  });

  it('CMP-3 opening an account is audited as a view, except by its owner', async () => {
    const [id] = await accountsOwnedBy(t, 'rep-huadong-2', 1);
    if (id === undefined) throw new Error('rep-huadong-2 owns no account');
    await get('rep-huadong-2', `/api/customers/accounts/${id}`);
    await get('am-huadong-1', `/api/customers/accounts/${id}`);
    await get('director', `/api/customers/accounts/${id}`);
    expect(await auditActions(id, 'rep-huadong-2')).toEqual([]);
    expect(await auditActions(id, 'am-huadong-1')).toEqual(['view']);
    expect(await auditActions(id, 'director')).toEqual(['view']);
    const history = (await get('director', `/api/customers/accounts/${id}`)).json().history;
    expect(history.some((h: { action: string }) => h.action === 'view')).toBe(false);
  });
});

describe('CUS-1 contacts', () => {
  it('CUS-1 contacts are added, edited and removed with one primary at a time, each change in the history', async () => {
    const account = await create('rep-huadong-1', { contacts: [{ name: '周杰', mobile: '13900004444' }] });
    const url = `/api/customers/accounts/${account.id}/contacts`;
    const added = await post('rep-huadong-1', url, { name: '吴磊', title: '店长', mobile: '13900005555', isPrimary: true });
    expect(added.statusCode).toBe(201);
    const list = (await get('rep-huadong-1', url)).json().items;
    expect(list.map((c: { name: string; isPrimary: boolean }) => [c.name, c.isPrimary])).toEqual([
      ['吴磊', true],
      ['周杰', false],
    ]);
    const contactId = added.json().id;
    const bad = await t.as('rep-huadong-1', { method: 'PATCH', url: `${url}/${contactId}`, payload: { mobile: '10000000000' } });
    expect(bad.statusCode).toBe(400);
    const edited = await t.as('rep-huadong-1', { method: 'PATCH', url: `${url}/${contactId}`, payload: { title: '总经理' } });
    expect(edited.json()).toMatchObject({ title: '总经理', mobile: '13900005555' });
    expect((await t.as('rep-huadong-1', { method: 'DELETE', url: `${url}/${contactId}` })).statusCode).toBe(200);
    expect((await t.as('rep-huadong-1', { method: 'DELETE', url: `${url}/${contactId}` })).statusCode).toBe(404);
    expect(await auditActions(account.id)).toEqual(['create', 'contact.create', 'contact.update', 'contact.delete']);
    expect((await post('rep-huabei-1', url, { name: '外人' })).statusCode).toBe(404);
  });
});

describe('CUS-9 logistics profile', () => {
  it('CUS-9 addresses keep one default per kind, carry receiver and carrier, and are verified monthly', async () => {
    const account = await create('rep-huadong-1');
    const url = `/api/customers/accounts/${account.id}/addresses`;
    const first = await post('rep-huadong-1', url, {
      kind: 'delivery',
      province: '浙江',
      city: '杭州',
      address: '滨江区江南大道 1 号',
      receiver: '钱峰',
      receiverPhone: '13900006666',
      carrier: '德邦物流',
      unloadingNotes: '后门卸货',
      isDefault: true,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ isDefault: true, verificationDue: true, carrier: '德邦物流', unloadingNotes: '后门卸货' });
    const second = await post('rep-huadong-1', url, { kind: 'delivery', address: '滨江区江南大道 2 号', isDefault: true });
    await post('rep-huadong-1', url, { kind: 'billing', address: '财务部', isDefault: true });
    const list = (await get('rep-huadong-1', url)).json().items;
    const defaults = list.filter((a: { isDefault: boolean }) => a.isDefault).map((a: { id: number }) => a.id);
    expect(defaults).toContain(second.json().id);
    expect(defaults).not.toContain(first.json().id);
    expect(defaults).toHaveLength(2);

    const verified = await post('rep-huadong-1', `${url}/${first.json().id}/verify`, {});
    expect(verified.statusCode).toBe(200);
    expect(verified.json().verificationDue).toBe(false);
    expect(verified.json().verifiedBy).toBe(await userIdOf(t, 'rep-huadong-1'));
    // 36 days later the check is due again.
    await t.database.db.execute(sql`UPDATE account_addresses SET verified_at = now() - interval '36 days' WHERE id = ${first.json().id}`);
    expect((await get('rep-huadong-1', url)).json().items.find((a: { id: number }) => a.id === first.json().id).verificationDue).toBe(true);
    await t.database.db.execute(
      sql`UPDATE account_addresses SET verified_at = now() - interval '34 days' WHERE account_id = ${account.id}`,
    );
    const due = (await get('rep-huadong-1', `/api/customers/accounts?addressesDue=true&q=${account.code}`)).json();
    expect(due.total).toBe(0);
    await t.database.db.execute(sql`UPDATE account_addresses SET verified_at = NULL WHERE id = ${first.json().id}`);
    expect((await get('rep-huadong-1', `/api/customers/accounts?addressesDue=true&q=${account.code}`)).json().total).toBe(1);

    const badPhone = await post('rep-huadong-1', url, { kind: 'delivery', address: '某路', receiverPhone: '0571-8888' });
    expect(badPhone.json().error.details.fields[0].field).toBe('receiverPhone');
    const blank = await post('rep-huadong-1', url, { kind: 'delivery', address: '  ' });
    expect(blank.json().error).toMatchObject({ code: 'customers.nameBlank', details: { field: 'address' } });
    expect((await t.as('rep-huadong-1', { method: 'DELETE', url: `${url}/${second.json().id}` })).statusCode).toBe(200);
    expect((await post('ssg', `${url}/${first.json().id}/verify`, {})).statusCode).toBe(403);
    const actions = await auditActions(account.id);
    expect(actions.filter((a) => a.startsWith('address.'))).toEqual([
      'address.create',
      'address.create',
      'address.create',
      'address.verify',
      'address.delete',
    ]);
  });
});

describe('CUS-3 grades and visit minimums', () => {
  it('CUS-3 a manager re-grades with a reason; the review is recorded and listed', async () => {
    const [id] = await accountsOwnedBy(t, 'rep-huadong-1', 1);
    const current = (await get('am-huadong-1', `/api/customers/accounts/${id}`)).json().grade;
    const target = current === 'A' ? 'B' : 'A';
    const review = await post('am-huadong-1', `/api/customers/accounts/${id}/grade`, { grade: target, reason: '季度进货额翻番' });
    expect(review.statusCode).toBe(201);
    expect(review.json()).toMatchObject({ fromGrade: current, toGrade: target, reason: '季度进货额翻番' });
    expect((await get('rep-huadong-1', `/api/customers/accounts/${id}`)).json().grade).toBe(target);
    const reviews = (await get('rep-huadong-1', `/api/customers/accounts/${id}/grade-reviews`)).json().items;
    expect(reviews[0]).toMatchObject({ toGrade: target, reason: '季度进货额翻番' });
    const same = await post('am-huadong-1', `/api/customers/accounts/${id}/grade`, { grade: target, reason: '复核' });
    expect(same.json().error).toMatchObject({ code: 'customers.sameGrade', details: { field: 'grade' } });
    const noReason = await post('am-huadong-1', `/api/customers/accounts/${id}/grade`, { grade: 'D', reason: '  ' });
    expect(noReason.json().error).toMatchObject({ code: 'customers.nameBlank', details: { field: 'reason' } });
    expect((await post('am-huadong-1', `/api/customers/accounts/${id}/grade`, { grade: 'Z', reason: 'x' })).statusCode).toBe(400);
    expect((await post('rep-huadong-1', `/api/customers/accounts/${id}/grade`, { grade: 'D', reason: '自评' })).statusCode).toBe(403);
    expect((await post('am-huabei-1', `/api/customers/accounts/${id}/grade`, { grade: 'D', reason: '越权' })).statusCode).toBe(404);
    expect(await auditActions(Number(id), 'am-huadong-1')).toContain('grade');
  });

  it('CUS-3 visit minimums and pool rules default to A 5, B 5, C 2, D 2 and 30/90/3 days, and are configurable', async () => {
    const defaults = (await get('rep-huadong-1', '/api/customers/settings')).json();
    expect(defaults).toEqual({
      visitMinimums: { A: 5, B: 5, C: 2, D: 2 },
      poolDays: 30,
      dealDays: 90,
      warnDays: 3,
      holdingLimit: 200,
      lockedLimit: 20,
      holdingLimits: {},
      poolScope: 'market',
    });
    const changed = { ...defaults, visitMinimums: { A: 8, B: 6, C: 3, D: 1 } };
    expect((await t.as('mm-huadong', { method: 'PUT', url: '/api/customers/settings', payload: changed })).statusCode).toBe(403);
    const saved = await t.as('director', { method: 'PUT', url: '/api/customers/settings', payload: changed });
    expect(saved.statusCode).toBe(200);
    const { visitMinimums } = await import('./customer-settings.service.js');
    expect(await visitMinimums(t.database.db)).toEqual({ A: 8, B: 6, C: 3, D: 1 });
    const tooLong = await t.as('director', { method: 'PUT', url: '/api/customers/settings', payload: { ...defaults, warnDays: 30 } });
    expect(tooLong.json().error).toMatchObject({ code: 'customers.warnDaysTooLong', details: { field: 'warnDays' } });
    const overHolding = await t.as('director', {
      method: 'PUT',
      url: '/api/customers/settings',
      payload: { ...defaults, lockedLimit: 300 },
    });
    expect(overHolding.json().error.details.field).toBe('lockedLimit');
    const negative = await t.as('director', { method: 'PUT', url: '/api/customers/settings', payload: { ...defaults, poolDays: -1 } });
    expect(negative.json().error.details.fields[0].field).toBe('poolDays');
    await t.as('director', { method: 'PUT', url: '/api/customers/settings', payload: defaults });
    expect(await countRows(t, sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'customer_settings' AND action = 'update'`)).toBe(2);
  });
});
