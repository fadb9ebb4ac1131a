import { eq, sql } from 'drizzle-orm';
import {
  type DataScopeKind,
  defaultScopeByLadder,
  departments,
  geographies,
  type LadderLevel,
  OrgPermissions,
  positionPermissions,
  positions,
  users,
} from '../modules/org/index.js';
import { hashPassword } from '../platform/auth/password.js';
import type { Tx } from '../platform/db/database.js';
import { demoMarkets, provincesOfRegion, regionOrdinals } from './markets.js';
import { chineseName, mobileNumber, seededRandom } from './random.js';

export const demoPassword = 'demo123456';

/** The logins README.md lists; every other demo user follows the same naming. */
export const demoLogins = [
  ['admin', '系统管理员 / system administrator'],
  ['gm', '总经理 / general manager'],
  ['director', '销售总监 / sales director (东北 华北 西北 华中)'],
  ['deputy', '销售副总监 / deputy director (山东 华东 华南 西南)'],
  ['ssg', 'SSG 组长 / sales support lead'],
  ['mm-huadong', '华东市场经理 / East China market manager'],
  ['am-huadong-1', '华东一区区域经理 / area manager'],
  ['rep-huadong-1', '华东一区销售代表 / sales rep'],
  ['finance', '财务经理 / finance'],
  ['logistics', '储运经理 / logistics'],
] as const;

interface PositionSpec {
  key: string;
  name: string;
  department: string;
  superior: string | null;
  ladder: LadderLevel;
  headcount: number;
  duties: string;
  scope?: DataScopeKind;
  permissions: string[];
}

interface UserSpec {
  username: string;
  position: string | null;
  geography: string | null;
  isAdmin?: boolean;
  displayName?: string;
}

const leadership = [
  OrgPermissions['users.read'],
  OrgPermissions['users.manage'],
  OrgPermissions['structure.manage'],
  OrgPermissions['authority.manage'],
  OrgPermissions['moves.manage'],
  OrgPermissions['policies.manage'],
];
const everyone = [OrgPermissions['users.read']];

