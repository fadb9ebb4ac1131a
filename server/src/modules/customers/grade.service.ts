import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AccountGrade } from './account.enums.js';
import { cleanText } from './account.input.js';
import { updateAccountRow } from './account.repository.js';
import { lockVisibleAccount, requireVisibleAccount } from './account.service.js';
import { CustomerErrors } from './customers.errors.js';
import { insertGradeReview, listGradeReviews } from './grade.repository.js';
import { accountEntity } from './history.repository.js';

/** CUS-3 periodic re-grading: the grade changes only with a recorded review and its reason. */
export async function regradeAccount(ctx: ServiceContext, accountId: number, input: { grade: AccountGrade; reason: string }) {
  const reason = cleanText(input.reason, 'reason');
  return ctx.db.transaction(async (tx) => {
    const before = await lockVisibleAccount(tx, ctx.principal, accountId);
    if (before.grade === input.grade) throw new AppError(CustomerErrors.sameGrade, { grade: input.grade }, { field: 'grade' });
    const review = await insertGradeReview(tx, {
      accountId,
      fromGrade: before.grade,
      toGrade: input.grade,
      reason,
      reviewedBy: ctx.principal.userId,
    });
    const after = await updateAccountRow(tx, accountId, { grade: input.grade });
    await writeAudit(tx, ctx.actor, {
      entity: accountEntity,
      entityId: accountId,
      action: 'grade',
      before: { grade: before.grade },
      after: { grade: after.grade, reason, reviewId: review.id },
    });
    return { ...review, reviewerName: ctx.principal.displayName };
  });
}

export async function gradeReviews(ctx: ServiceContext, accountId: number, limit: number) {
  await requireVisibleAccount(ctx, accountId);
  return listGradeReviews(ctx.db, accountId, limit);
}
