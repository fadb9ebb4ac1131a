import { and, arrayContains, asc, count, desc, eq, ilike, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { paddedNextval } from '../../platform/db/numbering.js';
import { geographies, users } from '../org/index.js';
import type { AccountGrade, AccountKind, AccountStatus } from './account.enums.js';
import { accounts } from './account.schema.js';
import { accountAddresses } from './customers.schema.js';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

/** The columns ORG-4 filters accounts on: the owner rep and the account's geography. */
export const accountScopeColumns = { owner: accounts.ownerUserId, geography: accounts.geographyId };

/** KH000001 …: the next account code, as an SQL expression so that multi-row inserts number their rows too. */
export const nextAccountCode = () => sql<string>`'KH' || ${paddedNextval('account_code_seq')}`;

/** CUS-9: an address not checked for this many days is due for its monthly check. */
export const addressVerifyDays = 35;

export const accountView = {
  id: accounts.id,
  code: accounts.code,
  name: accounts.name,
  kind: accounts.kind,
  partyType: accounts.partyType,
  creditCode: accounts.creditCode,
  mobile: accounts.mobile,
  grade: accounts.grade,
  status: accounts.status,
  ownerUserId: accounts.ownerUserId,
  ownerName: users.displayName,
  geographyId: accounts.geographyId,
  geographyName: geographies.name,
  province: accounts.province,
  city: accounts.city,
  address: accounts.address,
  source: accounts.source,
  tags: accounts.tags,
  locked: accounts.locked,
  creditLimitFen: accounts.creditLimitFen,
  creditRating: accounts.creditRating,
  lastFollowUpAt: accounts.lastFollowUpAt,
  lastDealAt: accounts.lastDealAt,
  poolEnteredAt: accounts.poolEnteredAt,
  ownedSince: accounts.ownedSince,
  createdAt: accounts.createdAt,
  updatedAt: accounts.updatedAt,
};

function selectAccounts(db: Executor) {
  return db
    .select(accountView)
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerUserId))
    .leftJoin(geographies, eq(geographies.id, accounts.geographyId));
}

export type AccountView = Awaited<ReturnType<typeof selectAccounts>>[number];

export interface AccountFilter {
  q?: string;
  kind?: AccountKind;
  grade?: AccountGrade;
  status?: AccountStatus;
  geographyId?: number;
  ownerUserId?: number;
  tag?: string;
  inPool?: boolean;
  locked?: boolean;
  /** CUS-9: only accounts with an address not verified within the last 35 days. */
  addressesDue?: boolean;
}

export const accountSortColumns = {
  code: accounts.code,
  name: accounts.name,
  grade: accounts.grade,
  createdAt: accounts.createdAt,
  updatedAt: accounts.updatedAt,
  lastFollowUpAt: accounts.lastFollowUpAt,
  poolEnteredAt: accounts.poolEnteredAt,
} as const;
export type AccountSort = keyof typeof accountSortColumns;

export interface AccountPage {
  limit: number;
  offset: number;
  sort: AccountSort;
  order: 'asc' | 'desc';
}

/** The geography and everything below it, as a subquery for IN. */
export function geographySubtree(rootId: number): SQL {
  return sql`(WITH RECURSIVE sub AS (
      SELECT id FROM ${geographies} WHERE id = ${rootId}
      UNION SELECT g.id FROM ${geographies} g JOIN sub ON g.parent_id = sub.id)
    SELECT id FROM sub)`;
}

/** The market a geography lies in, with everything below it: the pool a person of that geography works from (CUS-12). */
export function marketSubtreeOf(geographyId: number): SQL {
  return sql`(WITH RECURSIVE up AS (
      SELECT id, parent_id, kind FROM ${geographies} WHERE id = ${geographyId}
      UNION ALL SELECT g.id, g.parent_id, g.kind FROM ${geographies} g JOIN up ON g.id = up.parent_id),
    down AS (
      SELECT id FROM up WHERE kind = 'market'
      UNION SELECT g.id FROM ${geographies} g JOIN down ON g.parent_id = down.id)
    SELECT id FROM down)`;
}

function addressesDueCondition(): SQL {
  return sql`EXISTS (SELECT 1 FROM ${accountAddresses} a WHERE a.account_id = ${accounts.id}
    AND (a.verified_at IS NULL OR a.verified_at < now() - make_interval(days => ${addressVerifyDays})))`;
}

