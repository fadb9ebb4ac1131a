import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { accounts } from '../modules/customers/index.js';
import {
  FieldPermissions,
  freezeMonth,
  insertVisits,
  type NewVisit,
  storeKinds,
  visitPlans,
  workLogComments,
  workLogs,
} from '../modules/field/index.js';
import { positionPermissions, users } from '../modules/org/index.js';
import type { Tx } from '../platform/db/database.js';
import { selectRows } from '../platform/db/raw.js';
import { addDays, addMonths, isoWeekday, isoWeekStart, shanghaiDate, shanghaiMonth, startOfShanghaiDay } from '../platform/time.js';
import { type Random, seededRandom } from './random.js';

interface OrgIds {
  userIds: Map<string, number>;
  positionIds: Map<string, number>;
}

const chunkSize = 1000;
const hourMs = 3_600_000;

const purposes = ['例行巡店', '新品推荐', '陈列检查', '促销活动沟通', '回款跟进', '订单确认', '竞品调研', '客情维护'];
const results = [
  '陈列达标，补货 2 箱',
  '店主同意参加月末促销',
  '收回上月货款',
  '反馈竞品降价 5%，已记录',
  '新品试销，店主愿意先进 1 箱',
  '库存偏低，已下补货单',
  '店长不在，约下周再访',
  '处理临期品退换',
];
const phoneResults = ['电话确认本周订单', '电话回访满意度，评价良好', '提醒对账与回款', '预约下周上门拜访'];
const nextSteps = ['下周回访确认到货', '月底前跟进促销执行', '提交补货订单', '安排导购培训', ''];
const problems = ['竞品在做买赠活动，门店压力大', '两家门店回款拖延', '新品价格偏高，店主犹豫', '物流到货晚了一天', ''];
const helpNeeded = ['需要促销物料支持', '请协调物流尽快补货', '希望申请一次试吃活动', ''];
const commentBodies = [
  '收到，继续保持',
  '注意 A 类门店本月拜访次数',
  '竞品信息请整理后发我',
  '促销执行情况周五前汇报',
  '问题已记录，周会讨论',
];

/** Every working day (Mon–Fri) from `from` up to but excluding `until`. */
function workingDays(from: string, until: string): string[] {
  const days: string[] = [];
  for (let day = from; day < until; day = addDays(day, 1)) if (isoWeekday(day) < 6) days.push(day);
  return days;
}

/** A time of day in Shanghai between `fromHour` and `toHour` on a given day. */
function timeOn(random: Random, day: string, fromHour: number, toHour: number): Date {
  return new Date(startOfShanghaiDay(day).getTime() + random.int(fromHour * 60, toHour * 60 - 1) * 60_000);
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) await insert(rows.slice(i, i + chunkSize));
}

async function grantPermissions(tx: Tx, org: OrgIds): Promise<void> {
  const p = FieldPermissions;
  const rep = [p['visits.read'], p['visits.record'], p['logs.write'], p['compliance.read']];
  const grants = (key: string): string[] => {
    if (key.startsWith('rep-')) return rep;
    if (/^(am-|mm-)/.test(key) || ['director', 'deputy', 'gm'].includes(key)) return [...rep, p['logs.review'], p['visits.export']];
    // The sales support group calls every customer weekly: phone visits.
    if (key === 'ssg') return [p['visits.read'], p['visits.record'], p['compliance.read']];
    return [];
  };
  await tx
    .insert(positionPermissions)
    .values([...org.positionIds].flatMap(([key, positionId]) => grants(key).map((permission) => ({ positionId, permission }))));
}

interface Store {
  id: number;
  ownerUserId: number;
  geographyId: number | null;
  grade: 'A' | 'B' | 'C' | 'D';
}

/**
 * Done visits of one store in one month: A and B stores get 3–7 onsite
 * visits, C and D 0–3, so about half the stores fall below their minimum;
 * about one visit in ten is a phone call on top. The current month only
 * has its elapsed share.
 */
function storeMonthVisits(random: Random, store: Store, days: string[], share: number): NewVisit[] {
  if (days.length === 0) return [];
  const high = store.grade === 'A' || store.grade === 'B';
  const onsite = Math.round((high ? random.int(3, 7) : random.int(0, 3)) * share);
  const rows: NewVisit[] = [];
  const base = { accountId: store.id, repUserId: store.ownerUserId, geographyId: store.geographyId, status: 'done' as const };
  for (let i = 0; i < onsite; i++) {
    const day = random.pick(days);
    const gps = random.next() < 0.8;
    rows.push({
      ...base,
      visitDate: day,
      kind: 'onsite',
      checkedInAt: timeOn(random, day, 9, 18),
      latitude: gps ? random.int(22_000_000, 45_000_000) / 1_000_000 : null,
      longitude: gps ? random.int(100_000_000, 125_000_000) / 1_000_000 : null,
      purpose: random.pick(purposes),
      result: random.pick(results),
      nextStep: random.pick(nextSteps),
    });
    if (random.next() < 0.11) {
      const callDay = random.pick(days);
      rows.push({
        ...base,
        visitDate: callDay,
        kind: 'phone',
        checkedInAt: timeOn(random, callDay, 9, 18),
        purpose: '电话回访',
        result: random.pick(phoneResults),
      });
    }
  }
  // Now and then a planned visit fell through.
  if (random.next() < 0.05) {
    const day = random.pick(days);
    rows.push({
      ...base,
      status: 'cancelled',
      visitDate: day,
      plannedFor: day,
      kind: 'onsite',
      purpose: random.pick(purposes),
      cancelReason: '店主临时外出',
    });
  }
  return rows;
}

