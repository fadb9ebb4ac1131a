import { hasPermission, type Principal } from '../../platform/access/principal.js';
import { isInScope } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import type { LocalizedText } from '../../platform/i18n.js';
import {
  type AccountChanges,
  type AccountInput,
  blankToNull,
  cleanAddresses,
  cleanContacts,
  cleanCreditCode,
  cleanMobile,
  cleanName,
  cleanTags,
} from './account.input.js';
import {
  type AccountFilter,
  type AccountPage,
  type AccountRow,
  type AccountView,
  type DuplicateKeys,
  findAccount,
  findActiveUser,
  findDuplicateRows,
  geographyExists,
  insertAccount,
  listAccounts,
  lockAccount,
  type NewAccount,
  updateAccountRow,
} from './account.repository.js';
import { maskAddress, maskMobile, maskPersonName, normalizeAccountName, seesContactDetails } from './account.rules.js';
import { insertAddresses, listAddresses } from './address.repository.js';
import { insertContacts, listContacts } from './contact.repository.js';
import { CustomerErrors } from './customers.errors.js';
import { CustomerPermissions } from './customers.permissions.js';
import { listGradeReviews } from './grade.repository.js';
import { accountEntity, listAccountHistory } from './history.repository.js';
import { listPoolEvents } from './pool.repository.js';

export type MatchedOn = 'creditCode' | 'mobile' | 'name';

export interface DuplicateMatch {
  id: number;
  code: string;
  name: string;
  /** Masked (张**) when the caller may not see the account; null when it is in the pool. */
  ownerName: string | null;
  matchedOn: MatchedOn;
}

const matchedLabels: Record<MatchedOn, LocalizedText> = {
  creditCode: { 'zh-CN': '统一社会信用代码', en: 'credit code' },
  mobile: { 'zh-CN': '手机号', en: 'mobile number' },
  name: { 'zh-CN': '名称', en: 'name' },
};
const poolOwner: LocalizedText = { 'zh-CN': '公海（无人负责）', en: 'nobody (public pool)' };

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

/** The scope-checked account (ORG-4), or null: the entry other modules use before touching an account. */
export function findVisibleAccount(db: Executor, principal: Principal, id: number): Promise<AccountView | null> {
  return findAccount(db, principal.scope, id);
}

export async function requireVisibleAccount(ctx: ReadContext, id: number): Promise<AccountView> {
  const account = await findVisibleAccount(ctx.db, ctx.principal, id);
  if (!account) throw new AppError(PlatformErrors.notFound);
  return account;
}

/** The same check on the locked row inside a write. */
export async function lockVisibleAccount(db: Executor, principal: Principal, id: number): Promise<AccountRow> {
  const row = await lockAccount(db, id);
  if (!row || !isInScope(principal.scope, { ownerId: row.ownerUserId, geographyId: row.geographyId })) {
    throw new AppError(PlatformErrors.notFound);
  }
  return row;
}

/** CMP-3: phone numbers and street addresses of an account reached through a looser path read masked. */
export function presentAccount<T extends { ownerUserId: number | null; mobile: string | null; address: string | null }>(
  principal: Principal,
  account: T,
): T & { masked: boolean } {
  if (seesContactDetails(principal.scope, principal.userId, account.ownerUserId)) return { ...account, masked: false };
  return { ...account, mobile: maskMobile(account.mobile), address: maskAddress(account.address), masked: true };
}

export async function searchAccounts(ctx: ReadContext, filter: AccountFilter, page: AccountPage) {
  const result = await listAccounts(ctx.db, ctx.principal.scope, filter, page);
  return { ...result, items: result.items.map((item) => presentAccount(ctx.principal, item)) };
}

function strongestMatch(row: { normalizedName: string; creditCode: string | null; mobile: string | null }, keys: DuplicateKeys): MatchedOn {
  if (keys.creditCode && row.creditCode === keys.creditCode) return 'creditCode';
  if (keys.mobile && row.mobile === keys.mobile) return 'mobile';
  return 'name';
}

const matchOrder: MatchedOn[] = ['creditCode', 'mobile', 'name'];

async function duplicatesOf(db: Executor, principal: Principal, keys: DuplicateKeys, exceptId?: number): Promise<DuplicateMatch[]> {
  const rows = await findDuplicateRows(db, keys, exceptId);
  return rows
    .map((row) => {
      const visible = isInScope(principal.scope, { ownerId: row.ownerUserId, geographyId: row.geographyId });
      const ownerName = row.ownerName === null ? null : visible ? row.ownerName : maskPersonName(row.ownerName);
      return { id: row.id, code: row.code, name: row.name, ownerName, matchedOn: strongestMatch(row, keys) };
    })
    .sort((a, b) => matchOrder.indexOf(a.matchedOn) - matchOrder.indexOf(b.matchedOn) || a.id - b.id);
}

