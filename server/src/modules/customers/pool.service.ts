import { hasPermission, type Principal } from '../../platform/access/principal.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import type { LocalizedText } from '../../platform/i18n.js';
import { notify } from '../../platform/notifications/index.js';
import { cleanText } from './account.input.js';
import {
  type AccountFilter,
  type AccountPage,
  type AccountRow,
  claimIfInPool,
  countOwned,
  findAccount,
  findActiveUser,
  findPoolAccount,
  listPool,
  type PoolReach,
  serializeHoldingOf,
  updateAccountRow,
} from './account.repository.js';
import { assertAssignableOwner, lockVisibleAccount, managesUser, presentAccount } from './account.service.js';
import { type CustomerSettings, customerSettingsOf, holdingLimitFor } from './customer-settings.service.js';
import { CustomerErrors } from './customers.errors.js';
import { CustomerPermissions } from './customers.permissions.js';
import type { PoolEventKind } from './customers.schema.js';
import { accountEntity } from './history.repository.js';
import { insertPoolEvents } from './pool.repository.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

export const accountLink = (id: number) => `/customers/accounts/${id}`;

function reachOf(principal: Principal, settings: CustomerSettings): PoolReach {
  return { scope: principal.scope, homeGeographyId: principal.geographyId, national: settings.poolScope === 'national' };
}

/**
 * CUS-12 pool page: unowned accounts of the caller's market (or of the
 * geographies they cover), or of the whole country when the pool is national;
 * contact details masked.
 */
export async function searchPool(ctx: ReadContext, filter: AccountFilter, page: AccountPage) {
  const reach = reachOf(ctx.principal, await customerSettingsOf(ctx.db));
  const result = await listPool(ctx.db, reach, filter, page);
  return { ...result, items: result.items.map((item) => presentAccount(ctx.principal, item)) };
}

/** One ownership move: the account row, its pool event and its audit row in the caller's transaction. */
async function recordMove(
  tx: Executor,
  ctx: Pick<ServiceContext, 'actor'>,
  move: { kind: PoolEventKind; before: AccountRow; after: AccountRow; reason?: string | null },
): Promise<void> {
  await insertPoolEvents(tx, [
    {
      accountId: move.after.id,
      kind: move.kind,
      fromUserId: move.before.ownerUserId,
      toUserId: move.after.ownerUserId,
      reason: move.reason ?? null,
      actorUserId: ctx.actor.userId,
    },
  ]);
  const view = (row: AccountRow) => ({ ownerUserId: row.ownerUserId, locked: row.locked, poolEnteredAt: row.poolEnteredAt });
  await writeAudit(tx, ctx.actor, {
    entity: accountEntity,
    entityId: move.after.id,
    action: move.kind,
    before: view(move.before),
    after: { ...view(move.after), reason: move.reason ?? null },
  });
}

function notifyOwner(tx: Executor, userId: number, account: AccountRow, title: LocalizedText): Promise<void> {
  return notify(tx, [{ userId, kind: 'customers.ownership', title, link: accountLink(account.id) }]);
}

/** The owner acts on their own account; someone else needs customers.accounts.manage over the owner. */
function assertOwnerOrManager(principal: Principal, row: AccountRow): number {
  if (row.ownerUserId === null) throw new AppError(CustomerErrors.inPool);
  const manager = hasPermission(principal, CustomerPermissions['accounts.manage']) && managesUser(principal, row.ownerUserId);
  if (row.ownerUserId !== principal.userId && !manager) throw new AppError(CustomerErrors.notOwner);
  return row.ownerUserId;
}

/** CUS-12 manual release with a reason: the account leaves its owner and enters the pool. */
export async function releaseAccount(ctx: ServiceContext, id: number, input: { reason: string }) {
  const reason = cleanText(input.reason, 'reason');
  return ctx.db.transaction(async (tx) => {
    const before = await lockVisibleAccount(tx, ctx.principal, id);
    const ownerId = assertOwnerOrManager(ctx.principal, before);
    const after = await updateAccountRow(tx, id, { ownerUserId: null, ownedSince: null, locked: false, poolEnteredAt: new Date() });
    await recordMove(tx, ctx, { kind: 'released', before, after, reason });
    if (ownerId !== ctx.principal.userId) {
      await notifyOwner(tx, ownerId, after, {
        'zh-CN': `客户已被释放到公海：${after.code} ${after.name}（${reason}）`,
        en: `Account released to the pool: ${after.code} ${after.name} (${reason})`,
      });
    }
    return after;
  });
}

