import { and, asc, count, desc, eq, gt, gte, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { addDays, startOfShanghaiDay } from '../../platform/time.js';
import { geographies, users } from '../org/index.js';
import { geographySubtree } from './account.repository.js';
import { accounts } from './account.schema.js';
import { type LeadSource, type LeadStatus, openLeadStatuses } from './lead.enums.js';
import { leadFollowUps, leads, leadTeams } from './lead.schema.js';

export type LeadRow = typeof leads.$inferSelect;
export type NewLead = typeof leads.$inferInsert;

/** ORG-4 for leads: the assignee, and the lead's geography. */
export const leadScopeColumns = { owner: leads.ownerUserId, geography: leads.geographyId };

const creator = alias(users, 'lead_creator');

export const leadView = {
  id: leads.id,
  name: leads.name,
  company: leads.company,
  mobile: leads.mobile,
  source: leads.source,
  campaign: leads.campaign,
  teamId: leads.teamId,
  teamName: leadTeams.name,
  status: leads.status,
  ownerUserId: leads.ownerUserId,
  ownerName: users.displayName,
  geographyId: leads.geographyId,
  geographyName: geographies.name,
  province: leads.province,
  city: leads.city,
  notes: leads.notes,
  lostReason: leads.lostReason,
  convertedAccountId: leads.convertedAccountId,
  convertedAccountCode: accounts.code,
  convertedAt: leads.convertedAt,
  nextFollowUpAt: leads.nextFollowUpAt,
  createdBy: leads.createdBy,
  createdByName: creator.displayName,
  createdAt: leads.createdAt,
  updatedAt: leads.updatedAt,
};

function selectLeads(db: Executor) {
  return db
    .select(leadView)
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerUserId))
    .leftJoin(creator, eq(creator.id, leads.createdBy))
    .leftJoin(geographies, eq(geographies.id, leads.geographyId))
    .leftJoin(leadTeams, eq(leadTeams.id, leads.teamId))
    .leftJoin(accounts, eq(accounts.id, leads.convertedAccountId));
}

export type LeadView = Awaited<ReturnType<typeof selectLeads>>[number];

export interface LeadFilter {
  q?: string;
  status?: LeadStatus;
  source?: LeadSource;
  ownerUserId?: number;
  /** Only leads nobody has been assigned yet. */
  unassigned?: boolean;
  teamId?: number;
  /** The geography and everything below it. */
  geographyId?: number;
  /** Shanghai calendar days, inclusive. */
  createdFrom?: string;
  createdTo?: string;
  /** Open leads whose next follow-up is due before this instant. */
  dueBefore?: Date;
}

export const leadSortColumns = {
  createdAt: leads.createdAt,
  updatedAt: leads.updatedAt,
  nextFollowUpAt: leads.nextFollowUpAt,
  name: leads.name,
  status: leads.status,
} as const;
export type LeadSort = keyof typeof leadSortColumns;

export interface LeadPage {
  limit: number;
  offset: number;
  sort: LeadSort;
  order: 'asc' | 'desc';
}

/** A Shanghai day range as instants: [start of from, start of the day after to). */
function createdBetween(from: string | undefined, to: string | undefined): SQL[] {
  const parts: SQL[] = [];
  if (from) parts.push(gte(leads.createdAt, startOfShanghaiDay(from)));
  if (to) parts.push(lt(leads.createdAt, startOfShanghaiDay(addDays(to, 1))));
  return parts;
}

/** The list's WHERE: the data scope first, then each filter; the export pages through exactly this. */
export function leadConditions(scope: DataScope, filter: LeadFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [scopeCondition(scope, leadScopeColumns)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(
      or(ilike(leads.name, pattern), ilike(leads.company, pattern), ilike(leads.mobile, pattern), ilike(leads.campaign, pattern)),
    );
  }
  if (filter.status) conditions.push(eq(leads.status, filter.status));
  if (filter.source) conditions.push(eq(leads.source, filter.source));
  if (filter.ownerUserId) conditions.push(eq(leads.ownerUserId, filter.ownerUserId));
  if (filter.unassigned) conditions.push(isNull(leads.ownerUserId));
  if (filter.teamId) conditions.push(eq(leads.teamId, filter.teamId));
  if (filter.geographyId) conditions.push(sql`${leads.geographyId} IN ${geographySubtree(filter.geographyId)}`);
  conditions.push(...createdBetween(filter.createdFrom, filter.createdTo));
  if (filter.dueBefore) {
    conditions.push(lt(leads.nextFollowUpAt, filter.dueBefore), inArray(leads.status, [...openLeadStatuses]));
  }
  return and(...conditions);
}

