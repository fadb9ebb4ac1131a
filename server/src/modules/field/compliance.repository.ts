import { eq, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { type AccountGrade, type AccountKind, accountGrades, accountScopeColumns, accounts } from '../customers/index.js';
import { geographies, users } from '../org/index.js';
import { visitComplianceFreezes, visitComplianceSnapshots } from './compliance.schema.js';
import { visits } from './visit.schema.js';

/** The account kinds that are stores with a monthly visit minimum (CUS-3, CUS-5). */
export const storeKinds: readonly AccountKind[] = ['retail_store', 'key_account', 'direct_store'];

export const complianceLevels = ['rep', 'region', 'market', 'nation'] as const;
export type ComplianceLevel = (typeof complianceLevels)[number];

/**
 * Where a month's per-store figures come from: counted now from accounts and
 * visits (the current month, or a past one not yet frozen), or read from
 * the month's frozen snapshot.
 */
export type ComplianceSource =
  | { kind: 'live'; firstDay: string; nextMonthFirstDay: string; minimums: Record<AccountGrade, number> }
  | { kind: 'snapshot'; firstDay: string };

export interface ComplianceFilter {
  ownerUserId?: number;
  /** A market, region or territory: the stores in it and below. */
  geographyId?: number;
  onlyNonCompliant?: boolean;
}

export interface RollupRow {
  id: number | null;
  code: string | null;
  name: string | null;
  storesTotal: number;
  compliant: number;
  visitsDone: number;
  visitsRequired: number;
  visitsMissing: number;
}

export interface StoreComplianceRow {
  accountId: number;
  accountCode: string;
  accountName: string;
  grade: AccountGrade;
  ownerUserId: number;
  ownerName: string;
  geographyId: number | null;
  geographyName: string | null;
  required: number;
  done: number;
  shortfall: number;
}

/** Every geography with the region and market it lies in (itself included), for roll-ups and subtree filters. */
const geographyAncestry = sql`up AS (
    SELECT g.id AS geography_id, g.id AS ancestor_id, g.kind, g.parent_id FROM ${geographies} g
    UNION ALL
    SELECT up.geography_id, p.id, p.kind, p.parent_id FROM up JOIN ${geographies} p ON p.id = up.parent_id
  ), geo AS (
    SELECT geography_id,
      max(ancestor_id) FILTER (WHERE kind = 'region') AS region_id,
      max(ancestor_id) FILTER (WHERE kind = 'market') AS market_id
    FROM up GROUP BY geography_id
  )`;

function minimumsTable(minimums: Record<AccountGrade, number>): SQL {
  const rows = accountGrades.map((grade) => sql`(${grade}, ${minimums[grade]}::int)`);
  return sql`(VALUES ${sql.join(rows, sql`, `)}) AS minimum(grade, required)`;
}

/**
 * One row per store in scope: account_id, owner_user_id, geography_id,
 * grade, required, done. Live, a store is an active, owned account of a
 * store kind with a grade; pool accounts have nobody to visit them and
 * are left out. Only done onsite visits count; phone visits do not.
 */
function storesQuery(source: ComplianceSource, scope: DataScope): SQL {
  if (source.kind === 'snapshot') {
    const s = visitComplianceSnapshots;
    const inScope = scopeCondition(scope, { owner: s.ownerUserId, geography: s.geographyId }) ?? sql`true`;
    return sql`SELECT ${s.accountId} AS account_id, ${s.ownerUserId} AS owner_user_id, ${s.geographyId} AS geography_id,
        ${s.grade} AS grade, ${s.required} AS required, ${s.done} AS done
      FROM ${s} WHERE ${s.month} = ${source.firstDay} AND ${inScope}`;
  }
  const inScope = scopeCondition(scope, accountScopeColumns) ?? sql`true`;
  const kinds = sql.join(
    storeKinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  // A probe per store on visits_compliance_idx: fast whatever the planner's statistics say (PGlite never auto-analyzes).
  return sql`SELECT ${accounts.id} AS account_id, ${accounts.ownerUserId} AS owner_user_id, ${accounts.geographyId} AS geography_id,
      ${accounts.grade} AS grade, minimum.required,
      (SELECT count(*)::int FROM ${visits} WHERE ${visits.accountId} = ${accounts.id} AND ${visits.status} = 'done' AND ${visits.kind} = 'onsite'
        AND ${visits.visitDate} >= ${source.firstDay} AND ${visits.visitDate} < ${source.nextMonthFirstDay}) AS done
    FROM ${accounts}
    JOIN ${minimumsTable(source.minimums)} ON minimum.grade = ${accounts.grade}
    WHERE ${accounts.kind} IN (${kinds}) AND ${accounts.ownerUserId} IS NOT NULL AND ${accounts.status} = 'active' AND ${inScope}`;
}

function filterCondition(filter: ComplianceFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.ownerUserId) parts.push(sql`s.owner_user_id = ${filter.ownerUserId}`);
  if (filter.geographyId) parts.push(sql`${filter.geographyId} IN (s.geography_id, geo.region_id, geo.market_id)`);
  if (filter.onlyNonCompliant) parts.push(sql`s.done < s.required`);
  return sql.join(parts, sql` AND `);
}

const groupings: Record<ComplianceLevel, { key: SQL; code: SQL; name: SQL; join: SQL }> = {
  rep: {
    key: sql`s.owner_user_id`,
    code: sql`u.username`,
    name: sql`u.display_name`,
    join: sql`LEFT JOIN ${users} u ON u.id = s.owner_user_id`,
  },
  region: { key: sql`geo.region_id`, code: sql`g.code`, name: sql`g.name`, join: sql`LEFT JOIN ${geographies} g ON g.id = geo.region_id` },
  market: { key: sql`geo.market_id`, code: sql`g.code`, name: sql`g.name`, join: sql`LEFT JOIN ${geographies} g ON g.id = geo.market_id` },
  nation: { key: sql`NULL::bigint`, code: sql`NULL::text`, name: sql`NULL::text`, join: sql`` },
};

/** CUS-5 roll-up: stores, compliant stores and visits per rep, region, market or the nation, in one grouped query. */
export async function complianceRollup(
  db: Executor,
  source: ComplianceSource,
  scope: DataScope,
  level: ComplianceLevel,
  filter: ComplianceFilter = {},
): Promise<RollupRow[]> {
  const group = groupings[level];
  const groupBy = level === 'nation' ? sql`` : sql`GROUP BY 1, 2, 3 ORDER BY 3 NULLS LAST, 1`;
  const rows = await selectRows<{
    id: string | number | null;
    code: string | null;
    name: string | null;
    stores_total: number;
    compliant: number;
    visits_done: number;
    visits_required: number;
    visits_missing: number;
  }>(
    db,
    sql`WITH RECURSIVE ${geographyAncestry}, stores AS (${storesQuery(source, scope)})
      SELECT ${group.key} AS id, ${group.code} AS code, ${group.name} AS name,
        count(*)::int AS stores_total,
        (count(*) FILTER (WHERE s.done >= s.required))::int AS compliant,
        coalesce(sum(s.done), 0)::int AS visits_done,
        coalesce(sum(s.required), 0)::int AS visits_required,
        coalesce(sum(greatest(s.required - s.done, 0)), 0)::int AS visits_missing
      FROM stores s LEFT JOIN geo ON geo.geography_id = s.geography_id ${group.join}
      WHERE ${filterCondition(filter)}
      ${groupBy}`,
  );
  return rows.map((row) => ({
    id: row.id === null ? null : Number(row.id),
    code: row.code,
    name: row.name,
    storesTotal: row.stores_total,
    compliant: row.compliant,
    visitsDone: row.visits_done,
    visitsRequired: row.visits_required,
    visitsMissing: row.visits_missing,
  }));
}

/** CUS-5 store list: each store with its minimum and done visits, the largest shortfall first, paged in SQL. */
export async function complianceStores(
  db: Executor,
  source: ComplianceSource,
  scope: DataScope,
  filter: ComplianceFilter,
  page: { limit: number; offset: number },
): Promise<{ items: StoreComplianceRow[]; total: number }> {
  const rows = await selectRows<{
    account_id: string | number;
    account_code: string;
    account_name: string;
    grade: AccountGrade;
    owner_user_id: string | number;
    owner_name: string;
    geography_id: string | number | null;
    geography_name: string | null;
    required: number;
    done: number;
    total: string | number;
  }>(
    db,
    sql`WITH RECURSIVE ${geographyAncestry}, stores AS (${storesQuery(source, scope)})
      SELECT s.account_id, a.code AS account_code, a.name AS account_name, s.grade, s.owner_user_id, u.display_name AS owner_name,
        s.geography_id, g.name AS geography_name, s.required, s.done, count(*) OVER () AS total
      FROM stores s
      JOIN ${accounts} a ON a.id = s.account_id
      JOIN ${users} u ON u.id = s.owner_user_id
      LEFT JOIN ${geographies} g ON g.id = s.geography_id
      LEFT JOIN geo ON geo.geography_id = s.geography_id
      WHERE ${filterCondition(filter)}
      ORDER BY greatest(s.required - s.done, 0) DESC, s.grade, a.name, s.account_id
      LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  return {
    total: rows.length > 0 ? Number(rows[0]?.total) : 0,
    items: rows.map((row) => ({
      accountId: Number(row.account_id),
      accountCode: row.account_code,
      accountName: row.account_name,
      grade: row.grade,
      ownerUserId: Number(row.owner_user_id),
      ownerName: row.owner_name,
      geographyId: row.geography_id === null ? null : Number(row.geography_id),
      geographyName: row.geography_name,
      required: row.required,
      done: row.done,
      shortfall: Math.max(row.required - row.done, 0),
    })),
  };
}

export async function findFreeze(db: Executor, firstDay: string) {
  const [row] = await db.select().from(visitComplianceFreezes).where(eq(visitComplianceFreezes.month, firstDay));
  return row ?? null;
}

/** Claims a month for freezing; false when it is frozen already (or being frozen by another transaction). */
export async function claimFreeze(db: Executor, firstDay: string): Promise<boolean> {
  const rows = await db
    .insert(visitComplianceFreezes)
    .values({ month: firstDay, stores: 0 })
    .onConflictDoNothing()
    .returning({ month: visitComplianceFreezes.month });
  return rows.length > 0;
}

/** Writes every store of the month (all scopes) into the snapshot as counted now; returns how many. */
export async function insertSnapshot(db: Executor, source: Extract<ComplianceSource, { kind: 'live' }>, all: DataScope): Promise<number> {
  const rows = await selectRows<{ n: number }>(
    db,
    sql`WITH frozen AS (
        INSERT INTO ${visitComplianceSnapshots} (month, account_id, owner_user_id, geography_id, grade, required, done, frozen_at)
        SELECT ${source.firstDay}, account_id, owner_user_id, geography_id, grade, required, done, now()
        FROM (${storesQuery(source, all)}) s
        RETURNING 1)
      SELECT count(*)::int AS n FROM frozen`,
  );
  const stores = rows[0]?.n ?? 0;
  await db.update(visitComplianceFreezes).set({ stores }).where(eq(visitComplianceFreezes.month, source.firstDay));
  return stores;
}