async function seedVisits(tx: Tx, random: Random, stores: Store[], today: string) {
  const month = shanghaiMonth(startOfShanghaiDay(today));
  const months = [addMonths(month, -2), addMonths(month, -1), month];
  const rows: NewVisit[] = [];
  for (const m of months) {
    const nextMonth = `${addMonths(m, 1)}-01`;
    const all = workingDays(`${m}-01`, nextMonth);
    // The current month: visits up to yesterday only, scaled to the share of the month gone by.
    const days = m === month ? workingDays(`${m}-01`, today) : all;
    const share = all.length === 0 ? 0 : days.length / all.length;
    for (const store of stores) rows.push(...storeMonthVisits(random, store, days, share));
  }
  const plans = await seedPlans(tx, random, stores, today);
  // Done visits of the current week were part of its plan.
  for (const row of rows) if (row.status === 'done') row.planId = plans.get(`${row.repUserId}|${isoWeekStart(row.visitDate)}`) ?? null;
  rows.push(...plannedVisits(random, stores, today, plans));
  await insertChunked(rows, (chunk) => insertVisits(tx, chunk));
  return { months, rows };
}

/** This week's plan (submitted) and next week's (a draft) for every rep holding stores. */
async function seedPlans(tx: Tx, random: Random, stores: Store[], today: string): Promise<Map<string, number>> {
  const owners = [...new Set(stores.map((s) => s.ownerUserId))].sort((a, b) => a - b);
  const map = new Map<string, number>();
  if (owners.length === 0) return map;
  const thisWeek = isoWeekStart(today);
  const nextWeek = addDays(thisWeek, 7);
  const homes = await tx.select({ id: users.id, geographyId: users.geographyId }).from(users).where(inArray(users.id, owners));
  const geographyOf = new Map(homes.map((u) => [u.id, u.geographyId]));
  const rows = owners.flatMap((repUserId) => [
    {
      repUserId,
      geographyId: geographyOf.get(repUserId) ?? null,
      weekStart: thisWeek,
      status: 'submitted' as const,
      note: random.pick(['本周重点：A 类门店全覆盖', '本周配合促销活动巡店', '重点跟进回款']),
      submittedAt: startOfShanghaiDay(thisWeek),
    },
    { repUserId, geographyId: geographyOf.get(repUserId) ?? null, weekStart: nextWeek, status: 'draft' as const, note: '' },
  ]);
  for (let i = 0; i < rows.length; i += chunkSize) {
    const inserted = await tx
      .insert(visitPlans)
      .values(rows.slice(i, i + chunkSize))
      .returning({ id: visitPlans.id, repUserId: visitPlans.repUserId, weekStart: visitPlans.weekStart });
    for (const plan of inserted) map.set(`${plan.repUserId}|${plan.weekStart}`, plan.id);
  }
  return map;
}

/** Planned visits for the rest of this week and next week: a few per rep, to their A and B stores first. */
function plannedVisits(random: Random, stores: Store[], today: string, plans: Map<string, number>): NewVisit[] {
  const days = workingDays(addDays(today, 1), addDays(isoWeekStart(today), 12));
  if (days.length === 0) return [];
  const byOwner = new Map<number, Store[]>();
  for (const store of stores) byOwner.set(store.ownerUserId, [...(byOwner.get(store.ownerUserId) ?? []), store]);
  const rows: NewVisit[] = [];
  for (const [repUserId, own] of byOwner) {
    const preferred = own.filter((s) => s.grade === 'A' || s.grade === 'B');
    const pool = preferred.length > 0 ? preferred : own;
    for (let i = random.int(4, 8); i > 0; i--) {
      const store = random.pick(pool);
      const day = random.pick(days);
      rows.push({
        accountId: store.id,
        repUserId,
        geographyId: store.geographyId,
        kind: 'onsite',
        status: 'planned',
        visitDate: day,
        plannedFor: day,
        purpose: random.pick(purposes),
        planId: plans.get(`${repUserId}|${isoWeekStart(day)}`) ?? null,
      });
    }
  }
  return rows;
}

/**
 * Daily logs of the reps and area managers on about 85 % of working days
 * up to yesterday, and superiors' comments on about one log in five.
 */
