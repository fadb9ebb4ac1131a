import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';

/** Clocks older than these instants are due (null: the rule is off). */
export interface PoolClockLimits {
  followUpBefore: Date | null;
  dealBefore: Date | null;
  warnFollowUpBefore: Date | null;
  warnDealBefore: Date | null;
}

// The pool clocks never run from before the current owner got the account.
const followUpClock = sql`GREATEST(COALESCE(a.last_follow_up_at, a.created_at), COALESCE(a.owned_since, a.created_at))`;
const dealClock = sql`GREATEST(COALESCE(a.last_deal_at, a.created_at), COALESCE(a.owned_since, a.created_at))`;

function olderThan(clock: ReturnType<typeof sql>, limit: Date | null) {
  return limit ? sql`${clock} < ${limit.toISOString()}::timestamptz` : sql`false`;
}

export interface ReturnedAccount {
  id: number;
  code: string;
  name: string;
  fromUserId: number;
  reason: 'followUp' | 'deal';
}

/** Moves every due, unlocked account to the pool and records a 'returned' pool event for each; returns them. */
export async function returnDueAccounts(db: Executor, limits: PoolClockLimits, now: Date): Promise<ReturnedAccount[]> {
  const rows = await selectRows<{
    id: string | number;
    code: string;
    name: string;
    from_user_id: string | number;
    reason: 'followUp' | 'deal';
  }>(
    db,
    sql`WITH due AS (
        SELECT a.id, a.owner_user_id,
          CASE WHEN ${olderThan(followUpClock, limits.followUpBefore)} THEN 'followUp' ELSE 'deal' END AS reason
        FROM accounts a
        WHERE a.owner_user_id IS NOT NULL AND NOT a.locked
          AND (${olderThan(followUpClock, limits.followUpBefore)} OR ${olderThan(dealClock, limits.dealBefore)})
        FOR UPDATE OF a SKIP LOCKED),
      moved AS (
        UPDATE accounts a SET owner_user_id = NULL, owned_since = NULL, pool_entered_at = ${now.toISOString()}::timestamptz,
          updated_at = now()
        FROM due WHERE a.id = due.id
        RETURNING a.id, a.code, a.name, due.owner_user_id AS from_user_id, due.reason),
      events AS (
        INSERT INTO account_pool_events (account_id, kind, from_user_id, reason, at)
        SELECT id, 'returned', from_user_id, reason, ${now.toISOString()}::timestamptz FROM moved)
      SELECT * FROM moved ORDER BY id`,
  );
  return rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name, fromUserId: Number(r.from_user_id), reason: r.reason }));
}

export interface WarnedAccount {
  id: number;
  code: string;
  name: string;
  ownerUserId: number;
}

/**
 * Accounts that will be due within the warning period and whose owner has
 * not been warned since the clocks last moved; each gets a 'warned' event.
 */
export async function warnDueAccounts(db: Executor, limits: PoolClockLimits, now: Date): Promise<WarnedAccount[]> {
  const rows = await selectRows<{ id: string | number; code: string; name: string; owner_user_id: string | number }>(
    db,
    sql`WITH due AS (
        SELECT a.id, a.code, a.name, a.owner_user_id FROM accounts a
        WHERE a.owner_user_id IS NOT NULL AND NOT a.locked
          AND (${olderThan(followUpClock, limits.warnFollowUpBefore)} OR ${olderThan(dealClock, limits.warnDealBefore)})
          AND NOT EXISTS (SELECT 1 FROM account_pool_events e
            WHERE e.account_id = a.id AND e.kind = 'warned' AND e.at >= GREATEST(${followUpClock}, ${dealClock}))),
      events AS (
        INSERT INTO account_pool_events (account_id, kind, to_user_id, at)
        SELECT id, 'warned', owner_user_id, ${now.toISOString()}::timestamptz FROM due)
      SELECT * FROM due ORDER BY id`,
  );
  return rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name, ownerUserId: Number(r.owner_user_id) }));
}
