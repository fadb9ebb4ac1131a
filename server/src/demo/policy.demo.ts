import { sql } from 'drizzle-orm';
import { policies, policyTargets, policyVersions, targetedUsers } from '../modules/org/index.js';
import type { Tx } from '../platform/db/database.js';

interface VersionSpec {
  version: string;
  status: 'published' | 'superseded' | 'draft';
  changeSummary: string;
  drafted: string;
  reviewed?: string;
  approved?: string;
  publishedAt?: string;
  effectiveDate?: string;
  body: string;
}

interface PolicySpec {
  code: string;
  title: string;
  category: string;
  owner: string;
  status: 'published' | 'draft';
  departments: string[];
  versions: VersionSpec[];
}

const handbookV1 = `# 营销中心管理手册

## 第一章 总则
本手册规定营销中心的组织架构、岗位职责与日常工作规范，适用于营销中心全体员工。

## 第二章 组织架构
营销中心下设销售部、市场部、渠道部、客服部、财务部与储运部，各部门负责人对总经理负责。

## 第三章 工作纪律
员工应按时出勤，按规定填写工作日志，不得泄露客户资料与价格政策。`;

const handbookV2 = `# 营销中心管理手册（2026 年版）

## 第一章 总则
本手册是营销中心各项制度的总纲，规定组织架构、岗位职责、分层授权与工作纪律。各专项制度与本手册不一致的，以本手册为准。

## 第二章 组织架构
营销中心由总经理、销售总监、销售副总监组成领导小组。销售部按东北、华北、西北、华中、山东、华东、华南、西南八大市场设大区，大区下设区域与片区。销售支持组负责订单录入、客户回访与销售数据整理。

## 第三章 分层授权
总监决定销售政策、激励方案与重大客户项目；经理调整销售代表的客户分配、审批团队销售费用；销售代表在授权金额与折扣范围内签订合同。超出权限的事项一律走审批流程，不得先办后批。

## 第四章 工作纪律
1. 每日填写销售日志，每周参加团队例会。
2. 客户资料、价格政策与渠道政策属于公司机密，不得外传。
3. 严禁跨区域销售（窜货）与私下让利。`;

const visitRules = `# 销售人员拜访管理制度

## 一、目的
规范销售人员的客户拜访工作，保证重点客户得到持续维护，提升拜访质量与订单转化。

## 二、拜访频次
- A 类客户：每周至少拜访一次；
- B 类客户：每两周至少拜访一次；
- C 类客户：每月至少拜访一次。

区域经理可根据季节和促销安排适当调整，但须报市场经理备案。

## 三、拜访流程
拜访前准备客户资料与本次目标；到店后检查陈列、库存与价格，收集订单与回款；离店后当日在系统中填写拜访记录，上传门头与陈列照片。

## 四、检查与考核
区域经理每周抽查拜访记录，销售支持组每周电话回访部分客户。拜访达成率计入月度绩效考核。`;

const channelRules = `# 渠道合作管理办法

## 一、适用范围
本办法适用于公司与经销商、代理商、直营门店及重点客户之间的合作管理。

## 二、合作伙伴的选择
新合作伙伴须具备合法经营资质、稳定的资金与配送能力，并在所在区域有一定的终端网络。由区域经理提出，渠道部审核，销售总监批准。

## 三、区域与价格
合作伙伴只能在协议约定的区域内销售，并执行公司统一的价格体系。发现跨区域销售或低价倾销的，按协议扣减返利，情节严重的解除合作。

## 四、年度评估
渠道部每年从销量达成、回款及时性、市场秩序与终端服务四个方面对合作伙伴评分，评估结果决定次年的返利比例与续约。`;

const expenseRules = `# 销售费用报销制度

## 一、费用范围
销售费用包括差旅费、业务招待费、市场推广费与样品费。各项费用须与销售活动直接相关。

## 二、标准与审批
差旅住宿按所在城市级别执行标准；业务招待须事前申请。单笔 5,000 元以内由区域经理审批，5,000 元至 20,000 元由市场经理审批，超过 20,000 元报销售总监审批。

## 三、报销时限
费用发生后 30 日内提交报销，附合规发票与活动说明；逾期未报的，原则上不予报销。

## 四、监督检查
财务部每月抽查报销单据，发现虚报、冒领的，追回款项并按公司奖惩制度处理。`;

const promotionDraft = `# 促销活动管理规定（征求意见稿）

## 一、活动申请
促销活动由市场部统一策划，区域可提出申请，写明活动目的、时间、门店、费用预算与预期销量。

## 二、执行与核销
活动期间销售代表每日上报执行照片与销量；活动结束后 15 日内凭照片、销量与发票核销费用。`;

