import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { users } from '../org/index.js';
import { accountGradeReviews } from './customers.schema.js';

export type NewGradeReview = typeof accountGradeReviews.$inferInsert;

export function listGradeReviews(db: Executor, accountId: number, limit: number) {
  return db
    .select({
      id: accountGradeReviews.id,
      fromGrade: accountGradeReviews.fromGrade,
      toGrade: accountGradeReviews.toGrade,
      reason: accountGradeReviews.reason,
      reviewedBy: accountGradeReviews.reviewedBy,
      reviewerName: users.displayName,
      reviewedAt: accountGradeReviews.reviewedAt,
    })
    .from(accountGradeReviews)
    .leftJoin(users, eq(users.id, accountGradeReviews.reviewedBy))
    .where(eq(accountGradeReviews.accountId, accountId))
    .orderBy(desc(accountGradeReviews.reviewedAt), desc(accountGradeReviews.id))
    .limit(limit);
}

export async function insertGradeReview(db: Executor, values: NewGradeReview) {
  const [row] = await db.insert(accountGradeReviews).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
