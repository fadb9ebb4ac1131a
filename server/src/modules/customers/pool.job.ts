import { writeAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { registerJob } from '../../platform/jobs/index.js';
import { notify } from '../../platform/notifications/index.js';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../../platform/time.js';
import { type CustomerSettings, customerSettingsOf } from './customer-settings.service.js';
import { accountEntity } from './history.repository.js';
import { accountLink } from './pool.service.js';
import { type PoolClockLimits, returnDueAccounts, warnDueAccounts } from './pool-job.repository.js';

/**
 * The instants the pool rules compare clocks with, counted in China calendar
 * days: an account last followed up on day D returns on day D + poolDays
 * (whatever the hour), and its owner hears of it warnDays before. A rule set
 * to 0 days is off.
 */
export function poolLimits(settings: CustomerSettings, now: Date): PoolClockLimits {
  const today = shanghaiDate(now);
  // A clock on day D is due on D + n: due when D ≤ today − n, i.e. the clock is before the start of day today − n + 1.
  const before = (days: number) => (days > 0 ? startOfShanghaiDay(addDays(today, 1 - days)) : null);
  return {
    followUpBefore: before(settings.poolDays),
    dealBefore: before(settings.dealDays),
    warnFollowUpBefore: before(settings.poolDays - settings.warnDays),
    warnDealBefore: settings.dealDays > 0 ? before(settings.dealDays - settings.warnDays) : null,
  };
}

/** CUS-12 daily job: warns owners warnDays ahead, then returns unfollowed, unlocked accounts to the pool. */
export async function runPoolReturn(db: Db, now = new Date()): Promise<{ returned: number; warned: number }> {
  const settings = await customerSettingsOf(db);
  const limits = poolLimits(settings, now);
  return db.transaction(async (tx) => {
    const returned = await returnDueAccounts(tx, limits, now);
    for (const account of returned) {
      await writeAudit(
        tx,
        { userId: null },
        {
          entity: accountEntity,
          entityId: account.id,
          action: 'returned',
          before: { ownerUserId: account.fromUserId },
          after: { ownerUserId: null, poolEnteredAt: now, reason: account.reason },
        },
      );
    }
    await notify(
      tx,
      returned.map((a) => ({
        userId: a.fromUserId,
        kind: 'customers.pool-returned',
        title: { 'zh-CN': `客户已回收到公海：${a.code} ${a.name}`, en: `Account returned to the pool: ${a.code} ${a.name}` },
        link: accountLink(a.id),
      })),
    );
    const warned = await warnDueAccounts(tx, limits, now);
    await notify(
      tx,
      warned.map((a) => ({
        userId: a.ownerUserId,
        kind: 'customers.pool-warning',
        title: {
          'zh-CN': `客户将于 ${settings.warnDays} 天内回收到公海，请及时跟进：${a.code} ${a.name}`,
          en: `Account returns to the pool within ${settings.warnDays} days unless followed up: ${a.code} ${a.name}`,
        },
        link: accountLink(a.id),
      })),
    );
    return { returned: returned.length, warned: warned.length };
  });
}

registerJob({ name: 'customers.pool-return', everyMs: 24 * 3_600_000, run: (db) => runPoolReturn(db).then(() => undefined) });
