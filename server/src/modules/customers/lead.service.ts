import { getTableName } from 'drizzle-orm';
import { hasPermission, type Principal } from '../../platform/access/principal.js';
import { isInScope } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { rateOf } from '../../platform/rates.js';
import { registerOwnedEntity } from '../org/index.js';
import type { AccountGrade, AccountKind, PartyType } from './account.enums.js';
import { geographyExists } from './account.repository.js';
import { maskMobile, seesContactDetails } from './account.rules.js';
import { createAccount, findVisibleAccount } from './account.service.js';
import { CustomerErrors } from './customers.errors.js';
import {
  type FollowUpKind,
  type LeadSource,
  type LeadStatus,
  leadSources,
  leadStatuses,
  leadStatusLabels,
  openLeadStatuses,
} from './lead.enums.js';
import { LeadErrors } from './lead.errors.js';
import { LeadPermissions } from './lead.permissions.js';
import {
  type FunnelFilter,
  findLead,
  findUserBrief,
  funnelCounts,
  insertFollowUp,
  insertLead,
  type LeadFilter,
  type LeadPage,
  type LeadRow,
  listFollowUps,
  listLeads,
  lockLeads,
  type NewLead,
  updateLeadRow,
} from './lead.repository.js';
import { leads } from './lead.schema.js';
import { findLeadTeamRow } from './lead-team.repository.js';

export const leadEntity = 'lead';

// ORG-6: a leaver's leads go to the successor with the rest of their work.
registerOwnedEntity({
  entity: leadEntity,
  table: getTableName(leads),
  ownerColumn: leads.ownerUserId.name,
  label: { 'zh-CN': '负责的线索', en: 'Leads owned' },
});

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

export interface LeadInput {
  name: string;
  company?: string | null;
  mobile?: string | null;
  source: LeadSource;
  campaign?: string | null;
  teamId?: number | null;
  /** Default: nobody (status new) when the caller assigns leads and still sees an unowned lead there; else the caller. */
  ownerUserId?: number | null;
  /** Default: the owner's geography, else the caller's. */
  geographyId?: number | null;
  province?: string | null;
  city?: string | null;
  notes?: string | null;
  nextFollowUpAt?: Date | null;
}

export type LeadChanges = Partial<Omit<LeadInput, 'ownerUserId'>>;

export interface FollowUpInput {
  kind: FollowUpKind;
  outcome?: string | null;
  note?: string | null;
  scheduledFor?: Date | null;
  at?: Date;
  nextFollowUpAt?: Date | null;
}

const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

function requiredText(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new AppError(CustomerErrors.nameBlank, { field }, { field });
  return trimmed;
}

/** Where a lead stands in the funnel; a follow-up only ever moves it forward. */
const stageRank = (status: LeadStatus) => leadStatuses.indexOf(status);

function assertOpen(lead: LeadRow): void {
  if (!openLeadStatuses.includes(lead.status)) {
    throw new AppError(LeadErrors.leadClosed, { status: leadStatusLabels[lead.status] }, { field: 'status' });
  }
}

function visible(principal: Principal, lead: Pick<LeadRow, 'ownerUserId' | 'geographyId'>): boolean {
  return isInScope(principal.scope, { ownerId: lead.ownerUserId, geographyId: lead.geographyId });
}

/** The locked leads of a change, all inside the caller's scope (else 404, ORG-4) and still open. */
export async function lockOpenLeads(tx: Executor, principal: Principal, ids: number[]): Promise<LeadRow[]> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const rows = await lockLeads(tx, unique);
  if (rows.length !== unique.length || rows.some((row) => !visible(principal, row))) throw new AppError(PlatformErrors.notFound);
  rows.forEach(assertOpen);
  return rows;
}

async function lockOpenLead(tx: Executor, principal: Principal, id: number): Promise<LeadRow> {
  return (await lockOpenLeads(tx, principal, [id]))[0] as LeadRow;
}

