import { asc, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  accounts,
  callPlans,
  type FollowUpKind,
  LeadPermissions,
  type LeadSource,
  type LeadStatus,
  leadFollowUps,
  leads,
  leadTeams,
} from '../modules/customers/index.js';
import { positionPermissions, users } from '../modules/org/index.js';
import type { Tx } from '../platform/db/database.js';
import { addDays, isoWeekday, shanghaiDate, startOfShanghaiDay } from '../platform/time.js';
import { demoMarkets } from './markets.js';
import { chineseName, mobileNumber, type Random, seededRandom } from './random.js';

interface OrgIds {
  userIds: Map<string, number>;
  positionIds: Map<string, number>;
  geographyIds: Map<string, number>;
}

const chunkSize = 1000;

/** Who may do what with leads (CUS-7): reps and the call team work them, managers and the SSG lead also assign, leaders export. */
function grants(positionKey: string): string[] {
  const work = [LeadPermissions['leads.read'], LeadPermissions['leads.manage']];
  const assign = [...work, LeadPermissions['leads.assign']];
  const exportToo = [...assign, LeadPermissions['leads.export']];
  if (/^rep-/.test(positionKey) || positionKey === 'csr') return work;
  if (/^am-/.test(positionKey)) return assign;
  if (/^mm-/.test(positionKey) || ['ssg', 'director', 'deputy'].includes(positionKey)) return exportToo;
  return [];
}

const storeWords = ['便利店', '烟酒行', '超市', '酒业商行', '副食店', '餐饮管理有限公司', '商贸有限公司', '酒店'];
const campaigns = ['春季新品品鉴会', '618 线上引流', '中秋团购季', '年货节地推', '抖音直播引流'];
const outcomes = ['有意向，约再联系', '未接通', '需要报价单', '店主在外地，下周回', '对新品感兴趣', '暂无需求'];
const lostReasons = ['已与竞品签约', '价格不合适', '联系不上', '店面转让', '暂无经营意向'];

/** The mix of stages: every status present, most leads still being worked. */
const statusMix: [LeadStatus, number][] = [
  ['new', 30],
  ['assigned', 60],
  ['following', 80],
  ['appointed', 40],
  ['converted', 45],
  ['lost', 45],
];

interface Seller {
  id: number;
  geographyId: number | null;
  market: number;
}

function timeOn(random: Random, day: string, fromHour: number, toHour: number): Date {
  return new Date(startOfShanghaiDay(day).getTime() + random.int(fromHour * 60, toHour * 60 - 1) * 60_000);
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) await insert(rows.slice(i, i + chunkSize));
}

/**
 * CUS-7 demo: lead permissions, two outsourced lead teams under contract,
 * about 300 leads across the eight markets in every stage (converted ones
 * linked to an account of their owner), their follow-ups, and two weeks of
 * call plans and calls for the SSG's call team. "Today" is the Shanghai date
 * at seeding; the same day gives the same data.
 */
