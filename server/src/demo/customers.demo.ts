import { sql } from 'drizzle-orm';
import {
  type AccountGrade,
  type AccountKind,
  type AccountSource,
  type AccountStatus,
  accountAddresses,
  accountContacts,
  accountGradeReviews,
  accountPoolEvents,
  accounts,
  type CreditRating,
  CustomerPermissions,
  creditCodeCheckChar,
  nextAccountCode,
  normalizeAccountName,
} from '../modules/customers/index.js';
import { positionPermissions } from '../modules/org/index.js';
import type { Tx } from '../platform/db/database.js';
import { selectRows } from '../platform/db/raw.js';
import { shanghaiDate, startOfShanghaiDay } from '../platform/time.js';
import { chineseName, mobileNumber, type Random, seededRandom } from './random.js';

interface OrgIds {
  userIds: Map<string, number>;
  positionIds: Map<string, number>;
}

const chunkSize = 1000;
const dayMs = 86_400_000;

/** A few cities per province of the demo markets, with the province's administrative code (credit codes start with it). */
const places: Record<string, { code: string; cities: string[] }> = {
  黑龙江: { code: '23', cities: ['哈尔滨', '齐齐哈尔', '大庆', '牡丹江'] },
  吉林: { code: '22', cities: ['长春', '吉林', '四平'] },
  辽宁: { code: '21', cities: ['沈阳', '大连', '鞍山', '锦州'] },
  北京: { code: '11', cities: ['北京'] },
  天津: { code: '12', cities: ['天津'] },
  河北: { code: '13', cities: ['石家庄', '唐山', '保定', '邯郸'] },
  山西: { code: '14', cities: ['太原', '大同', '运城'] },
  内蒙古: { code: '15', cities: ['呼和浩特', '包头', '鄂尔多斯'] },
  陕西: { code: '61', cities: ['西安', '宝鸡', '咸阳', '榆林'] },
  甘肃: { code: '62', cities: ['兰州', '天水', '酒泉'] },
  青海: { code: '63', cities: ['西宁', '海东'] },
  宁夏: { code: '64', cities: ['银川', '吴忠'] },
  新疆: { code: '65', cities: ['乌鲁木齐', '克拉玛依', '喀什'] },
  河南: { code: '41', cities: ['郑州', '洛阳', '开封', '南阳'] },
  湖北: { code: '42', cities: ['武汉', '宜昌', '襄阳', '荆州'] },
  湖南: { code: '43', cities: ['长沙', '株洲', '岳阳', '常德'] },
  山东: { code: '37', cities: ['济南', '青岛', '烟台', '潍坊', '临沂'] },
  上海: { code: '31', cities: ['上海'] },
  江苏: { code: '32', cities: ['南京', '苏州', '无锡', '常州', '徐州'] },
  浙江: { code: '33', cities: ['杭州', '宁波', '温州', '绍兴', '嘉兴'] },
  安徽: { code: '34', cities: ['合肥', '芜湖', '蚌埠', '安庆'] },
  福建: { code: '35', cities: ['福州', '厦门', '泉州', '漳州'] },
  江西: { code: '36', cities: ['南昌', '赣州', '九江', '上饶'] },
  广东: { code: '44', cities: ['广州', '深圳', '东莞', '佛山', '珠海'] },
  广西: { code: '45', cities: ['南宁', '柳州', '桂林'] },
  海南: { code: '46', cities: ['海口', '三亚'] },
  重庆: { code: '50', cities: ['重庆'] },
  四川: { code: '51', cities: ['成都', '绵阳', '宜宾', '南充'] },
  贵州: { code: '52', cities: ['贵阳', '遵义', '六盘水'] },
  云南: { code: '53', cities: ['昆明', '曲靖', '大理'] },
  西藏: { code: '54', cities: ['拉萨', '日喀则'] },
};

const words =
  '福满 好运来 金鼎 万家乐 兴隆 恒泰 顺发 佳乐 盛世 鑫源 富康 聚福 吉祥 和顺 安泰 金都 鸿运 龙腾 东方 百乐 喜来 永兴 德丰 瑞祥 天成 宏达 嘉禾 同福 惠民 乐购'.split(
    ' ',
  );