/** An assignee: active, and someone the caller's scope reaches (ORG-4). */
export async function assertAssignee(db: Executor, principal: Principal, userId: number, field: string) {
  const user = await findUserBrief(db, userId);
  if (user?.status !== 'active' || !isInScope(principal.scope, { ownerId: user.id, geographyId: user.geographyId })) {
    throw new AppError(LeadErrors.assigneeOutOfScope, { field }, { field });
  }
  return user;
}

async function assertReferences(db: Executor, input: { teamId?: number | null; geographyId?: number | null }): Promise<void> {
  if (input.teamId && !(await findLeadTeamRow(db, input.teamId))) {
    throw new AppError(CustomerErrors.referenceMissing, { field: 'teamId' }, { field: 'teamId' });
  }
  if (input.geographyId && !(await geographyExists(db, input.geographyId))) {
    throw new AppError(CustomerErrors.referenceMissing, { field: 'geographyId' }, { field: 'geographyId' });
  }
}

/** CMP-3, as for accounts: the phone number reads masked to anyone who reaches the lead only through geography or a custom scope. */
export function presentLead<T extends { ownerUserId: number | null; mobile: string | null }>(
  principal: Principal,
  lead: T,
): T & { masked: boolean } {
  if (seesContactDetails(principal.scope, principal.userId, lead.ownerUserId)) return { ...lead, masked: false };
  return { ...lead, mobile: maskMobile(lead.mobile), masked: true };
}

export async function getLead(ctx: ReadContext, id: number) {
  const lead = await findLead(ctx.db, ctx.principal.scope, id);
  if (!lead) throw new AppError(PlatformErrors.notFound);
  return { ...presentLead(ctx.principal, lead), followUps: await listFollowUps(ctx.db, id) };
}

export async function searchLeads(ctx: ReadContext, filter: LeadFilter, page: LeadPage) {
  const result = await listLeads(ctx.db, ctx.principal.scope, filter, page);
  return { ...result, items: result.items.map((item) => presentLead(ctx.principal, item)) };
}

/** Who owns a new lead: nobody only when the caller assigns leads and would still see it unowned, so no lead is lost from view. */
async function ownerOfNewLead(db: Executor, principal: Principal, input: LeadInput, geographyId: number | null) {
  const seesUnowned = principal.scope.all || (geographyId !== null && principal.scope.geographyIds.includes(geographyId));
  const assigns = hasPermission(principal, LeadPermissions['leads.assign']);
  if (input.ownerUserId === undefined) return assigns && seesUnowned ? null : principal.userId;
  if (input.ownerUserId === principal.userId) return principal.userId;
  if (!assigns) {
    throw new AppError(PlatformErrors.forbidden, { permission: LeadPermissions['leads.assign'] }, { field: 'ownerUserId' });
  }
  if (input.ownerUserId === null) {
    if (!seesUnowned) throw new AppError(LeadErrors.assigneeOutOfScope, { field: 'ownerUserId' }, { field: 'ownerUserId' });
    return null;
  }
  return (await assertAssignee(db, principal, input.ownerUserId, 'ownerUserId')).id;
}

/** CUS-7: records a lead from any source; owned leads start as assigned, unowned ones as new. */
export async function createLead(ctx: ServiceContext, input: LeadInput) {
  const name = requiredText(input.name, 'name');
  const id = await ctx.db.transaction(async (tx) => {
    await assertReferences(tx, input);
    const ownerUserId = await ownerOfNewLead(tx, ctx.principal, input, input.geographyId ?? null);
    const owner = ownerUserId === null ? null : await findUserBrief(tx, ownerUserId);
    const values: NewLead = {
      name,
      company: blankToNull(input.company) ?? null,
      mobile: blankToNull(input.mobile) ?? null,
      source: input.source,
      campaign: blankToNull(input.campaign) ?? null,
      teamId: input.teamId ?? null,
      status: ownerUserId === null ? 'new' : 'assigned',
      ownerUserId,
      geographyId: input.geographyId ?? owner?.geographyId ?? ctx.principal.geographyId,
      province: blankToNull(input.province) ?? null,
      city: blankToNull(input.city) ?? null,
      notes: blankToNull(input.notes) ?? null,
      nextFollowUpAt: input.nextFollowUpAt ?? null,
      createdBy: ctx.principal.userId,
    };
    const created = await insertLead(tx, values);
    await writeAudit(tx, ctx.actor, { entity: leadEntity, entityId: created.id, action: 'create', after: created });
    return created.id;
  });
  return getLead(ctx, id);
}

