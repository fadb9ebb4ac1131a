import { hasPermission, type Principal } from '../../platform/access/principal.js';
import { isInScope } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { bulkRowCount } from '../../platform/db/statistics.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type CellValue, ExcelErrors, type ImportIssue, type ImportPlan, type ImportRow, importSheet } from '../../platform/excel/index.js';
import type { Locale, LocalizedText } from '../../platform/i18n.js';
import type { AccountGrade, AccountKind, AccountSource, AccountStatus, PartyType } from './account.enums.js';
import type { AccountFilter, AccountSort } from './account.repository.js';
import { isValidCreditCode, mobilePattern, normalizeAccountName } from './account.rules.js';
import { searchAccounts } from './account.service.js';
import { accountImportColumns } from './account-excel.columns.js';
import {
  accountsWithKeys,
  analyzeImportedTables,
  geographiesByCode,
  insertAccountRows,
  usersByUsername,
} from './account-excel.repository.js';
import { insertContacts } from './contact.repository.js';
import { CustomerPermissions } from './customers.permissions.js';
import { accountEntity } from './history.repository.js';

/** One row of the sheet as an account to insert; owner and geography are resolved per chunk. */
interface AccountRecord {
  name: string;
  normalizedName: string;
  kind: AccountKind;
  partyType: PartyType;
  creditCode: string | null;
  mobile: string | null;
  grade: AccountGrade | null;
  status: AccountStatus;
  owner: string | null;
  ownerUserId: number;
  geography: string | null;
  geographyId: number | null;
  province: string | null;
  city: string | null;
  address: string | null;
  source: AccountSource;
  tags: string[];
  contactName: string | null;
}

const problems = {
  nameInvalid: { 'zh-CN': '名称去掉空格、标点和公司后缀后为空', en: 'is empty once spaces, punctuation and legal-form words are removed' },
  creditCode: {
    'zh-CN': '不是有效的统一社会信用代码（18 位，校验位须正确）',
    en: 'is not a valid credit code (18 characters, correct check digit)',
  },
  mobile: { 'zh-CN': '不是有效的手机号（11 位，1 开头，第二位 3–9）', en: 'is not a valid mobile number (11 digits: 1, then 3–9)' },
  ownerUnknown: (name: string) => ({ 'zh-CN': `账号 ${name} 不存在或已离职`, en: `user ${name} does not exist or has left` }),
  ownerOutOfScope: (name: string) => ({ 'zh-CN': `${name} 不在您的管理范围内`, en: `${name} is not within the people you manage` }),
  ownerNeedsManage: {
    'zh-CN': '指定他人为负责人需要“分配客户负责人”权限',
    en: 'making someone else the owner needs the permission to assign account owners',
  },
  geographyUnknown: (code: string) => ({ 'zh-CN': `区域编码 ${code} 不存在`, en: `geography code ${code} does not exist` }),
  exists: (code: string, name: string) => ({ 'zh-CN': `已存在客户 ${code} ${name}`, en: `account ${code} ${name} already exists` }),
} satisfies Record<string, LocalizedText | ((...args: string[]) => LocalizedText)>;

const mobileRule = new RegExp(mobilePattern);
const text = (value: CellValue | undefined) => (typeof value === 'string' ? value : null);

/**
 * The account import (RPT-3) as the platform's import plan: the same rules as
 * createAccount (CUS-2 keys, credit code check digit, mobile form, owner within
 * the importer's reach), but checked for a whole chunk at once.
 */