const districts = '城东 城西 城南 城北 新城 老城 高新 开发 滨江 湖滨 河西 江北'.split(' ');
const roads = '人民路 解放路 中山路 建设路 和平路 新华路 文化路 青年路 长江路 黄河路 胜利路 友谊路 光明路 朝阳路'.split(' ');
const kindSuffixes: Partial<Record<AccountKind, string[]>> = {
  retail_store: ['烟酒店', '百货商行', '便利店', '超市', '酒行', '烟酒商行', '名酒专卖店', '副食店'],
  key_account: ['大酒店', '酒楼', '连锁超市', '购物广场', '宴会中心', '餐饮有限公司'],
  distributor: ['酒业有限公司', '商贸有限公司', '贸易有限公司', '酒类经营部'],
  enterprise_agent: ['营销策划有限公司', '供应链管理有限公司'],
  sales_agent: ['商务咨询服务部'],
};
const titles = ['店主', '老板', '店长', '采购经理', '财务', '仓管'];
const carriers = ['自提', '经销商配送', '德邦物流', '安能物流', '顺丰快运', '中通快运'];
const unloading = ['后门卸货，限高 2.5 米', '上午 10 点前送达', '地下车库卸货，需提前电话', '周日不收货', null, null];
const tagChoices = ['宴席', '团购', '社区店', '商圈店', '乡镇', '新品试点'];
const gradeMix: [AccountGrade, number][] = [
  ['A', 0.1],
  ['B', 0.25],
  ['C', 0.35],
  ['D', 0.3],
];
const sourceMix: AccountSource[] = ['field', 'field', 'field', 'field', 'campaign', 'exhibition', 'partner_referral', 'walk_in'];

/** GB 11714 organisation code check character of 8 digits (position 17 of a credit code). */
function orgCodeCheck(digits: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...digits].reduce((total, d, i) => total + Number(d) * (weights[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** A well-formed 统一社会信用代码: registry 9 (industry and commerce), category 1 company / 2 individual business. */
function creditCode(provinceCode: string, category: '1' | '2', serial: number): string {
  const org = String(30_000_000 + serial * 37).slice(-8);
  const first17 = `9${category}${provinceCode}0100${org}${orgCodeCheck(org)}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

function pickGrade(random: Random): AccountGrade {
  let roll = random.next();
  for (const [grade, share] of gradeMix) {
    roll -= share;
    if (roll < 0) return grade;
  }
  return 'D';
}

interface Territory {
  id: number;
  repId: number | null;
  amId: number | null;
  provinces: string[];
}

interface PlannedAccount {
  key: string;
  name: string;
  kind: AccountKind;
  ownerUserId: number | null;
  formerOwnerId: number | null;
  territory: Territory;
  province: string;
  city: string;
}

async function territories(tx: Tx): Promise<Territory[]> {
  const rows = await selectRows<{ id: string | number; rep: string | number | null; am: string | number | null; provinces: string[] }>(
    tx,
    sql`SELECT t.id, t.owner_user_id AS rep, r.owner_user_id AS am, r.provinces
      FROM geographies t JOIN geographies r ON r.id = t.parent_id
      WHERE t.kind = 'territory' ORDER BY t.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    repId: r.rep === null ? null : Number(r.rep),
    amId: r.am === null ? null : Number(r.am),
    provinces: r.provinces,
  }));
}

/** Who owns what: each rep 48–58 stores, each area manager ~22 key accounts and 4 partners, ~50 stores in the pool. */
function planAccounts(random: Random, all: Territory[]): PlannedAccount[] {
  const names = new Set<string>();
  const planned: PlannedAccount[] = [];
  const add = (kind: AccountKind, territory: Territory, ownerUserId: number | null, formerOwnerId: number | null = null) => {
    const province = random.pick(territory.provinces);
    const city = random.pick(places[province]?.cities ?? [province]);
    const suffix = random.pick(kindSuffixes[kind] ?? ['商行']);
    let name = `${city}${random.pick(words)}${suffix}`;
    if (names.has(normalizeAccountName(name))) name = `${city}${random.pick(districts)}${random.pick(words)}${suffix}`;
    for (let n = 2; names.has(normalizeAccountName(name)); n += 1) name = `${city}${random.pick(words)}${suffix}${n}号店`;
    names.add(normalizeAccountName(name));
    planned.push({ key: normalizeAccountName(name), name, kind, ownerUserId, formerOwnerId, territory, province, city });
  };
  const regions = new Map<number, Territory[]>();
  for (const territory of all) {
    if (territory.repId !== null) for (let i = random.int(48, 58); i > 0; i -= 1) add('retail_store', territory, territory.repId);
    if (territory.amId !== null) regions.set(territory.amId, [...(regions.get(territory.amId) ?? []), territory]);
  }
  let agents = 0;
  for (const [amId, own] of regions) {
    for (let i = random.int(18, 26); i > 0; i -= 1) add('key_account', random.pick(own), amId);
    for (let i = 0; i < 4; i += 1) add('distributor', random.pick(own), amId);
    if (agents < 6 && random.next() < 0.4) {
      agents += 1;
      add(agents % 2 ? 'enterprise_agent' : 'sales_agent', random.pick(own), amId);
    }
  }
  for (let i = 0; i < 50; i += 1) {
    const territory = random.pick(all);
    add('retail_store', territory, null, random.next() < 0.8 ? territory.repId : null);
  }
  return planned;
}