/** CUS-2: existing accounts with the same normalised name, credit code or mobile, owner masked when out of the caller's scope. */
export function findDuplicates(
  db: Executor,
  principal: Principal,
  input: { name?: string | null; creditCode?: string | null; mobile?: string | null },
): Promise<DuplicateMatch[]> {
  return duplicatesOf(db, principal, {
    normalizedName: input.name ? normalizeAccountName(input.name) : undefined,
    creditCode: input.creditCode?.trim().toUpperCase() || undefined,
    mobile: input.mobile?.trim() || undefined,
  });
}

function duplicateError(match: DuplicateMatch): AppError {
  return new AppError(
    CustomerErrors.duplicate,
    { code: match.code, name: match.name, matched: matchedLabels[match.matchedOn], owner: match.ownerName ?? poolOwner },
    { field: match.matchedOn, existing: match },
  );
}

async function assertNoDuplicate(db: Executor, principal: Principal, keys: DuplicateKeys, exceptId?: number): Promise<void> {
  const [first] = await duplicatesOf(db, principal, keys, exceptId);
  if (first) throw duplicateError(first);
}

function isUniqueViolation(error: unknown): boolean {
  const code = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : undefined);
  return code(error) === '23505' || code((error as { cause?: unknown })?.cause) === '23505';
}

/**
 * Two people creating the same customer at once both pass the check; the
 * unique indexes let one through and the other is answered as a duplicate
 * of the account that won.
 */
async function withDuplicateRace<T>(
  db: Executor,
  principal: Principal,
  keys: DuplicateKeys,
  exceptId: number | undefined,
  run: () => Promise<T>,
) {
  try {
    return await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await assertNoDuplicate(db, principal, keys, exceptId);
    throw error;
  }
}

/** People the caller manages: owners may only be set to (and taken from) them. */
export function managesUser(principal: Principal, userId: number): boolean {
  return principal.scope.all || principal.scope.userIds.includes(userId);
}

export async function assertAssignableOwner(db: Executor, principal: Principal, userId: number, field: string): Promise<void> {
  const user = await findActiveUser(db, userId);
  if (!user || !managesUser(principal, userId)) throw new AppError(CustomerErrors.ownerOutOfScope, { field }, { field });
  if (user.status !== 'active') throw new AppError(CustomerErrors.ownerInactive, { field }, { field });
}

async function resolveOwner(db: Executor, principal: Principal, requested: number | null | undefined): Promise<number | null> {
  if (requested === undefined || requested === principal.userId) return principal.userId;
  if (!hasPermission(principal, CustomerPermissions['accounts.manage'])) {
    throw new AppError(PlatformErrors.forbidden, { permission: CustomerPermissions['accounts.manage'] }, { field: 'ownerUserId' });
  }
  if (requested !== null) await assertAssignableOwner(db, principal, requested, 'ownerUserId');
  return requested;
}

async function assertGeography(db: Executor, geographyId: number | null | undefined): Promise<void> {
  if (geographyId && !(await geographyExists(db, geographyId))) {
    throw new AppError(CustomerErrors.referenceMissing, { field: 'geographyId' }, { field: 'geographyId' });
  }
}

export async function presentedById(ctx: ReadContext, id: number) {
  const view = (await findAccount(ctx.db, { kind: 'all', all: true, userIds: [], geographyIds: [] }, id)) as AccountView;
  return presentAccount(ctx.principal, view);
}

/**
 * CUS-1/CUS-2: the one way an account is made (form, lead conversion,
 * import): validates every field, refuses a duplicate naming the existing
 * account and its owner, and writes the account with its contacts and
 * addresses and the audit row in one transaction.
 */