function filterConditions(filter: AccountFilter): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(or(ilike(accounts.name, pattern), ilike(accounts.code, pattern), ilike(accounts.mobile, pattern)));
  }
  if (filter.kind) conditions.push(eq(accounts.kind, filter.kind));
  if (filter.grade) conditions.push(eq(accounts.grade, filter.grade));
  if (filter.status) conditions.push(eq(accounts.status, filter.status));
  if (filter.geographyId) conditions.push(sql`${accounts.geographyId} IN ${geographySubtree(filter.geographyId)}`);
  if (filter.ownerUserId) conditions.push(eq(accounts.ownerUserId, filter.ownerUserId));
  if (filter.tag) conditions.push(arrayContains(accounts.tags, [filter.tag]));
  if (filter.inPool !== undefined) conditions.push(filter.inPool ? isNull(accounts.ownerUserId) : isNotNull(accounts.ownerUserId));
  if (filter.locked !== undefined) conditions.push(eq(accounts.locked, filter.locked));
  if (filter.addressesDue) conditions.push(addressesDueCondition());
  return conditions;
}

async function countAccounts(db: Executor, where: SQL | undefined): Promise<number> {
  const [total] = await db.select({ n: count() }).from(accounts).where(where);
  return total?.n ?? 0;
}

async function pageOfAccounts(db: Executor, where: SQL | undefined, page: AccountPage) {
  const direction = page.order === 'desc' ? desc : asc;
  const sortColumn = accountSortColumns[page.sort];
  // The total rides along with the page as a subquery run once, so a list costs one round trip; each part keeps
  // its own plan (the page walks the sort index, the count combines the filter indexes).
  const total = sql<number>`(SELECT count(*) FROM ${accounts} WHERE ${where ?? sql`true`})`.mapWith(Number);
  const rows = await db
    .select({ ...accountView, total })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerUserId))
    .leftJoin(geographies, eq(geographies.id, accounts.geographyId))
    .where(where)
    .orderBy(sql`${direction(sortColumn)} NULLS LAST`, direction(accounts.id))
    .limit(page.limit)
    .offset(page.offset);
  const items: AccountView[] = rows.map(({ total: _total, ...item }) => item);
  // A page past the end carries no row to read the total from.
  return { items, total: rows[0]?.total ?? (page.offset > 0 ? await countAccounts(db, where) : 0) };
}

/** The account list within a data scope (ORG-4), filtered and sorted in SQL, with the total of all pages. */
export function listAccounts(db: Executor, scope: DataScope, filter: AccountFilter, page: AccountPage) {
  return pageOfAccounts(db, and(scopeCondition(scope, accountScopeColumns), ...filterConditions(filter)), page);
}

/** Where a person may take pool accounts from (CUS-12): their data scope, their home geography and the company's pool scope. */
export interface PoolReach {
  scope: DataScope;
  homeGeographyId: number | null;
  national: boolean;
}

/** CUS-12: the pool one may claim from: everything for a reader of all or a national pool, else one's geographies and market. */
export function poolCondition(reach: PoolReach): SQL | undefined {
  if (reach.scope.all || reach.national) return isNull(accounts.ownerUserId);
  const places: SQL[] = [];
  const { geographyIds } = reach.scope;
  if (geographyIds.length > 0) places.push(sql`${accounts.geographyId} = ANY(${`{${geographyIds.join(',')}}`}::bigint[])`);
  if (reach.homeGeographyId !== null) places.push(sql`${accounts.geographyId} IN ${marketSubtreeOf(reach.homeGeographyId)}`);
  return and(isNull(accounts.ownerUserId), places.length > 0 ? or(...places) : sql`false`);
}

export function listPool(db: Executor, reach: PoolReach, filter: AccountFilter, page: AccountPage) {
  return pageOfAccounts(db, and(poolCondition(reach), ...filterConditions({ ...filter, inPool: undefined })), page);
}

/** One account, or null when missing or outside the scope (the caller answers 404 either way). */
export async function findAccount(db: Executor, scope: DataScope, id: number): Promise<AccountView | null> {
  const [row] = await selectAccounts(db).where(and(eq(accounts.id, id), scopeCondition(scope, accountScopeColumns)));
  return row ?? null;
}