/** Someone else holds it: named when the caller may see the account, otherwise it simply is not theirs to find. */
async function notInPoolError(db: Executor, principal: Principal, id: number): Promise<AppError> {
  const account = await findAccount(db, principal.scope, id);
  if (!account?.ownerName) return new AppError(PlatformErrors.notFound);
  return new AppError(CustomerErrors.notInPool, { owner: account.ownerName });
}

/**
 * CUS-12 claim within the pool scope, up to the holding limit of the
 * claimant's ladder level (CUS-3), safe under concurrency: claims of one person run one after
 * the other (advisory lock), so the holding limit is counted with every
 * earlier claim committed; two people claiming one account race on a
 * conditional UPDATE and exactly one wins.
 */
export async function claimAccount(ctx: ServiceContext, id: number) {
  const me = ctx.principal.userId;
  return ctx.db.transaction(async (tx) => {
    const settings = await customerSettingsOf(tx);
    if (!(await findPoolAccount(tx, reachOf(ctx.principal, settings), id))) {
      throw await notInPoolError(tx, ctx.principal, id);
    }
    await serializeHoldingOf(tx, me);
    const limit = holdingLimitFor(settings, ctx.principal.ladder);
    const { held } = await countOwned(tx, me);
    if (held >= limit) throw new AppError(CustomerErrors.holdingLimit, { limit });
    const after = await claimIfInPool(tx, id, me);
    // Lost the race: the winner's claim is committed, so this statement already sees who holds it.
    if (!after) throw await notInPoolError(tx, ctx.principal, id);
    await recordMove(tx, ctx, { kind: 'claimed', before: { ...after, ownerUserId: null, locked: false }, after });
    return after;
  });
}

/** A manager gives an account (owned or from the pool) to someone of their team; both people must be theirs. */
export async function assignAccount(ctx: ServiceContext, id: number, input: { ownerUserId: number; reason?: string | null }) {
  const reason = input.reason?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const before = await lockVisibleAccount(tx, ctx.principal, id);
    if (before.ownerUserId === input.ownerUserId) throw new AppError(CustomerErrors.sameOwner, {}, { field: 'ownerUserId' });
    if (before.ownerUserId !== null && !managesUser(ctx.principal, before.ownerUserId)) {
      throw new AppError(CustomerErrors.ownerOutOfScope, { field: 'currentOwner' }, { field: 'currentOwner' });
    }
    await assertAssignableOwner(tx, ctx.principal, input.ownerUserId, 'ownerUserId');
    const after = await updateAccountRow(tx, id, {
      ownerUserId: input.ownerUserId,
      ownedSince: new Date(),
      poolEnteredAt: null,
      locked: false,
    });
    await recordMove(tx, ctx, { kind: 'assigned', before, after, reason });
    await notifyOwner(tx, input.ownerUserId, after, {
      'zh-CN': `分配给您的客户：${after.code} ${after.name}`,
      en: `Account assigned to you: ${after.code} ${after.name}`,
    });
    if (before.ownerUserId !== null && before.ownerUserId !== ctx.principal.userId) {
      await notifyOwner(tx, before.ownerUserId, after, {
        'zh-CN': `客户已转给他人负责：${after.code} ${after.name}`,
        en: `Account moved to another owner: ${after.code} ${after.name}`,
      });
    }
    return after;
  });
}

/** CUS-12: a locked account never returns to the pool on its own; each owner may keep a limited number locked. */
export async function setLocked(ctx: ServiceContext, id: number, locked: boolean) {
  return ctx.db.transaction(async (tx) => {
    const before = await lockVisibleAccount(tx, ctx.principal, id);
    const ownerId = assertOwnerOrManager(ctx.principal, before);
    if (before.locked === locked) {
      const state: LocalizedText = locked ? { 'zh-CN': '锁定', en: 'locked' } : { 'zh-CN': '未锁定', en: 'unlocked' };
      throw new AppError(CustomerErrors.alreadyLocked, { state }, { field: 'locked' });
    }
    if (locked) await assertLockSlot(tx, ownerId);
    const after = await updateAccountRow(tx, id, { locked });
    await recordMove(tx, ctx, { kind: locked ? 'locked' : 'unlocked', before, after });
    return after;
  });
}

async function assertLockSlot(tx: Tx, ownerId: number): Promise<void> {
  await serializeHoldingOf(tx, ownerId);
  const { lockedLimit } = await customerSettingsOf(tx);
  const { locked } = await countOwned(tx, ownerId);
  if (locked >= lockedLimit) {
    const owner = await findActiveUser(tx, ownerId);
    throw new AppError(CustomerErrors.lockedLimit, { owner: owner?.displayName ?? String(ownerId), limit: lockedLimit });
  }
}