function buildPlan() {
  const departmentSpecs: { name: string; parent: string | null; sort: number }[] = [
    { name: '营销中心', parent: null, sort: 0 },
    { name: '销售部', parent: '营销中心', sort: 1 },
    { name: '销售支持组', parent: '营销中心', sort: 2 },
    { name: '市场部', parent: '营销中心', sort: 3 },
    { name: '渠道部', parent: '营销中心', sort: 4 },
    { name: '客服部', parent: '营销中心', sort: 5 },
    { name: '财务部', parent: '营销中心', sort: 6 },
    { name: '储运部', parent: '营销中心', sort: 7 },
  ];
  const positionSpecs: PositionSpec[] = [
    {
      key: 'gm',
      name: '总经理',
      department: '营销中心',
      superior: null,
      ladder: 'director',
      headcount: 1,
      duties: '主持营销中心全面工作，决定营销战略、组织与编制。',
      permissions: leadership,
    },
    {
      key: 'director',
      name: '销售总监',
      department: '销售部',
      superior: 'gm',
      ladder: 'director',
      headcount: 1,
      duties: '负责全国销售目标、销售政策与激励，审批销售合同与重大客户项目，分管东北、华北、西北、华中市场。',
      permissions: leadership,
    },
    {
      key: 'deputy',
      name: '销售副总监',
      department: '销售部',
      superior: 'director',
      ladder: 'director',
      headcount: 1,
      duties: '协助销售总监，分管山东、华东、华南、西南市场。',
      scope: 'geography',
      permissions: leadership,
    },
    {
      key: 'ssg',
      name: 'SSG组长',
      department: '销售支持组',
      superior: 'director',
      ladder: 'supervisor',
      headcount: 1,
      duties: '领导销售支持组：订单录入、客户回访、销售数据与报表。',
      scope: 'all',
      permissions: everyone,
    },
    {
      key: 'csr',
      name: '客户服务代表',
      department: '销售支持组',
      superior: 'ssg',
      ladder: 'representative',
      headcount: 2,
      duties: '受理订单与查询，每周电话回访客户。',
      scope: 'all',
      permissions: everyone,
    },
    {
      key: 'marketing',
      name: '市场部经理',
      department: '市场部',
      superior: 'gm',
      ladder: 'manager',
      headcount: 1,
      duties: '市场调研、品牌推广与促销活动。',
      permissions: everyone,
    },
    {
      key: 'channel',
      name: '渠道部经理',
      department: '渠道部',
      superior: 'director',
      ladder: 'manager',
      headcount: 1,
      duties: '渠道招商、经销商与代理商管理。',
      permissions: everyone,
    },
    {
      key: 'service',
      name: '客服部经理',
      department: '客服部',
      superior: 'gm',
      ladder: 'manager',
      headcount: 1,
      duties: '投诉处理、售后服务与满意度调查。',
      permissions: everyone,
    },
    {
      key: 'finance',
      name: '财务经理',
      department: '财务部',
      superior: 'gm',
      ladder: 'manager',
      headcount: 1,
      duties: '销售结算、回款确认与信用管理。',
      scope: 'all',
      permissions: everyone,
    },
    {
      key: 'logistics',
      name: '储运经理',
      department: '储运部',
      superior: 'gm',
      ladder: 'manager',
      headcount: 1,
      duties: '仓储、发运与物流跟踪。',
      scope: 'all',
      permissions: everyone,
    },
  ];
  const userSpecs: UserSpec[] = [
    { username: 'admin', position: null, geography: null, isAdmin: true, displayName: '系统管理员' },
    ...['gm', 'director', 'deputy', 'ssg', 'marketing', 'channel', 'service', 'finance', 'logistics'].map((key) => ({
      username: key,
      position: key,
      geography: null,
    })),
    { username: 'csr-1', position: 'csr', geography: null },
    { username: 'csr-2', position: 'csr', geography: null },
  ];
  const geographySpecs: {
    code: string;
    name: string;
    kind: 'market' | 'region' | 'territory';
    parent: string | null;
    provinces: string[];
    owner: string | null;
    sort: number;
  }[] = [];

  demoMarkets.forEach((market, marketIndex) => {
    const department = `${market.name}大区`;
    departmentSpecs.push({ name: department, parent: '销售部', sort: 10 + marketIndex });
    geographySpecs.push({
      code: market.slug,
      name: market.name,
      kind: 'market',
      parent: null,
      provinces: [...market.provinces],
      owner: market.owner,
      sort: marketIndex,
    });
    const mm = `mm-${market.slug}`;
    positionSpecs.push({
      key: mm,
      name: `${market.name}市场经理`,
      department,
      superior: market.owner,
      ladder: 'manager',
      headcount: 1,
      duties: `负责${market.name}市场的销售目标、团队与客户。`,
      scope: 'geography',
      permissions: everyone,
    });
    userSpecs.push({ username: mm, position: mm, geography: market.slug });
    let repNumber = 0;
    for (let r = 0; r < market.regions; r++) {
      const regionCode = `${market.slug}-${r + 1}`;
      const regionName = `${market.name}${regionOrdinals[r]}区`;
      geographySpecs.push({
        code: regionCode,
        name: regionName,
        kind: 'region',
        parent: market.slug,
        provinces: provincesOfRegion(market.provinces, market.regions, r),
        owner: `am-${regionCode}`,
        sort: r,
      });
      const am = `am-${regionCode}`;
      positionSpecs.push({
        key: am,
        name: `${regionName}区域经理`,
        department,
        superior: mm,
        ladder: 'supervisor',
        headcount: 1,
        duties: `管理${regionName}的销售代表，拜访重点客户，达成区域目标。`,
        permissions: everyone,
      });
      userSpecs.push({ username: am, position: am, geography: regionCode });
      const repKey = `rep-${regionCode}`;
      const reps = r === 0 ? 2 : 1;
      positionSpecs.push({
        key: repKey,
        name: `${regionName}销售代表`,
        department,
        superior: am,
        ladder: 'representative',
        headcount: 3,
        duties: '按客户等级拜访门店，开发客户，收集订单与回款，填写销售日志。',
        permissions: everyone,
      });
      for (let i = 0; i < reps; i++) {
        repNumber += 1;
        const territory = `${regionCode}-${i + 1}`;
        geographySpecs.push({
          code: territory,
          name: `${regionName}${i + 1}片`,
          kind: 'territory',
          parent: regionCode,
          provinces: [],
          owner: `rep-${market.slug}-${repNumber}`,
          sort: i,
        });
        userSpecs.push({ username: `rep-${market.slug}-${repNumber}`, position: repKey, geography: territory });
      }
    }
  });
  const heads: Record<string, string> = {
    营销中心: 'gm',
    销售部: 'director',
    销售支持组: 'ssg',
    市场部: 'marketing',
    渠道部: 'channel',
    客服部: 'service',
    财务部: 'finance',
    储运部: 'logistics',
  };
  for (const market of demoMarkets) heads[`${market.name}大区`] = `mm-${market.slug}`;
  return { departmentSpecs, positionSpecs, userSpecs, geographySpecs, heads };
}

function byName<T extends { id: number }>(rows: T[], key: (row: T) => string): Map<string, number> {
  return new Map(rows.map((row) => [key(row), row.id]));
}