const partnerKinds = new Set<AccountKind>(['distributor', 'enterprise_agent', 'sales_agent']);

function accountRow(random: Random, plan: PlannedAccount, index: number, createdBy: number | null, now: Date) {
  const daysAgo = (from: number, to: number) => new Date(now.getTime() - random.int(from, to) * dayMs - random.int(0, 36_000) * 1000);
  const partner = partnerKinds.has(plan.kind);
  const company = partner || plan.kind === 'key_account' || random.next() < 0.7;
  const provinceCode = places[plan.province]?.code ?? '11';
  const createdAt = daysAgo(20, 900);
  const isNew = createdAt.getTime() > now.getTime() - 60 * dayMs;
  const owned = plan.ownerUserId !== null;
  const status: AccountStatus = owned && random.next() < 0.03 ? 'dormant' : 'active';
  return {
    code: nextAccountCode(),
    name: plan.name,
    normalizedName: plan.key,
    kind: plan.kind,
    partyType: company ? ('company' as const) : ('person' as const),
    creditCode: company ? creditCode(provinceCode, partner || plan.kind === 'key_account' ? '1' : '2', index + 1) : null,
    mobile: partner ? null : mobileNumber(random, 1000 + index),
    grade: partner ? random.pick<AccountGrade>(['A', 'A', 'B', 'B', 'C']) : pickGrade(random),
    status,
    ownerUserId: plan.ownerUserId,
    geographyId: plan.territory.id,
    province: plan.province,
    city: plan.city,
    address: `${plan.city}${random.pick(districts)}区${random.pick(roads)}${random.int(1, 399)}号`,
    source: partner ? ('partner_referral' as const) : random.pick(sourceMix),
    tags: random.next() < 0.35 ? [random.pick(tagChoices)] : [],
    locked: partner,
    // The pool clocks must not run out on the day the demo starts: recent orders and follow-ups for owned accounts.
    lastFollowUpAt: owned ? daysAgo(0, 26) : daysAgo(35, 80),
    lastDealAt: owned && !isNew ? daysAgo(1, 70) : null,
    ownedSince: owned ? new Date(Math.max(createdAt.getTime(), daysAgo(30, 400).getTime())) : null,
    poolEnteredAt: owned ? null : daysAgo(1, 45),
    createdBy,
    createdAt,
    updatedAt: createdAt,
  };
}

const yuan = 100;

/**
 * CUS-8 credit terms finance has set: partners and key accounts 50万–300万元,
 * stores 2万–10万元, about a fifth of stores cash only. A generator of its own
 * keeps the rest of the demo the same as before credit existed.
 */
function creditTerms(random: Random, kind: AccountKind): { creditLimitFen: number | null; creditRating: CreditRating | null } {
  const large = partnerKinds.has(kind) || kind === 'key_account';
  if (random.next() < (large ? 0.1 : 0.2)) return { creditLimitFen: null, creditRating: null };
  const creditLimitFen = large ? random.int(5, 30) * 100_000 * yuan : random.int(4, 20) * 5_000 * yuan;
  const creditRating = random.pick<CreditRating>(large ? ['A', 'A', 'B', 'B', 'C'] : ['A', 'B', 'B', 'C', 'C', 'D']);
  return { creditLimitFen, creditRating };
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) await insert(rows.slice(i, i + chunkSize));
}

async function grantPermissions(tx: Tx, org: OrgIds): Promise<void> {
  const p = CustomerPermissions;
  const rep = [p['accounts.read'], p['accounts.write'], p['pool.claim']];
  const manager = [...rep, p['accounts.manage'], p['grades.manage']];
  const leader = [...manager, p['disputes.decide'], p['accounts.export'], p['accounts.import']];
  const grants = (key: string): string[] => {
    if (key.startsWith('rep-')) return rep;
    if (key.startsWith('am-')) return manager;
    if (key.startsWith('mm-')) return leader;
    if (['director', 'deputy', 'gm'].includes(key)) return [...leader, p['settings.manage']];
    // Sales support keeps the archive tidy (imports); finance, logistics and service look customers up.
    if (key === 'ssg') return [p['accounts.read'], p['accounts.import']];
    if (key === 'finance') return [p['accounts.read'], p['credit.manage']];
    if (['logistics', 'service', 'csr'].includes(key)) return [p['accounts.read']];
    return [];
  };
  await tx
    .insert(positionPermissions)
    .values([...org.positionIds].flatMap(([key, positionId]) => grants(key).map((permission) => ({ positionId, permission }))));
}