export async function seedLeadDemo(tx: Tx, org: OrgIds): Promise<void> {
  await tx
    .insert(positionPermissions)
    .values([...org.positionIds].flatMap(([key, positionId]) => grants(key).map((permission) => ({ positionId, permission }))));
  const today = shanghaiDate(new Date());
  const random = seededRandom(20261124);

  const teams = await tx
    .insert(leadTeams)
    .values([
      {
        name: '蓝海电销外包团队',
        vendor: '上海蓝海信息咨询有限公司',
        contact: '陈敏',
        phone: '021-62881234',
        contractStart: addDays(today, -200),
        contractEnd: addDays(today, 165),
        note: '按有效线索计费，每条 35 元；每月对账。',
      },
      {
        name: '启航地推团队',
        vendor: '广州启航营销策划有限公司',
        contact: '黄涛',
        phone: '020-38765432',
        contractStart: addDays(today, -90),
        contractEnd: addDays(today, 90),
        note: '华南、华东商超门店地推拓客，按转化客户计费。',
      },
    ])
    .returning({ id: leadTeams.id });
  const [phoneTeam, streetTeam] = teams.map((t) => t.id) as [number, number];

  const sellerNames = [...org.userIds.keys()].filter((name) => /^rep-/.test(name)).sort();
  const people = await tx
    .select({ id: users.id, username: users.username, geographyId: users.geographyId })
    .from(users)
    .where(inArray(users.username, [...sellerNames, 'csr-1', 'csr-2', 'ssg']));
  const byName = new Map(people.map((p) => [p.username, p]));
  const sellers: Seller[] = sellerNames.map((name) => {
    const person = byName.get(name) as (typeof people)[number];
    return { id: person.id, geographyId: person.geographyId, market: demoMarkets.findIndex((m) => name.startsWith(`rep-${m.slug}-`)) };
  });
  const callers = ['csr-1', 'csr-2'].map((name) => (byName.get(name) as (typeof people)[number]).id);
  const ssg = (byName.get('ssg') as (typeof people)[number]).id;

  const owned = await tx
    .select({ id: accounts.id, name: accounts.name, ownerUserId: accounts.ownerUserId })
    .from(accounts)
    .where(isNotNull(accounts.ownerUserId))
    .orderBy(asc(accounts.id));
  const accountsOf = new Map<number, { id: number; name: string }[]>();
  for (const a of owned) accountsOf.set(a.ownerUserId as number, [...(accountsOf.get(a.ownerUserId as number) ?? []), a]);
  const usedAccounts = new Set<number>();

  const statuses = statusMix.flatMap(([status, n]) => Array.from({ length: n }, () => status));
  const sources: LeadSource[] = ['campaign', 'call_team', 'exhibition', 'partner_referral', 'walk_in'];
  const leadRows: (typeof leads.$inferInsert)[] = statuses.map((planned, index) => {
    const market = demoMarkets[index % demoMarkets.length] as (typeof demoMarkets)[number];
    const marketSellers = sellers.filter((s) => s.market === index % demoMarkets.length);
    const seller = marketSellers[Math.floor(index / demoMarkets.length) % marketSellers.length] as Seller;
    const source = sources[index % sources.length] as LeadSource;
    // Call-team leads stay with the SSG's callers until they book a meeting; then a rep takes over.
    const callTeamOwned = source === 'call_team' && ['assigned', 'following'].includes(planned);
    const ownerUserId = planned === 'new' ? null : callTeamOwned ? (callers[index % 2] as number) : seller.id;
    const candidates = planned === 'converted' ? (accountsOf.get(seller.id) ?? []).filter((a) => !usedAccounts.has(a.id)) : [];
    const account = candidates[0];
    const status: LeadStatus = planned === 'converted' && !account ? 'appointed' : planned;
    if (account) usedAccounts.add(account.id);
    const province = random.pick(market.provinces);
    const created = timeOn(random, addDays(today, -random.int(6, 75)), 9, 19);
    const company = account?.name ?? `${province}${chineseName(random).slice(0, 1)}记${random.pick(storeWords)}`;
    return {
      name: chineseName(random),
      company,
      mobile: mobileNumber(random, 50_000 + index),
      source,
      campaign: source === 'campaign' ? random.pick(campaigns) : null,
      teamId: source === 'call_team' ? phoneTeam : source === 'walk_in' && index % 3 === 0 ? streetTeam : null,
      status,
      ownerUserId,
      geographyId: ownerUserId === null ? (org.geographyIds.get(market.slug) ?? null) : seller.geographyId,
      province,
      city: null,
      notes: null,
      lostReason: status === 'lost' ? random.pick(lostReasons) : null,
      convertedAccountId: account?.id ?? null,
      convertedAt: account ? new Date(created.getTime() + random.int(5, 20) * 86_400_000) : null,
      nextFollowUpAt: ['assigned', 'following', 'appointed'].includes(status)
        ? timeOn(random, addDays(today, random.int(0, 10)), 9, 18)
        : null,
      createdBy: source === 'call_team' ? ssg : (ownerUserId ?? ssg),
      createdAt: created,
      updatedAt: created,
    };
  });
  const inserted: { id: number; status: LeadStatus; ownerUserId: number | null; createdAt: Date }[] = [];
  await insertChunks(leadRows, async (chunk) => {
    inserted.push(
      ...(await tx
        .insert(leads)
        .values(chunk)
        .returning({ id: leads.id, status: leads.status, ownerUserId: leads.ownerUserId, createdAt: leads.createdAt })),
    );
  });

  const followUps: (typeof leadFollowUps.$inferInsert)[] = [];
  const followUpOf = (lead: (typeof inserted)[number], kind: FollowUpKind, at: Date, scheduledFor: Date | null = null) =>
    followUps.push({
      leadId: lead.id,
      userId: lead.ownerUserId as number,
      kind,
      outcome: random.pick(outcomes),
      note: null,
      scheduledFor,
      at,
    });
  for (const lead of inserted) {
    if (lead.status === 'new' || lead.status === 'assigned' || lead.ownerUserId === null) continue;
    const start = lead.createdAt.getTime();
    const contacts = random.int(1, 3);
    for (let i = 1; i <= contacts; i++)
      followUpOf(lead, random.pick(['call', 'call', 'visit', 'message']), new Date(start + i * 86_400_000));
    if (lead.status === 'appointed' || lead.status === 'converted') {
      const at = new Date(start + (contacts + 1) * 86_400_000);
      followUpOf(lead, 'appointment', at, new Date(at.getTime() + 2 * 86_400_000));
    }
  }

  // Two weeks of the call team's working days: a plan per caller and day, and the calls made on the leads they hold.
  const plans: (typeof callPlans.$inferInsert)[] = [];
  const callerLeads = new Map(callers.map((caller) => [caller, inserted.filter((l) => l.ownerUserId === caller)]));
  for (let back = 14; back >= 1; back--) {
    const day = addDays(today, -back);
    if (isoWeekday(day) > 5) continue;
    for (const caller of callers) {
      const target = random.pick([30, 40, 40, 50]);
      plans.push({ callerUserId: caller, planDate: day, targetCalls: target, note: null, createdBy: ssg });
      const held = callerLeads.get(caller) ?? [];
      const calls = Math.round(target * (0.6 + random.next() * 0.55));
      for (let c = 0; c < calls && held.length > 0; c++) {
        followUps.push({
          leadId: (held[c % held.length] as (typeof held)[number]).id,
          userId: caller,
          kind: 'call',
          outcome: random.pick(outcomes),
          note: null,
          scheduledFor: null,
          at: timeOn(random, day, 9, 18),
        });
      }
    }
  }
  await insertChunks(followUps, (chunk) => tx.insert(leadFollowUps).values(chunk));
  await tx.insert(callPlans).values(plans);
  // A called lead is being followed up; its last contact dates it.
  await tx.execute(sql`UPDATE ${leads} SET status = 'following', updated_at = f.last
    FROM (SELECT lead_id, max(at) AS last FROM ${leadFollowUps} GROUP BY lead_id) f
    WHERE ${leads.id} = f.lead_id AND ${leads.status} = 'assigned'`);
}