function must(map: Map<string, number>, key: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo plan refers to unknown ${key}`);
  return id;
}

/** Inserts the demo organisation with one multi-row INSERT per level of each tree. */
export async function seedOrgDemo(tx: Tx): Promise<{
  userIds: Map<string, number>;
  departmentIds: Map<string, number>;
  positionIds: Map<string, number>;
  geographyIds: Map<string, number>;
}> {
  const plan = buildPlan();
  const random = seededRandom(20260101);
  const passwordHash = await hashPassword(demoPassword);

  const departmentIds = new Map<string, number>();
  for (let depth = 0; depth < 3; depth++) {
    const level = plan.departmentSpecs.filter((d) =>
      depth === 0 ? d.parent === null : d.parent !== null && departmentIds.has(d.parent) && !departmentIds.has(d.name),
    );
    if (level.length === 0) continue;
    const rows = await tx
      .insert(departments)
      .values(level.map((d) => ({ name: d.name, parentId: d.parent ? must(departmentIds, d.parent) : null, sort: d.sort })))
      .returning({ id: departments.id, name: departments.name });
    for (const [k, v] of byName(rows, (r) => r.name)) departmentIds.set(k, v);
  }

  const geographyIds = new Map<string, number>();
  for (const kind of ['market', 'region', 'territory'] as const) {
    const rows = await tx
      .insert(geographies)
      .values(
        plan.geographySpecs
          .filter((g) => g.kind === kind)
          .map((g) => ({
            code: g.code,
            name: g.name,
            kind,
            parentId: g.parent ? must(geographyIds, g.parent) : null,
            provinces: g.provinces,
            sort: g.sort,
          })),
      )
      .returning({ id: geographies.id, code: geographies.code });
    for (const [k, v] of byName(rows, (r) => r.code)) geographyIds.set(k, v);
  }

  const positionIds = new Map<string, number>();
  while (positionIds.size < plan.positionSpecs.length) {
    const level = plan.positionSpecs.filter((p) => !positionIds.has(p.key) && (p.superior === null || positionIds.has(p.superior)));
    const rows = await tx
      .insert(positions)
      .values(
        level.map((p) => ({
          name: p.name,
          departmentId: must(departmentIds, p.department),
          superiorId: p.superior ? must(positionIds, p.superior) : null,
          ladder: p.ladder,
          headcount: p.headcount,
          duties: p.duties,
          dataScope: p.scope ?? defaultScopeByLadder[p.ladder],
        })),
      )
      .returning({ id: positions.id, name: positions.name });
    const idsByName = byName(rows, (r) => r.name);
    for (const p of level) positionIds.set(p.key, must(idsByName, p.name));
  }
  await tx
    .insert(positionPermissions)
    .values(plan.positionSpecs.flatMap((p) => p.permissions.map((permission) => ({ positionId: must(positionIds, p.key), permission }))));

  const userRows = await tx
    .insert(users)
    .values(
      plan.userSpecs.map((u, index) => ({
        username: u.username,
        displayName: u.displayName ?? chineseName(random),
        mobile: u.isAdmin ? null : mobileNumber(random, index + 1),
        passwordHash,
        isAdmin: u.isAdmin ?? false,
        positionId: u.position ? must(positionIds, u.position) : null,
        geographyId: u.geography ? must(geographyIds, u.geography) : null,
      })),
    )
    .returning({ id: users.id, username: users.username });
  const userIds = byName(userRows, (r) => r.username);

  for (const [department, head] of Object.entries(plan.heads)) {
    await tx
      .update(departments)
      .set({ headUserId: must(userIds, head) })
      .where(eq(departments.id, must(departmentIds, department)));
  }
  for (const g of plan.geographySpecs) {
    if (g.owner)
      await tx
        .update(geographies)
        .set({ ownerUserId: must(userIds, g.owner) })
        .where(eq(geographies.code, g.code));
  }
  await tx.execute(sql`INSERT INTO user_moves (user_id, kind, to_position_id, to_geography_id, reason)
    SELECT id, 'hire', position_id, geography_id, 'demo' FROM users`);
  return { userIds, departmentIds, positionIds, geographyIds };
}

/**
 * ORG-2 lets a non-administrator grant or revoke only keys they hold, so in the
 * demo every position also holds the keys of the positions below it: a manager
 * can then re-grant their own team. Runs after every module has granted its keys.
 */
export async function grantTeamKeysToSuperiors(tx: Tx): Promise<void> {
  await tx.execute(sql`
    WITH RECURSIVE below(ancestor_id, position_id) AS (
      SELECT superior_id, id FROM positions WHERE superior_id IS NOT NULL
      UNION
      SELECT below.ancestor_id, positions.id FROM below JOIN positions ON positions.superior_id = below.position_id
    )
    INSERT INTO position_permissions (position_id, permission)
    SELECT DISTINCT below.ancestor_id, granted.permission
    FROM below JOIN position_permissions granted ON granted.position_id = below.position_id
    ON CONFLICT DO NOTHING`);
}