/**
 * CUS-1/CUS-3/CUS-9/CUS-12 demo: about 2,000 stores and key accounts and 80
 * distributors (plus a few agents) across the eight markets, owned by the
 * reps and area managers of their territories, with contacts, a delivery
 * address each, some grade reviews and about 50 accounts in the pool. Dates
 * count back from the real Shanghai day of seeding.
 */
export async function seedCustomersDemo(tx: Tx, org: OrgIds): Promise<void> {
  await grantPermissions(tx, org);
  const random = seededRandom(20261124);
  const now = new Date(startOfShanghaiDay(shanghaiDate(new Date())).getTime() + 9 * 3_600_000);
  const plans = planAccounts(random, await territories(tx));
  const admin = org.userIds.get('admin') ?? null;
  const credit = seededRandom(20261123);
  const rows = plans.map((plan, index) => ({
    ...accountRow(random, plan, index, plan.ownerUserId ?? admin, now),
    ...creditTerms(credit, plan.kind),
  }));
  const ids = new Map<string, number>();
  await insertChunked(rows, async (chunk) => {
    const inserted = await tx.insert(accounts).values(chunk).returning({ id: accounts.id, key: accounts.normalizedName });
    for (const row of inserted) ids.set(row.key, row.id);
  });
  const idOf = (plan: PlannedAccount) => ids.get(plan.key) as number;

  const contacts: (typeof accountContacts.$inferInsert & { name: string; mobile: string })[] = [];
  for (const plan of plans) {
    const count = random.next() < 0.45 ? 2 : 1;
    for (let i = 0; i < count; i += 1) {
      contacts.push({
        accountId: idOf(plan),
        name: chineseName(random),
        title: i === 0 ? random.pick(titles.slice(0, 3)) : random.pick(titles.slice(2)),
        mobile: mobileNumber(random, 6000 + contacts.length),
        isPrimary: i === 0,
      });
    }
  }
  await insertChunked(contacts, (chunk) => tx.insert(accountContacts).values(chunk));

  const primary = new Map(contacts.filter((c) => c.isPrimary).map((c) => [c.accountId, c]));
  const addresses = plans.map((plan, index) => {
    const contact = primary.get(idOf(plan));
    const partner = partnerKinds.has(plan.kind);
    return {
      accountId: idOf(plan),
      kind: 'delivery' as const,
      province: plan.province,
      city: plan.city,
      address: rows[index]?.address ?? plan.city,
      receiver: contact?.name ?? null,
      receiverPhone: contact?.mobile ?? null,
      carrier: partner ? random.pick(carriers.slice(2)) : random.pick(carriers.slice(0, 2)),
      unloadingNotes: random.pick(unloading),
      isDefault: true,
      // CUS-9 monthly check: about a third are overdue (not verified within 35 days).
      verifiedAt: new Date(now.getTime() - random.int(0, 55) * dayMs),
    };
  });
  await insertChunked(addresses, (chunk) => tx.insert(accountAddresses).values(chunk));

  const reviews = plans.flatMap((plan, index) => {
    const row = rows[index];
    if (!row?.grade || plan.ownerUserId === null || random.next() > 0.15) return [];
    const from = random.pick<AccountGrade>(['A', 'B', 'C', 'D'].filter((g) => g !== row.grade) as AccountGrade[]);
    const reason = from < row.grade ? '月销量连续下滑，下调等级' : '季度进货额提升，上调等级';
    return [
      {
        accountId: idOf(plan),
        fromGrade: from,
        toGrade: row.grade,
        reason,
        reviewedBy: plan.ownerUserId,
        reviewedAt: new Date(now.getTime() - random.int(10, 80) * dayMs),
      },
    ];
  });
  await insertChunked(reviews, (chunk) => tx.insert(accountGradeReviews).values(chunk));

  const poolEvents = plans.flatMap((plan, index) => {
    const row = rows[index];
    if (plan.ownerUserId !== null || !row?.poolEnteredAt) return [];
    const released = plan.formerOwnerId !== null && random.next() < 0.5;
    return [
      {
        accountId: idOf(plan),
        kind: released ? ('released' as const) : ('returned' as const),
        fromUserId: plan.formerOwnerId,
        reason: released ? random.pick(['店铺转让，新店主未对接', '客户改做其他品牌', '门店停业装修']) : 'followUp',
        actorUserId: released ? plan.formerOwnerId : null,
        at: row.poolEnteredAt,
      },
    ];
  });
  await insertChunked(poolEvents, (chunk) => tx.insert(accountPoolEvents).values(chunk));
}
