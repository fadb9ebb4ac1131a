import type { Principal } from '../../platform/access/principal.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  type AuthorityAction,
  type AuthorityCell,
  type AuthorityMode,
  authorityActions,
  findAuthorityAction,
} from './authority.actions.js';
import { findRule, insertMissingRules, listRules, upsertRule } from './authority.repository.js';
import { type LadderLevel, ladderLevels } from './org.enums.js';
import { OrgErrors } from './org.errors.js';

export type AuthorityDecisionKind = 'allowed' | 'needs-approval' | 'denied';

export interface AuthorityDecision {
  decision: AuthorityDecisionKind;
  ladder: LadderLevel | null;
  /** The cell that decided; null when no cell applies (administrators, people without a position). */
  mode: AuthorityMode | null;
  limitAmount: number | null;
}

export interface AuthorityRuleView extends AuthorityCell {
  action: string;
  ladder: LadderLevel;
  isDefault: boolean;
}

function requireAction(key: string): AuthorityAction {
  const action = findAuthorityAction(key);
  if (!action) throw new AppError(OrgErrors.unknownAuthorityAction, { action: key }, { field: 'action' });
  return action;
}

function assertAmount(amount: number | null | undefined, field: string) {
  if (amount != null && (!Number.isSafeInteger(amount) || amount < 0)) throw new AppError(OrgErrors.amountInvalid, { field }, { field });
}

function isLadderLevel(value: string | null): value is LadderLevel {
  return ladderLevels.includes(value as LadderLevel);
}

function view(action: AuthorityAction, ladder: LadderLevel, cell: AuthorityCell): AuthorityRuleView {
  const standard = action.defaults[ladder];
  const isDefault = cell.mode === standard.mode && cell.limitAmount === standard.limitAmount;
  return { action: action.key, ladder, mode: cell.mode, limitAmount: cell.limitAmount, isDefault };
}

/** A cell without a stored row answers with the catalogue default, so an install without the demo still decides. */
async function effectiveCell(db: Executor, action: AuthorityAction, ladder: LadderLevel): Promise<AuthorityCell> {
  const row = await findRule(db, action.key, ladder);
  return row ? { mode: row.mode, limitAmount: row.limitAmount } : action.defaults[ladder];
}

function decide(cell: AuthorityCell, amount: number | undefined): AuthorityDecisionKind {
  switch (cell.mode) {
    case 'allowed':
      return 'allowed';
    case 'denied':
      return 'denied';
    case 'approval':
      return 'needs-approval';
    case 'limit':
      // Without an amount nobody can tell whether the limit holds, so someone above must look.
      return amount !== undefined && cell.limitAmount !== null && amount <= cell.limitAmount ? 'allowed' : 'needs-approval';
  }
}

/**
 * ORG-5: may this person take this decision, for this amount (fen, or basis
 * points for discounts)? Beyond their authority the answer is needs-approval,
 * which the caller turns into an approval request instead of a failure.
 */
export async function can(
  db: Executor,
  principal: Pick<Principal, 'isAdmin' | 'ladder'>,
  actionKey: string,
  amount?: number,
): Promise<AuthorityDecision> {
  const action = requireAction(actionKey);
  assertAmount(amount, 'amount');
  const ladder = isLadderLevel(principal.ladder) ? principal.ladder : null;
  if (principal.isAdmin) return { decision: 'allowed', ladder, mode: null, limitAmount: null };
  if (!ladder) return { decision: 'denied', ladder, mode: null, limitAmount: null };
  const cell = await effectiveCell(db, action, ladder);
  return { decision: decide(cell, amount), ladder, mode: cell.mode, limitAmount: cell.limitAmount };
}

/** The whole matrix, action × ladder level, with the catalogue filling cells that have no row. */
export async function getAuthorityMatrix(db: Executor) {
  const rows = new Map((await listRules(db)).map((row) => [`${row.action}:${row.ladder}`, row]));
  const rules = authorityActions.flatMap((action) =>
    ladderLevels.map((ladder) => view(action, ladder, rows.get(`${action.key}:${ladder}`) ?? action.defaults[ladder])),
  );
  const actions = authorityActions.map((a) => ({ key: a.key, 'zh-CN': a['zh-CN'], en: a.en, unit: a.unit }));
  return { actions, rules };
}

export async function setAuthorityRule(
  ctx: ServiceContext,
  actionKey: string,
  ladder: LadderLevel,
  input: { mode: AuthorityMode; limitAmount?: number | null },
): Promise<AuthorityRuleView> {
  const action = requireAction(actionKey);
  let limitAmount: number | null = null;
  if (input.mode === 'limit') {
    if (action.unit === 'none') throw new AppError(OrgErrors.authorityLimitWithoutAmount, { action: action.key }, { field: 'mode' });
    if (input.limitAmount == null) throw new AppError(OrgErrors.authorityLimitRequired, {}, { field: 'limitAmount' });
    assertAmount(input.limitAmount, 'limitAmount');
    limitAmount = input.limitAmount;
  }
  return ctx.db.transaction(async (tx) => {
    const before = view(action, ladder, await effectiveCell(tx, action, ladder));
    const stored = await upsertRule(tx, { action: action.key, ladder, mode: input.mode, limitAmount });
    const after = view(action, ladder, stored);
    await writeAudit(tx, ctx.actor, { entity: 'authority_rule', entityId: `${action.key}:${ladder}`, action: 'update', before, after });
    return after;
  });
}

/** Stores the catalogue defaults for every cell that has no row yet (demo seed, first start); edited cells are kept. */
export async function ensureAuthorityDefaults(db: Executor): Promise<void> {
  await insertMissingRules(
    db,
    authorityActions.flatMap((action) => ladderLevels.map((ladder) => ({ action: action.key, ladder, ...action.defaults[ladder] }))),
  );
}