export async function findPoolAccount(db: Executor, reach: PoolReach, id: number) {
  const [row] = await selectAccounts(db).where(and(eq(accounts.id, id), poolCondition(reach)));
  return row ?? null;
}

export async function findAccountRow(db: Executor, id: number): Promise<AccountRow | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

/** The row locked for a change, so two changes of one account run one after the other. */
export async function lockAccount(db: Executor, id: number): Promise<AccountRow | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id)).for('update');
  return row ?? null;
}

export async function insertAccount(db: Executor, values: Omit<NewAccount, 'code'> & { code?: string }): Promise<AccountRow> {
  const [row] = await db
    .insert(accounts)
    .values({ ...values, code: values.code ?? nextAccountCode() })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateAccountRow(db: Executor, id: number, values: Partial<NewAccount>): Promise<AccountRow> {
  const [row] = await db
    .update(accounts)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(accounts.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export interface DuplicateKeys {
  normalizedName?: string;
  creditCode?: string | null;
  mobile?: string | null;
}

/** Accounts that share a duplicate key (CUS-2), each with the key it shares and its owner. */
export async function findDuplicateRows(db: Executor, keys: DuplicateKeys, exceptId?: number) {
  const matches: SQL[] = [];
  if (keys.normalizedName) matches.push(eq(accounts.normalizedName, keys.normalizedName));
  if (keys.creditCode) matches.push(eq(accounts.creditCode, keys.creditCode));
  if (keys.mobile) matches.push(eq(accounts.mobile, keys.mobile));
  if (matches.length === 0) return [];
  return db
    .select({
      id: accounts.id,
      code: accounts.code,
      name: accounts.name,
      normalizedName: accounts.normalizedName,
      creditCode: accounts.creditCode,
      mobile: accounts.mobile,
      ownerUserId: accounts.ownerUserId,
      ownerName: users.displayName,
      geographyId: accounts.geographyId,
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerUserId))
    .where(and(or(...matches), exceptId ? ne(accounts.id, exceptId) : undefined))
    .orderBy(asc(accounts.id));
}

/** Field work restarts the pool clock (CUS-12); an older follow-up never moves it back. */
export async function touchFollowUp(db: Executor, accountId: number, at: Date): Promise<void> {
  await db
    .update(accounts)
    .set({ lastFollowUpAt: sql`GREATEST(COALESCE(${accounts.lastFollowUpAt}, ${at}), ${at})` })
    .where(eq(accounts.id, accountId));
}

export async function countOwned(db: Executor, userId: number): Promise<{ held: number; locked: number }> {
  const [row] = await db
    .select({ held: count(), locked: sql<number>`count(*) FILTER (WHERE ${accounts.locked})`.mapWith(Number) })
    .from(accounts)
    .where(eq(accounts.ownerUserId, userId));
  return { held: row?.held ?? 0, locked: row?.locked ?? 0 };
}

/**
 * Claims an account only while it is still in the pool: of two concurrent
 * claims of one account exactly one finds owner_user_id NULL.
 */
export async function claimIfInPool(db: Executor, id: number, userId: number): Promise<AccountRow | null> {
  const [row] = await db
    .update(accounts)
    .set({ ownerUserId: userId, ownedSince: sql`now()`, poolEnteredAt: null, locked: false, updatedAt: sql`now()` })
    .where(and(eq(accounts.id, id), isNull(accounts.ownerUserId)))
    .returning();
  return row ?? null;
}

/** Serialises pool claims and locks of one person (their holding and locked counts) for the rest of the transaction. */
export async function serializeHoldingOf(db: Executor, userId: number): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`salesos.customers.holding.${userId}`}))`);
}

export async function findActiveUser(db: Executor, id: number) {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName, status: users.status, geographyId: users.geographyId })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

/** CUS-8: the account's credit line and rating, or null when there is no such account. */
export async function findCreditTerms(db: Executor, id: number) {
  const [row] = await db
    .select({ limitFen: accounts.creditLimitFen, rating: accounts.creditRating })
    .from(accounts)
    .where(eq(accounts.id, id));
  return row ?? null;
}

export async function geographyExists(db: Executor, id: number): Promise<boolean> {
  const [row] = await db.select({ id: geographies.id }).from(geographies).where(eq(geographies.id, id));
  return Boolean(row);
}