export async function updateLead(ctx: ServiceContext, id: number, input: LeadChanges) {
  const name = input.name === undefined ? undefined : requiredText(input.name, 'name');
  await ctx.db.transaction(async (tx) => {
    const before = await lockOpenLead(tx, ctx.principal, id);
    await assertReferences(tx, input);
    const after = await updateLeadRow(tx, id, {
      name,
      company: blankToNull(input.company),
      mobile: blankToNull(input.mobile),
      source: input.source,
      campaign: blankToNull(input.campaign),
      teamId: input.teamId,
      geographyId: input.geographyId,
      province: blankToNull(input.province),
      city: blankToNull(input.city),
      notes: blankToNull(input.notes),
      nextFollowUpAt: input.nextFollowUpAt,
    });
    await writeAudit(tx, ctx.actor, { entity: leadEntity, entityId: id, action: 'update', before, after });
  });
  return getLead(ctx, id);
}

/** Allowance for a phone's clock running ahead of the server's. */
const clockSkewMs = 5 * 60 * 1000;

/**
 * CUS-7 follow-up: a call, visit, message or appointment by the caller. The
 * lead moves forward (following, or appointed for an appointment), never
 * back; an appointment sets the next follow-up to its time.
 */
export async function addFollowUp(ctx: ServiceContext, id: number, input: FollowUpInput) {
  const at = input.at ?? new Date();
  if (at.getTime() > Date.now() + clockSkewMs) throw new AppError(LeadErrors.followUpInFuture, { field: 'at' }, { field: 'at' });
  if (input.kind === 'appointment' && !input.scheduledFor) {
    throw new AppError(LeadErrors.appointmentTimeRequired, { field: 'scheduledFor' }, { field: 'scheduledFor' });
  }
  if (input.kind !== 'appointment' && input.scheduledFor) {
    throw new AppError(LeadErrors.scheduledOnlyForAppointments, { field: 'scheduledFor' }, { field: 'scheduledFor' });
  }
  await ctx.db.transaction(async (tx) => {
    const before = await lockOpenLead(tx, ctx.principal, id);
    if (before.ownerUserId === null) throw new AppError(LeadErrors.leadUnassigned, {}, { field: 'ownerUserId' });
    const followUp = await insertFollowUp(tx, {
      leadId: id,
      userId: ctx.principal.userId,
      kind: input.kind,
      outcome: blankToNull(input.outcome) ?? null,
      note: blankToNull(input.note) ?? null,
      scheduledFor: input.scheduledFor ?? null,
      at,
    });
    const reached: LeadStatus = input.kind === 'appointment' ? 'appointed' : 'following';
    const status = stageRank(reached) > stageRank(before.status) ? reached : before.status;
    const nextFollowUpAt = input.nextFollowUpAt !== undefined ? input.nextFollowUpAt : (input.scheduledFor ?? before.nextFollowUpAt);
    const after = await updateLeadRow(tx, id, { status, nextFollowUpAt });
    await writeAudit(tx, ctx.actor, { entity: leadEntity, entityId: id, action: 'follow-up', before, after: { ...after, followUp } });
  });
  return getLead(ctx, id);
}

export async function markLeadLost(ctx: ServiceContext, id: number, reason: string) {
  const lostReason = requiredText(reason, 'reason');
  await ctx.db.transaction(async (tx) => {
    const before = await lockOpenLead(tx, ctx.principal, id);
    const after = await updateLeadRow(tx, id, { status: 'lost', lostReason, nextFollowUpAt: null });
    await writeAudit(tx, ctx.actor, { entity: leadEntity, entityId: id, action: 'lost', before, after });
  });
  return getLead(ctx, id);
}

