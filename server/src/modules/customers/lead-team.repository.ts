import { and, asc, count, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import type { LeadTeamStatus } from './lead.enums.js';
import { leadScopeColumns } from './lead.repository.js';
import { leads, leadTeams } from './lead.schema.js';

export type LeadTeamRow = typeof leadTeams.$inferSelect;
export type NewLeadTeam = typeof leadTeams.$inferInsert;

export async function findLeadTeamRow(db: Executor, id: number): Promise<LeadTeamRow | null> {
  const [row] = await db.select().from(leadTeams).where(eq(leadTeams.id, id));
  return row ?? null;
}

export async function lockLeadTeam(db: Executor, id: number): Promise<LeadTeamRow | null> {
  const [row] = await db.select().from(leadTeams).where(eq(leadTeams.id, id)).for('update');
  return row ?? null;
}

export async function teamNameTaken(db: Executor, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: leadTeams.id })
    .from(leadTeams)
    .where(and(sql`lower(${leadTeams.name}) = ${name.toLowerCase()}`, exceptId ? ne(leadTeams.id, exceptId) : undefined));
  return Boolean(row);
}

export async function insertLeadTeam(db: Executor, values: NewLeadTeam): Promise<LeadTeamRow> {
  const [row] = await db.insert(leadTeams).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateLeadTeamRow(db: Executor, id: number, values: Partial<NewLeadTeam>): Promise<LeadTeamRow> {
  const [row] = await db
    .update(leadTeams)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(leadTeams.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/**
 * CUS-7: the outsourced teams with their results, counted in SQL over the
 * leads the reader may see (ORG-4): created, still open, converted and lost.
 */
export async function listLeadTeams(
  db: Executor,
  scope: DataScope,
  filter: { status?: LeadTeamStatus; id?: number },
  page: { limit: number; offset: number },
  today: string,
) {
  const results = db
    .select({
      teamId: leads.teamId,
      created: count().as('created'),
      converted: sql<number>`count(*) FILTER (WHERE ${leads.status} = 'converted')`.mapWith(Number).as('converted'),
      lost: sql<number>`count(*) FILTER (WHERE ${leads.status} = 'lost')`.mapWith(Number).as('lost'),
    })
    .from(leads)
    .where(and(sql`${leads.teamId} IS NOT NULL`, scopeCondition(scope, leadScopeColumns)))
    .groupBy(leads.teamId)
    .as('results');
  const conditions: (SQL | undefined)[] = [];
  if (filter.status) conditions.push(eq(leadTeams.status, filter.status));
  if (filter.id) conditions.push(eq(leadTeams.id, filter.id));
  const where = and(...conditions);
  const items = await db
    .select({
      id: leadTeams.id,
      name: leadTeams.name,
      vendor: leadTeams.vendor,
      contact: leadTeams.contact,
      phone: leadTeams.phone,
      contractStart: leadTeams.contractStart,
      contractEnd: leadTeams.contractEnd,
      status: leadTeams.status,
      note: leadTeams.note,
      underContract: sql<boolean>`(${leadTeams.status} = 'active' AND ${today}::date BETWEEN ${leadTeams.contractStart} AND ${leadTeams.contractEnd})`,
      leadsCreated: sql<number>`COALESCE(${results.created}, 0)`.mapWith(Number),
      leadsConverted: sql<number>`COALESCE(${results.converted}, 0)`.mapWith(Number),
      leadsLost: sql<number>`COALESCE(${results.lost}, 0)`.mapWith(Number),
      createdAt: leadTeams.createdAt,
      updatedAt: leadTeams.updatedAt,
    })
    .from(leadTeams)
    .leftJoin(results, eq(results.teamId, leadTeams.id))
    .where(where)
    .orderBy(asc(leadTeams.name), asc(leadTeams.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(leadTeams).where(where);
  return { items, total: total?.n ?? 0 };
}