const plan: PolicySpec[] = [
  {
    code: 'MKT-001',
    title: '营销中心管理手册',
    category: '管理手册',
    owner: '营销中心',
    status: 'published',
    departments: ['营销中心'],
    versions: [
      {
        version: 'V1.0',
        status: 'superseded',
        changeSummary: '首次发布',
        drafted: 'director',
        reviewed: 'deputy',
        approved: 'gm',
        publishedAt: '2025-01-06T09:00:00+08:00',
        effectiveDate: '2025-01-15',
        body: handbookV1,
      },
      {
        version: 'V2.0',
        status: 'published',
        changeSummary: '按八大市场调整组织架构，新增销售支持组职责与分层授权一章',
        drafted: 'director',
        reviewed: 'deputy',
        approved: 'gm',
        publishedAt: '2025-12-20T09:00:00+08:00',
        effectiveDate: '2026-01-01',
        body: handbookV2,
      },
    ],
  },
  {
    code: 'SAL-001',
    title: '销售人员拜访管理制度',
    category: '销售制度',
    owner: '销售部',
    status: 'published',
    departments: ['销售部'],
    versions: [
      {
        version: 'V1.0',
        status: 'published',
        changeSummary: '首次发布',
        drafted: 'deputy',
        reviewed: 'director',
        approved: 'gm',
        publishedAt: '2026-01-05T10:00:00+08:00',
        effectiveDate: '2026-01-12',
        body: visitRules,
      },
    ],
  },
  {
    code: 'CHN-001',
    title: '渠道合作管理办法',
    category: '渠道制度',
    owner: '渠道部',
    status: 'published',
    departments: ['渠道部', '销售部'],
    versions: [
      {
        version: 'V1.0',
        status: 'published',
        changeSummary: '首次发布',
        drafted: 'channel',
        reviewed: 'director',
        approved: 'gm',
        publishedAt: '2025-11-10T10:00:00+08:00',
        effectiveDate: '2025-12-01',
        body: channelRules,
      },
    ],
  },
  {
    code: 'FIN-001',
    title: '销售费用报销制度',
    category: '财务制度',
    owner: '财务部',
    status: 'published',
    departments: ['营销中心'],
    versions: [
      {
        version: 'V1.0',
        status: 'published',
        changeSummary: '首次发布',
        drafted: 'finance',
        reviewed: 'director',
        approved: 'gm',
        publishedAt: '2025-10-08T10:00:00+08:00',
        effectiveDate: '2025-10-15',
        body: expenseRules,
      },
    ],
  },
  {
    code: 'MKT-002',
    title: '促销活动管理规定',
    category: '市场制度',
    owner: '市场部',
    status: 'draft',
    departments: ['市场部', '销售部'],
    versions: [{ version: 'V0.1', status: 'draft', changeSummary: '征求意见稿', drafted: 'marketing', body: promotionDraft }],
  },
];

/** Whose acknowledgement of the visit rules is left out, so their home page shows something to read. */
const stillToReadVisitRules = ['rep-huadong-1', 'am-huadong-1', 'director'];

/** Fixed times, so the demo reads the same on every machine; a draft dates from the demo's last working day. */
const createdAtOf = (version: VersionSpec | undefined) => new Date(version?.publishedAt ?? '2026-01-20T09:00:00+08:00');

function must(map: Map<string, number>, key: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`policy demo refers to unknown ${key}`);
  return id;
}

/**
 * ORG-7 demo: the policy library with its revision log, and about half of each
 * audience (users with an even id, a stable rule) having acknowledged.
 */
export async function seedPolicyDemo(tx: Tx, org: { userIds: Map<string, number>; departmentIds: Map<string, number> }) {
  const policyRows = await tx
    .insert(policies)
    .values(
      plan.map((p) => ({
        code: p.code,
        title: p.title,
        category: p.category,
        ownerDepartmentId: must(org.departmentIds, p.owner),
        status: p.status,
        createdAt: createdAtOf(p.versions[0]),
        updatedAt: createdAtOf(p.versions.at(-1)),
      })),
    )
    .returning({ id: policies.id, code: policies.code });
  const policyIds = new Map(policyRows.map((row) => [row.code, row.id]));
  const user = (key: string | undefined) => (key ? must(org.userIds, key) : null);

  await tx.insert(policyVersions).values(
    plan.flatMap((p) =>
      p.versions.map((v) => ({
        policyId: must(policyIds, p.code),
        version: v.version,
        body: v.body,
        changeSummary: v.changeSummary,
        status: v.status,
        draftedBy: user(v.drafted),
        reviewedBy: user(v.reviewed),
        approvedBy: user(v.approved),
        publishedAt: v.publishedAt ? new Date(v.publishedAt) : null,
        effectiveDate: v.effectiveDate ?? null,
        createdAt: createdAtOf(v),
      })),
    ),
  );
  await tx
    .insert(policyTargets)
    .values(
      plan.flatMap((p) => p.departments.map((d) => ({ policyId: must(policyIds, p.code), departmentId: must(org.departmentIds, d) }))),
    );
  await tx.execute(sql`UPDATE policies p SET current_version_id = v.id
    FROM policy_versions v WHERE v.policy_id = p.id AND v.status = 'published'`);

  const visitRulesId = must(policyIds, 'SAL-001');
  const holdouts = sql.join(
    stillToReadVisitRules.map((key) => sql`${must(org.userIds, key)}`),
    sql`, `,
  );
  await tx.execute(sql`INSERT INTO policy_acknowledgements (version_id, user_id, at)
    SELECT p.current_version_id, tu.user_id, v.published_at + (tu.user_id % 5 + 1) * interval '1 day'
    FROM ${targetedUsers()} tu
    JOIN policies p ON p.id = tu.policy_id
    JOIN policy_versions v ON v.id = p.current_version_id
    WHERE p.status = 'published' AND tu.user_id % 2 = 0
      AND NOT (p.id = ${visitRulesId} AND tu.user_id IN (${holdouts}))`);
}
