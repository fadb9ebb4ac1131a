import { and, eq, inArray, sql } from 'drizzle-orm';
import { approve, reject, returnForChanges, withdraw } from '../modules/approvals/index.js';
import { createPrincipalLoader, positionPermissions, users } from '../modules/org/index.js';
import {
  type ExpenseCategory,
  type ExpenseClaimStatus,
  ExpensePermissions,
  expenseClaims,
  sendToApproval,
} from '../modules/targets/index.js';
import type { Principal } from '../platform/access/principal.js';
import type { Tx } from '../platform/db/database.js';
import { selectRows } from '../platform/db/raw.js';
import { dispatchPendingEvents } from '../platform/events/index.js';
import { type Random, seededRandom } from './random.js';

interface OrgIds {
  userIds: Map<string, number>;
  positionIds: Map<string, number>;
}

/** Sales positions (director to rep) and the sales support lead file and read claims. */
const filingPositions = /^(director|deputy|ssg|mm-|am-|rep-)/;

/**
 * The people the tests and the approvals demo walk through (华东一区, 华北一区)
 * file nothing here, so their inboxes and lists start empty and predictable.
 */
const quietUsers = new Set(['rep-huadong-1', 'rep-huadong-2', 'am-huadong-1', 'rep-huabei-1', 'am-huabei-1']);

/** How many claims end in each state: about 40 in all. */
const stateMix: [ExpenseClaimStatus, number][] = [
  ['draft', 5],
  ['submitted', 9],
  ['approved', 6],
  ['paid', 12],
  ['rejected', 3],
  ['returned', 3],
  ['withdrawn', 2],
];

const cities = [
  '沈阳',
  '哈尔滨',
  '石家庄',
  '太原',
  '西安',
  '兰州',
  '郑州',
  '武汉',
  '长沙',
  '济南',
  '青岛',
  '杭州',
  '合肥',
  '福州',
  '广州',
  '南宁',
  '成都',
  '昆明',
];
const stores = ['华润万家', '永辉超市', '大润发', '物美', '步步高', '家家悦', '红旗连锁', '中百仓储'];

// Amounts mostly within a manager's CNY 5,000; promotions sometimes need the director level too.
const categories: Record<ExpenseCategory, { yuan: [number, number]; text: (r: Random) => string }> = {
  travel: { yuan: [300, 3200], text: (r) => `赴${r.pick(cities)}拜访经销商：高铁及两晚住宿` },
  entertainment: { yuan: [400, 4500], text: (r) => `招待${r.pick(stores)}采购负责人，洽谈季度订货` },
  samples: { yuan: [150, 2000], text: (r) => `向${r.pick(stores)}${r.pick(cities)}门店寄送新品样品` },
  promotion: { yuan: [1500, 12_000], text: (r) => `${r.pick(cities)}${r.pick(stores)}周末促销：堆头与导购费用` },
  other: { yuan: [60, 900], text: () => '客户资料印刷与快递费' },
};

const reasons = { rejected: '与本月促销计划不符，不予报销', returned: '请补充发票照片与客户名称' };

/** The approvers as the engine knows them, loaded once each: it lets only a real current approver act. */
function principals(tx: Tx) {
  const load = createPrincipalLoader(tx);
  const cache = new Map<number, Principal>();
  return async (userId: number) => {
    let principal = cache.get(userId);
    if (!principal) {
      const loaded = await load(userId);
      if (!loaded) throw new Error(`demo user ${userId} is not active`);
      principal = { ...loaded, via: { kind: 'token', tokenId: 0 } };
      cache.set(userId, principal);
    }
    return { db: tx, principal, actor: { userId } };
  };
}

async function currentApprover(tx: Tx, approvalId: number): Promise<number | null> {
  const [row] = await selectRows<{ approver_id: string | number }>(
    tx,
    sql`SELECT approver_id FROM approval_tasks WHERE approval_id = ${approvalId} AND status = 'pending' ORDER BY id LIMIT 1`,
  );
  return row ? Number(row.approver_id) : null;
}