async function seedWorkLogs(tx: Tx, random: Random, org: OrgIds, from: string, today: string, visits: NewVisit[]) {
  const writers = await selectRows<{ id: string | number; geography_id: string | number | null; superior_id: string | number | null }>(
    tx,
    sql`SELECT u.id, u.geography_id, (SELECT s.id FROM users s WHERE s.position_id = p.superior_id ORDER BY s.id LIMIT 1) AS superior_id
      FROM users u JOIN positions p ON p.id = u.position_id
      WHERE u.id = ANY(${`{${[...org.userIds]
        .filter(([name]) => /^(rep|am)-/.test(name))
        .map(([, id]) => id)
        .join(',')}}`}::bigint[])
      ORDER BY u.id`,
  );
  const visitsByDay = new Map<string, number>();
  for (const v of visits)
    if (v.status === 'done') visitsByDay.set(`${v.repUserId}|${v.visitDate}`, (visitsByDay.get(`${v.repUserId}|${v.visitDate}`) ?? 0) + 1);
  const days = workingDays(from, today);
  const logs: (typeof workLogs.$inferInsert)[] = [];
  const superiorOf = new Map<number, number | null>();
  for (const writer of writers) {
    const userId = Number(writer.id);
    superiorOf.set(userId, writer.superior_id === null ? null : Number(writer.superior_id));
    for (const day of days) {
      if (random.next() >= 0.85) continue;
      const n = visitsByDay.get(`${userId}|${day}`) ?? 0;
      logs.push({
        userId,
        geographyId: writer.geography_id === null ? null : Number(writer.geography_id),
        logDate: day,
        progress:
          n > 0
            ? `拜访门店 ${n} 家，${random.pick(results)}。`
            : random.pick(['整理客户资料，电话跟进订单。', '参加区域周会，制定下周拜访计划。', '处理门店退换货与对账。']),
        problems: random.next() < 0.25 ? random.pick(problems) : '',
        helpNeeded: random.next() < 0.12 ? random.pick(helpNeeded) : '',
        submittedAt: timeOn(random, day, 18, 22),
      });
    }
  }
  const comments: (typeof workLogComments.$inferInsert)[] = [];
  const commentBefore = startOfShanghaiDay(addDays(today, -1)).getTime();
  for (let i = 0; i < logs.length; i += chunkSize) {
    const inserted = await tx
      .insert(workLogs)
      .values(logs.slice(i, i + chunkSize))
      .returning({ id: workLogs.id, userId: workLogs.userId, submittedAt: workLogs.submittedAt });
    for (const log of inserted) {
      const superior = superiorOf.get(log.userId);
      const at = log.submittedAt.getTime() + random.int(1, 14) * hourMs;
      if (superior && at < commentBefore && random.next() < 0.2)
        comments.push({ logId: log.id, userId: superior, body: random.pick(commentBodies), at: new Date(at) });
    }
  }
  await insertChunked(comments, (chunk) => tx.insert(workLogComments).values(chunk));
  return { logs: logs.length, comments: comments.length };
}

/**
 * CUS-4…CUS-6 demo: field permissions, three months of visits (the two
 * previous months and this one up to yesterday) for every store with an
 * owner, this and next week's visit plans, daily work logs with comments,
 * and the two past months frozen for the compliance report. "Today" is the
 * real Shanghai date at seeding, so the current month always has live data;
 * the same day gives the same data.
 */
export async function seedFieldDemo(tx: Tx, org: OrgIds): Promise<void> {
  await grantPermissions(tx, org);
  const today = shanghaiDate(new Date());
  const random = seededRandom(20261123);
  const stores = (
    await tx
      .select({ id: accounts.id, ownerUserId: accounts.ownerUserId, geographyId: accounts.geographyId, grade: accounts.grade })
      .from(accounts)
      .where(
        and(
          inArray(accounts.kind, [...storeKinds]),
          isNotNull(accounts.ownerUserId),
          isNotNull(accounts.grade),
          eq(accounts.status, 'active'),
        ),
      )
      .orderBy(asc(accounts.id))
  ).map((s) => ({ ...s, ownerUserId: s.ownerUserId as number, grade: s.grade as Store['grade'] }));
  const { months, rows } = await seedVisits(tx, random, stores, today);
  await seedWorkLogs(tx, random, org, `${months[0]}-01`, today, rows);
  // The pool clock (CUS-12) knows about the visits, as it would had they been recorded one by one.
  await tx.execute(sql`UPDATE ${accounts} SET last_follow_up_at = greatest(coalesce(${accounts.lastFollowUpAt}, v.at), v.at)
    FROM (SELECT account_id, max(checked_in_at) AS at FROM visits WHERE status = 'done' GROUP BY account_id) v
    WHERE ${accounts.id} = v.account_id`);
  for (const month of months.slice(0, 2)) await freezeMonth(tx, month);
}