export async function createAccount(ctx: ServiceContext, input: AccountInput) {
  const { name, normalizedName } = cleanName(input.name);
  const creditCode = cleanCreditCode(input.creditCode) ?? null;
  const mobile = cleanMobile(input.mobile, 'mobile') ?? null;
  const keys = { normalizedName, creditCode, mobile };
  const id = await withDuplicateRace(ctx.db, ctx.principal, keys, undefined, () =>
    ctx.db.transaction(async (tx) => {
      await assertNoDuplicate(tx, ctx.principal, keys);
      const ownerUserId = await resolveOwner(tx, ctx.principal, input.ownerUserId);
      await assertGeography(tx, input.geographyId);
      const owner = ownerUserId === null ? null : await findActiveUser(tx, ownerUserId);
      const values: Omit<NewAccount, 'code'> = {
        name,
        normalizedName,
        kind: input.kind,
        partyType: input.partyType ?? 'company',
        creditCode,
        mobile,
        grade: input.grade ?? null,
        status: input.status ?? 'active',
        ownerUserId,
        geographyId: input.geographyId ?? owner?.geographyId ?? null,
        province: blankToNull(input.province) ?? null,
        city: blankToNull(input.city) ?? null,
        address: blankToNull(input.address) ?? null,
        source: input.source ?? 'field',
        tags: cleanTags(input.tags) ?? [],
        ownedSince: ownerUserId === null ? null : new Date(),
        poolEnteredAt: ownerUserId === null ? new Date() : null,
        createdBy: ctx.principal.userId,
      };
      const created = await insertAccount(tx, values);
      const contacts = await insertContacts(tx, cleanContacts(created.id, input.contacts ?? []));
      const addresses = await insertAddresses(tx, cleanAddresses(created.id, input.addresses ?? []));
      await writeAudit(tx, ctx.actor, {
        entity: accountEntity,
        entityId: created.id,
        action: 'create',
        after: { ...created, contacts, addresses },
      });
      return created.id;
    }),
  );
  return presentedById(ctx, id);
}

export async function updateAccount(ctx: ServiceContext, id: number, input: AccountChanges) {
  const names = input.name === undefined ? undefined : cleanName(input.name);
  const creditCode = cleanCreditCode(input.creditCode);
  const mobile = cleanMobile(input.mobile, 'mobile');
  const keys = { normalizedName: names?.normalizedName, creditCode, mobile };
  await withDuplicateRace(ctx.db, ctx.principal, keys, id, () =>
    ctx.db.transaction(async (tx) => {
      const before = await lockVisibleAccount(tx, ctx.principal, id);
      const changedKeys = {
        normalizedName: names && names.normalizedName !== before.normalizedName ? names.normalizedName : undefined,
        creditCode: creditCode && creditCode !== before.creditCode ? creditCode : undefined,
        mobile: mobile && mobile !== before.mobile ? mobile : undefined,
      };
      await assertNoDuplicate(tx, ctx.principal, changedKeys, id);
      await assertGeography(tx, input.geographyId);
      const values: Partial<NewAccount> = {
        ...names,
        kind: input.kind,
        partyType: input.partyType,
        creditCode,
        mobile,
        status: input.status,
        geographyId: input.geographyId,
        province: blankToNull(input.province),
        city: blankToNull(input.city),
        address: blankToNull(input.address),
        source: input.source,
        tags: cleanTags(input.tags),
      };
      const after = await updateAccountRow(tx, id, values);
      await writeAudit(tx, ctx.actor, { entity: accountEntity, entityId: id, action: 'update', before, after });
    }),
  );
  return presentedById(ctx, id);
}

/**
 * The account card: contacts, addresses, grade reviews, pool history and
 * change history. Anyone but the owner opening it leaves an audit row (CMP-3).
 */
export async function getAccountDetail(ctx: ServiceContext, id: number) {
  const account = await requireVisibleAccount(ctx, id);
  const [contacts, addresses, gradeReviews, poolEvents, history] = await Promise.all([
    listContacts(ctx.db, id),
    listAddresses(ctx.db, id),
    listGradeReviews(ctx.db, id, 20),
    listPoolEvents(ctx.db, id, 50),
    listAccountHistory(ctx.db, id),
  ]);
  if (account.ownerUserId !== ctx.principal.userId) {
    await writeAudit(ctx.db, ctx.actor, { entity: accountEntity, entityId: id, action: 'view' });
  }
  const presented = presentAccount(ctx.principal, account);
  const mask = presented.masked;
  return {
    ...presented,
    contacts: contacts.map((c) => (mask ? { ...c, mobile: maskMobile(c.mobile), phone: maskMobile(c.phone) } : c)),
    addresses: addresses.map((a) =>
      mask ? { ...a, address: maskAddress(a.address) ?? '', receiverPhone: maskMobile(a.receiverPhone) } : a,
    ),
    gradeReviews,
    poolEvents,
    history,
  };
}