function accountImportPlan(principal: Principal): ImportPlan<AccountRecord> {
  const userCache = new Map<string, { id: number; status: string; geographyId: number | null } | null>();
  const geographyCache = new Map<string, number | null>();
  const mayAssign = hasPermission(principal, CustomerPermissions['accounts.manage']);

  async function resolveUsers(db: Executor, names: string[]) {
    const missing = names.filter((n) => !userCache.has(n));
    for (const n of missing) userCache.set(n, null);
    for (const user of await usersByUsername(db, missing)) userCache.set(user.username.toLowerCase(), user);
  }

  async function resolveGeographies(db: Executor, codes: string[]) {
    const missing = codes.filter((c) => !geographyCache.has(c));
    for (const c of missing) geographyCache.set(c, null);
    for (const geography of await geographiesByCode(db, missing)) geographyCache.set(geography.code, geography.id);
  }

  function resolveOwner(row: ImportRow<AccountRecord>, issues: ImportIssue[]) {
    const record = row.record;
    if (record.owner === null || record.owner.toLowerCase() === principal.username.toLowerCase()) {
      record.ownerUserId = principal.userId;
      return principal.geographyId;
    }
    const user = userCache.get(record.owner.toLowerCase());
    const problem = (message: LocalizedText) => issues.push({ row: row.row, field: 'owner', message });
    if (user?.status !== 'active') return problem(problems.ownerUnknown(record.owner));
    if (!mayAssign) return problem(problems.ownerNeedsManage);
    if (!isInScope(principal.scope, { ownerId: user.id, geographyId: user.geographyId }))
      return problem(problems.ownerOutOfScope(record.owner));
    record.ownerUserId = user.id;
    return user.geographyId;
  }

  return {
    columns: accountImportColumns,
    build(cells, problem) {
      const name = text(cells.name) ?? '';
      const normalizedName = name ? normalizeAccountName(name) : '';
      if (name && !normalizedName) problem('name', problems.nameInvalid);
      const creditCode = text(cells.creditCode)?.toUpperCase() ?? null;
      if (creditCode && !isValidCreditCode(creditCode)) problem('creditCode', problems.creditCode);
      const mobile = text(cells.mobile);
      if (mobile && !mobileRule.test(mobile)) problem('mobile', problems.mobile);
      return {
        name,
        normalizedName,
        kind: cells.kind as AccountKind,
        partyType: (cells.partyType as PartyType | null) ?? 'company',
        creditCode,
        mobile,
        grade: (cells.grade as AccountGrade | null) ?? null,
        status: (cells.status as AccountStatus | null) ?? 'active',
        owner: text(cells.owner),
        ownerUserId: principal.userId,
        geography: text(cells.geography),
        geographyId: null,
        province: text(cells.province),
        city: text(cells.city),
        address: text(cells.address),
        source: (cells.source as AccountSource | null) ?? 'import',
        tags: [...new Set(Array.isArray(cells.tags) ? cells.tags : [])],
        contactName: text(cells.contactName),
      };
    },
    unique: [
      { field: 'name', key: (r) => r.normalizedName || null },
      { field: 'creditCode', key: (r) => r.creditCode },
      { field: 'mobile', key: (r) => r.mobile },
    ],
    async check(db, rows) {
      const issues: ImportIssue[] = [];
      await resolveUsers(db, [...new Set(rows.flatMap((r) => (r.record.owner ? [r.record.owner.toLowerCase()] : [])))]);
      await resolveGeographies(db, [...new Set(rows.flatMap((r) => (r.record.geography ? [r.record.geography] : [])))]);
      for (const row of rows) {
        const ownerGeography = resolveOwner(row, issues);
        const code = row.record.geography;
        if (code === null) row.record.geographyId = ownerGeography ?? null;
        else if (geographyCache.get(code)) row.record.geographyId = geographyCache.get(code) ?? null;
        else issues.push({ row: row.row, field: 'geography', message: problems.geographyUnknown(code) });
      }
      const existing = await accountsWithKeys(db, {
        names: rows.map((r) => r.record.normalizedName),
        creditCodes: rows.flatMap((r) => (r.record.creditCode ? [r.record.creditCode] : [])),
        mobiles: rows.flatMap((r) => (r.record.mobile ? [r.record.mobile] : [])),
      });
      if (existing.length === 0) return issues;
      const byKey = new Map<string, (typeof existing)[number]>();
      for (const account of existing) {
        byKey.set(`name:${account.normalizedName}`, account);
        if (account.creditCode) byKey.set(`creditCode:${account.creditCode}`, account);
        if (account.mobile) byKey.set(`mobile:${account.mobile}`, account);
      }
      for (const row of rows) {
        for (const [field, value] of [
          ['name', row.record.normalizedName],
          ['creditCode', row.record.creditCode],
          ['mobile', row.record.mobile],
        ] as const) {
          const match = value ? byKey.get(`${field}:${value}`) : undefined;
          if (match) issues.push({ row: row.row, field, message: problems.exists(match.code, match.name) });
        }
      }
      return issues;
    },
    async insert(tx, rows) {
      const now = new Date();
      const created = await insertAccountRows(
        tx,
        rows.map(({ record }) => ({
          name: record.name,
          normalizedName: record.normalizedName,
          kind: record.kind,
          partyType: record.partyType,
          creditCode: record.creditCode,
          mobile: record.mobile,
          grade: record.grade,
          status: record.status,
          ownerUserId: record.ownerUserId,
          geographyId: record.geographyId,
          province: record.province,
          city: record.city,
          address: record.address,
          source: record.source,
          tags: record.tags,
          ownedSince: now,
          createdBy: principal.userId,
        })),
      );
      const idByName = new Map(created.map((account) => [account.normalizedName, account.id]));
      const contacts = rows.flatMap(({ record }) =>
        record.contactName
          ? [{ accountId: idByName.get(record.normalizedName) as number, name: record.contactName, mobile: record.mobile, isPrimary: true }]
          : [],
      );
      await insertContacts(tx, contacts);
      return created.map((account) => account.id);
    },
  };
}

/** RPT-3 dry run: the full validation report; nothing is written. */
export async function dryRunAccountImport(ctx: ServiceContext, file: string, locale: Locale) {
  const { report } = await importSheet(ctx.db, accountImportPlan(ctx.principal), file, { commit: false, locale });
  return report;
}

/**
 * RPT-3 commit: one transaction inserting every row in chunks and one audit
 * row; the first problem anywhere in the file rolls everything back and the
 * answer carries the same report as the dry run.
 */
export async function commitAccountImport(ctx: ServiceContext, file: { path: string; fileName: string }, locale: Locale) {
  const result = await ctx.db.transaction(async (tx) => {
    const { report, inserted } = await importSheet(tx, accountImportPlan(ctx.principal), file.path, { commit: true, locale });
    if (report.errorCount > 0) throw new AppError(ExcelErrors.rejected, { errors: report.errorCount, rows: report.rows }, report);
    await writeAudit(tx, ctx.actor, {
      entity: accountEntity,
      entityId: 'import',
      action: 'import',
      after: { fileName: file.fileName, rows: report.rows, imported: inserted.count, firstId: inserted.firstId, lastId: inserted.lastId },
    });
    return { imported: inserted.count, firstId: inserted.firstId, lastId: inserted.lastId, report };
  });
  if (result.imported >= bulkRowCount) await analyzeImportedTables(ctx.db);
  return result;
}

const exportPageSize = 1000;

/** RPT-3/CMP-3: the account list's own scoped, filtered, masked query, a page of 1,000 at a time. */
export async function* accountExportPages(
  ctx: Pick<ServiceContext, 'db' | 'principal'>,
  filter: AccountFilter,
  order: { sort: AccountSort; order: 'asc' | 'desc' },
) {
  for (let offset = 0; ; offset += exportPageSize) {
    const { items } = await searchAccounts(ctx, filter, { ...order, limit: exportPageSize, offset });
    if (items.length > 0) yield items;
    if (items.length < exportPageSize) return;
  }
}
