import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { AuthorityMode } from './authority.actions.js';
import type { LadderLevel } from './org.enums.js';
import { authorityRules } from './org.schema.js';

export interface AuthorityRuleRow {
  action: string;
  ladder: LadderLevel;
  mode: AuthorityMode;
  limitAmount: number | null;
}

const ruleView = {
  action: authorityRules.action,
  ladder: authorityRules.ladder,
  mode: authorityRules.mode,
  limitAmount: authorityRules.limitAmount,
};

export function listRules(db: Executor): Promise<AuthorityRuleRow[]> {
  return db.select(ruleView).from(authorityRules);
}

export async function findRule(db: Executor, action: string, ladder: LadderLevel): Promise<AuthorityRuleRow | null> {
  const [row] = await db
    .select(ruleView)
    .from(authorityRules)
    .where(and(eq(authorityRules.action, action), eq(authorityRules.ladder, ladder)));
  return row ?? null;
}

export async function upsertRule(db: Executor, rule: AuthorityRuleRow): Promise<AuthorityRuleRow> {
  const [row] = await db
    .insert(authorityRules)
    .values(rule)
    .onConflictDoUpdate({
      target: [authorityRules.action, authorityRules.ladder],
      set: { mode: rule.mode, limitAmount: rule.limitAmount, updatedAt: sql`now()` },
    })
    .returning(ruleView);
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/** Adds the given cells where none exist yet; edited cells stay as they are. */
export async function insertMissingRules(db: Executor, rules: AuthorityRuleRow[]): Promise<void> {
  await db.insert(authorityRules).values(rules).onConflictDoNothing();
}