export async function listLeads(db: Executor, scope: DataScope, filter: LeadFilter, page: LeadPage) {
  const where = leadConditions(scope, filter);
  const direction = page.order === 'desc' ? desc : asc;
  const items = await selectLeads(db)
    .where(where)
    .orderBy(sql`${direction(leadSortColumns[page.sort])} NULLS LAST`, direction(leads.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(leads).where(where);
  return { items, total: total?.n ?? 0 };
}

/** RPT-3: the same scoped, filtered list in pages by id (keyset), so an export of any size reads a page at a time. */
export async function* leadPages(db: Executor, scope: DataScope, filter: LeadFilter, pageSize = 1000): AsyncGenerator<LeadView[]> {
  const where = leadConditions(scope, filter);
  let after = 0;
  for (;;) {
    const page = await selectLeads(db)
      .where(and(where, gt(leads.id, after)))
      .orderBy(asc(leads.id))
      .limit(pageSize);
    if (page.length === 0) return;
    yield page;
    after = (page.at(-1) as LeadView).id;
    if (page.length < pageSize) return;
  }
}

/** One lead, or null when missing or outside the scope (the caller answers 404 either way). */
export async function findLead(db: Executor, scope: DataScope, id: number): Promise<LeadView | null> {
  const [row] = await selectLeads(db).where(and(eq(leads.id, id), scopeCondition(scope, leadScopeColumns)));
  return row ?? null;
}

/** The lead rows locked in id order for a change, so concurrent changes of one lead run one after the other. */
export async function lockLeads(db: Executor, ids: number[]): Promise<LeadRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(leads).where(inArray(leads.id, ids)).orderBy(asc(leads.id)).for('update');
}

export async function insertLead(db: Executor, values: NewLead): Promise<LeadRow> {
  const [row] = await db.insert(leads).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateLeadRow(db: Executor, id: number, values: Partial<NewLead>): Promise<LeadRow> {
  const [row] = await db
    .update(leads)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(leads.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export type NewFollowUp = typeof leadFollowUps.$inferInsert;

export async function insertFollowUp(db: Executor, values: NewFollowUp) {
  const [row] = await db.insert(leadFollowUps).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function listFollowUps(db: Executor, leadId: number) {
  return db
    .select({
      id: leadFollowUps.id,
      userId: leadFollowUps.userId,
      userName: users.displayName,
      kind: leadFollowUps.kind,
      outcome: leadFollowUps.outcome,
      note: leadFollowUps.note,
      scheduledFor: leadFollowUps.scheduledFor,
      at: leadFollowUps.at,
    })
    .from(leadFollowUps)
    .innerJoin(users, eq(users.id, leadFollowUps.userId))
    .where(eq(leadFollowUps.leadId, leadId))
    .orderBy(desc(leadFollowUps.at), desc(leadFollowUps.id));
}

export interface FunnelFilter {
  from?: string;
  to?: string;
  geographyId?: number;
}

/** CUS-7 funnel: leads created in the period, counted per source and current status, in one query. */
export async function funnelCounts(db: Executor, scope: DataScope, filter: FunnelFilter) {
  return db
    .select({ source: leads.source, status: leads.status, n: count() })
    .from(leads)
    .where(leadConditions(scope, { createdFrom: filter.from, createdTo: filter.to, geographyId: filter.geographyId }))
    .groupBy(leads.source, leads.status);
}

export async function findUserBrief(db: Executor, id: number) {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName, status: users.status, geographyId: users.geographyId })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}