export interface ConversionInput {
  kind: AccountKind;
  name?: string;
  partyType?: PartyType;
  creditCode?: string | null;
  mobile?: string | null;
  grade?: AccountGrade | null;
  address?: string | null;
  tags?: string[];
}

async function closeAsConverted(tx: Tx, ctx: ServiceContext, before: LeadRow, accountId: number, action: 'convert' | 'link') {
  const after = await updateLeadRow(tx, before.id, {
    status: 'converted',
    convertedAccountId: accountId,
    convertedAt: new Date(),
    nextFollowUpAt: null,
  });
  await writeAudit(tx, ctx.actor, { entity: leadEntity, entityId: before.id, action, before, after });
}

/**
 * CUS-7 conversion through the customers' own createAccount, so duplicate
 * protection (CUS-2) applies: a duplicate answers 409 naming the existing
 * account, nothing changes, and the caller may link the lead to that account
 * instead. The lead's owner owns the new account; the lead's person becomes
 * its first contact when the lead names a company.
 */
export async function convertLead(ctx: ServiceContext, id: number, input: ConversionInput) {
  const accountId = await ctx.db.transaction(async (tx) => {
    const lead = await lockOpenLead(tx, ctx.principal, id);
    const company = lead.company ?? null;
    const account = await createAccount(
      { ...ctx, db: tx },
      {
        name: input.name ?? company ?? lead.name,
        kind: input.kind,
        partyType: input.partyType ?? (company ? 'company' : 'person'),
        creditCode: input.creditCode ?? null,
        mobile: input.mobile !== undefined ? input.mobile : lead.mobile,
        grade: input.grade ?? null,
        ownerUserId: lead.ownerUserId ?? ctx.principal.userId,
        geographyId: lead.geographyId,
        province: lead.province,
        city: lead.city,
        address: input.address ?? null,
        source: lead.source,
        tags: input.tags,
        contacts: company ? [{ name: lead.name, mobile: lead.mobile, isPrimary: true }] : [],
      },
    );
    await closeAsConverted(tx, ctx, lead, account.id, 'convert');
    return account.id;
  });
  return { lead: await getLead(ctx, id), accountId };
}

/** After a duplicate answer: the lead is closed as converted into the existing account, if the caller may see that account. */
export async function linkLeadToAccount(ctx: ServiceContext, id: number, accountId: number) {
  await ctx.db.transaction(async (tx) => {
    const lead = await lockOpenLead(tx, ctx.principal, id);
    const account = await findVisibleAccount(tx, ctx.principal, accountId);
    if (!account) throw new AppError(PlatformErrors.notFound, {}, { field: 'accountId' });
    await closeAsConverted(tx, ctx, lead, account.id, 'link');
  });
  return getLead(ctx, id);
}

/** The funnel shows 0 % rather than nothing for a source without leads. */
const rate = (part: number, whole: number) => rateOf(part, whole) ?? 0;

/** CUS-7 funnel (RPT-2): leads created in the period within scope, by current status, and conversion rates per source. */
export async function leadFunnel(ctx: ReadContext, filter: FunnelFilter) {
  const rows = await funnelCounts(ctx.db, ctx.principal.scope, filter);
  const byStatus = Object.fromEntries(leadStatuses.map((s) => [s, 0])) as Record<LeadStatus, number>;
  const sources = new Map(leadSources.map((source) => [source, { source, total: 0, converted: 0, lost: 0 }]));
  for (const row of rows) {
    byStatus[row.status] += row.n;
    const entry = sources.get(row.source);
    if (!entry) continue;
    entry.total += row.n;
    if (row.status === 'converted') entry.converted += row.n;
    if (row.status === 'lost') entry.lost += row.n;
  }
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    total,
    byStatus,
    conversionRate: rate(byStatus.converted, total),
    bySource: [...sources.values()].map((s) => ({ ...s, conversionRate: rate(s.converted, s.total) })),
  };
}
