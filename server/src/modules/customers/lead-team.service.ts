import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { shanghaiDate } from '../../platform/time.js';
import { CustomerErrors } from './customers.errors.js';
import type { LeadTeamStatus } from './lead.enums.js';
import { LeadErrors } from './lead.errors.js';
import { insertLeadTeam, listLeadTeams, lockLeadTeam, teamNameTaken, updateLeadTeamRow } from './lead-team.repository.js';

export const leadTeamEntity = 'lead_team';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

export interface LeadTeamInput {
  name: string;
  vendor: string;
  contact?: string | null;
  phone?: string | null;
  contractStart: string;
  contractEnd: string;
  status?: LeadTeamStatus;
  note?: string | null;
}

const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

function requiredText(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) throw new AppError(CustomerErrors.nameBlank, { field }, { field });
  return trimmed;
}

function assertContract(start: string, end: string): void {
  if (end < start) throw new AppError(LeadErrors.contractDates, {}, { field: 'contractEnd' });
}

async function assertNameFree(db: Executor, name: string | undefined, exceptId?: number): Promise<void> {
  if (name && (await teamNameTaken(db, name, exceptId))) throw new AppError(LeadErrors.teamNameTaken, { name }, { field: 'name' });
}

export function searchLeadTeams(ctx: ReadContext, filter: { status?: LeadTeamStatus }, page: { limit: number; offset: number }) {
  return listLeadTeams(ctx.db, ctx.principal.scope, filter, page, shanghaiDate(new Date()));
}

export async function getLeadTeam(ctx: ReadContext, id: number) {
  const { items } = await listLeadTeams(ctx.db, ctx.principal.scope, { id }, { limit: 1, offset: 0 }, shanghaiDate(new Date()));
  const [team] = items;
  if (!team) throw new AppError(PlatformErrors.notFound);
  return team;
}

export async function createLeadTeam(ctx: ServiceContext, input: LeadTeamInput) {
  const name = requiredText(input.name, 'name') as string;
  const vendor = requiredText(input.vendor, 'vendor') as string;
  assertContract(input.contractStart, input.contractEnd);
  const id = await ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, name);
    const created = await insertLeadTeam(tx, {
      name,
      vendor,
      contact: blankToNull(input.contact) ?? null,
      phone: blankToNull(input.phone) ?? null,
      contractStart: input.contractStart,
      contractEnd: input.contractEnd,
      status: input.status ?? 'active',
      note: blankToNull(input.note) ?? null,
    });
    await writeAudit(tx, ctx.actor, { entity: leadTeamEntity, entityId: created.id, action: 'create', after: created });
    return created.id;
  });
  return getLeadTeam(ctx, id);
}

export async function updateLeadTeam(ctx: ServiceContext, id: number, input: Partial<LeadTeamInput>) {
  const name = requiredText(input.name, 'name');
  const vendor = requiredText(input.vendor, 'vendor');
  await ctx.db.transaction(async (tx) => {
    const before = await lockLeadTeam(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    assertContract(input.contractStart ?? before.contractStart, input.contractEnd ?? before.contractEnd);
    await assertNameFree(tx, name, id);
    const after = await updateLeadTeamRow(tx, id, {
      name,
      vendor,
      contact: blankToNull(input.contact),
      phone: blankToNull(input.phone),
      contractStart: input.contractStart,
      contractEnd: input.contractEnd,
      status: input.status,
      note: blankToNull(input.note),
    });
    await writeAudit(tx, ctx.actor, { entity: leadTeamEntity, entityId: id, action: 'update', before, after });
  });
  return getLeadTeam(ctx, id);
}
