import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import type { CreditRating } from './account.enums.js';
import { findCreditTerms, updateAccountRow } from './account.repository.js';
import { lockVisibleAccount, presentedById } from './account.service.js';
import { accountEntity } from './history.repository.js';

export interface CreditTerms {
  /** Fen; null: cash only, no credit. */
  limitFen: number | null;
  rating: CreditRating | null;
}

/**
 * CUS-8: the credit line orders check against, as it stands in the caller's
 * transaction. An account that does not exist answers 404.
 */
export async function accountCreditLimit(db: Executor, accountId: number): Promise<CreditTerms> {
  const terms = await findCreditTerms(db, accountId);
  if (!terms) throw new AppError(PlatformErrors.notFound);
  return terms;
}

export interface CreditChange {
  creditLimitFen: number | null;
  creditRating: CreditRating | null;
  reason?: string | null;
}

/** CUS-8: finance sets an account's credit line and rating; each change is a row of the account's history. */
export async function setAccountCredit(ctx: ServiceContext, accountId: number, input: CreditChange) {
  const reason = input.reason?.trim() || null;
  await ctx.db.transaction(async (tx) => {
    const before = await lockVisibleAccount(tx, ctx.principal, accountId);
    if (before.creditLimitFen === input.creditLimitFen && before.creditRating === input.creditRating) return;
    const after = await updateAccountRow(tx, accountId, { creditLimitFen: input.creditLimitFen, creditRating: input.creditRating });
    await writeAudit(tx, ctx.actor, {
      entity: accountEntity,
      entityId: accountId,
      action: 'credit',
      before: { creditLimitFen: before.creditLimitFen, creditRating: before.creditRating },
      after: { creditLimitFen: after.creditLimitFen, creditRating: after.creditRating, reason },
    });
  });
  return presentedById(ctx, accountId);
}