function plan(claimants: { id: number; geographyId: number | null }[], today: Date) {
  const random = seededRandom(20261101);
  const states = stateMix.flatMap(([status, n]) => Array.from({ length: n }, () => status));
  const keys = Object.keys(categories) as ExpenseCategory[];
  return states.map((status, index) => {
    const claimant = claimants[(index * 7) % claimants.length] as (typeof claimants)[number];
    const category = random.pick(keys);
    const [low, high] = categories[category].yuan;
    return {
      status,
      claimantId: claimant.id,
      geographyId: claimant.geographyId,
      claimDate: new Date(today.getTime() - random.int(2, 75) * 86_400_000).toISOString().slice(0, 10),
      category,
      amount: random.int(low, high) * 100 + random.pick([0, 0, 50]),
      description: categories[category].text(random),
    };
  });
}

/**
 * PLN-5 demo: expense permissions for sales, support and finance, then about
 * 40 claims across the markets in every state. Claims past draft go through
 * the approval engine and the outbox as in production, so claims, approvals
 * and timelines agree; only the payments are written directly.
 */
export async function seedExpenseDemo(tx: Tx, org: OrgIds): Promise<void> {
  const filing = [ExpensePermissions['expenses.file'], ExpensePermissions['expenses.read']];
  const finance = org.positionIds.get('finance');
  const financeUser = org.userIds.get('finance');
  if (finance === undefined || financeUser === undefined) throw new Error('expense demo needs finance');
  await tx
    .insert(positionPermissions)
    .values([
      ...[...org.positionIds]
        .filter(([key]) => filingPositions.test(key))
        .flatMap(([, positionId]) => filing.map((permission) => ({ positionId, permission }))),
      { positionId: finance, permission: ExpensePermissions['expenses.read'] },
      { positionId: finance, permission: ExpensePermissions['expenses.pay'] },
    ]);

  const claimantIds = [...org.userIds]
    .filter(([name]) => /^(rep|am)-/.test(name) && !quietUsers.has(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, id]) => id);
  const people = await tx
    .select({ id: users.id, geographyId: users.geographyId, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, claimantIds));
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  const specs = plan(
    claimantIds.map((id) => people.find((p) => p.id === id) as (typeof people)[number]),
    new Date(),
  );
  const claims = await tx
    .insert(expenseClaims)
    .values(specs.map(({ status: _status, ...row }) => row))
    .returning();

  const as = principals(tx);
  for (const [index, draft] of claims.entries()) {
    const status = specs[index]?.status ?? 'draft';
    if (status === 'draft') continue;
    const actor = { userId: draft.claimantId };
    const { approvalId } = await sendToApproval(tx, actor, draft, names.get(draft.claimantId) ?? '');
    if (approvalId === null) continue;
    if (status === 'approved' || status === 'paid') {
      for (let next = await currentApprover(tx, approvalId); next !== null; next = await currentApprover(tx, approvalId)) {
        await approve(await as(next), approvalId, {});
      }
    } else if (status === 'rejected' || status === 'returned') {
      const decide = status === 'rejected' ? reject : returnForChanges;
      await decide(await as((await currentApprover(tx, approvalId)) as number), approvalId, { reason: reasons[status] });
    } else if (status === 'withdrawn') {
      await withdraw(await as(draft.claimantId), approvalId, {});
    }
  }
  // The outcomes reach the claims the way they do in production: through the outbox.
  await dispatchPendingEvents(tx);

  const paid = claims.filter((_, index) => specs[index]?.status === 'paid').map((c) => c.id);
  await tx
    .update(expenseClaims)
    .set({
      status: 'paid',
      paidAt: sql`${expenseClaims.decidedAt} + interval '2 days'`,
      paidBy: financeUser,
      paymentReference: sql`'DEMO-PAY-' || lpad(${expenseClaims.id}::text, 4, '0')`,
    })
    .where(and(inArray(expenseClaims.id, paid), eq(expenseClaims.status, 'approved')));
}
