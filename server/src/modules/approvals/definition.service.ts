import { isInScope } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { type ApprovalTypeRegistration, approvalTypes, findApprovalType } from './approval.registry.js';
import type { DefinitionInput, Person, ResolvedStep } from './approval.types.js';
import { ApprovalErrors } from './approvals.errors.js';
import { existingPositionIds, findRequester, type Requester, userStatuses } from './chain.repository.js';
import { resolveChain } from './chain.resolver.js';
import { findDefinition, insertDefinitionIfMissing, listDefinitions, upsertDefinition } from './definition.repository.js';
import { type LooseDefinition, normalizeDefinition, type Problem } from './definition.rules.js';

export function requireType(key: string): ApprovalTypeRegistration {
  const type = findApprovalType(key);
  if (!type) throw new AppError(ApprovalErrors.unknownType, { type: key }, { field: 'type' });
  return type;
}

function toDefinition(row: { name: string; tiers: DefinitionInput['tiers'] }): DefinitionInput {
  return { name: row.name, tiers: row.tiers };
}

/** The definition in force: the stored one, or the registered default when nobody stored one yet. */
async function definitionInForce(db: Executor, type: ApprovalTypeRegistration): Promise<DefinitionInput> {
  const row = await findDefinition(db, type.key);
  return row ? toDefinition(row) : type.defaultDefinition;
}

/** Same, storing the default on first use so that approvals can refer to their definition row. */
export async function storedDefinition(tx: Executor, type: ApprovalTypeRegistration): Promise<DefinitionInput> {
  await insertDefinitionIfMissing(tx, type.key, type.defaultDefinition);
  return definitionInForce(tx, type);
}

export function assertValidAmount(amount: number | null, field = 'amount'): void {
  if (amount !== null && (!Number.isSafeInteger(amount) || amount < 0))
    throw new AppError(ApprovalErrors.amountInvalid, { field }, { field });
}

export async function requireRequester(db: Executor, requesterId: number): Promise<Requester> {
  const requester = await findRequester(db, requesterId);
  if (requester?.status !== 'active') throw new AppError(ApprovalErrors.requesterInvalid, {}, { field: 'requesterId' });
  return requester;
}

/**
 * Problems only the database can see: positions and users the rules name must
 * exist, named users must be active. Read from the input as sent, so that each
 * path points at the step the editor shows.
 */
async function referenceProblems(db: Executor, input: LooseDefinition): Promise<Problem[]> {
  const positionRefs: { id: number; field: string }[] = [];
  const userRefs: { ids: number[]; field: string }[] = [];
  input.tiers.forEach((tier, t) => {
    tier.steps.forEach((step, s) => {
      const at = `tiers.${t}.steps.${s}.approvers`;
      const { kind, positionId, userIds } = step.approvers;
      if (kind === 'position' && positionId !== undefined) positionRefs.push({ id: positionId, field: `${at}.positionId` });
      if (kind === 'users' && userIds?.length) userRefs.push({ ids: userIds, field: `${at}.userIds` });
    });
  });
  const positions = await existingPositionIds(
    db,
    positionRefs.map((ref) => ref.id),
  );
  const statuses = await userStatuses(
    db,
    userRefs.flatMap((ref) => ref.ids),
  );
  const problems: Problem[] = positionRefs.filter((ref) => !positions.has(ref.id)).map((ref) => ({ field: ref.field, rule: 'notFound' }));
  for (const ref of userRefs) {
    if (ref.ids.some((id) => !statuses.has(id))) problems.push({ field: ref.field, rule: 'notFound' });
    else if (ref.ids.some((id) => statuses.get(id) !== 'active')) problems.push({ field: ref.field, rule: 'inactive' });
  }
  return problems;
}

async function validDefinition(db: Executor, input: LooseDefinition): Promise<DefinitionInput> {
  const { definition, problems } = normalizeDefinition(input);
  problems.push(...(await referenceProblems(db, input)));
  if (problems.length > 0) {
    throw new AppError(ApprovalErrors.definitionInvalid, { fields: problems.map((p) => p.field).join(', ') }, { fields: problems });
  }
  return definition;
}

export async function listApprovalTypes(db: Executor) {
  const types = approvalTypes();
  const stored = new Map(
    (
      await listDefinitions(
        db,
        types.map((type) => type.key),
      )
    ).map((row) => [row.type, row]),
  );
  return types.map((type) => {
    const row = stored.get(type.key);
    return {
      key: type.key,
      module: type.module,
      'zh-CN': type['zh-CN'],
      en: type.en,
      definition: row ? toDefinition(row) : type.defaultDefinition,
      isDefault: !row || row.updatedBy === null,
      updatedAt: row?.updatedBy ? row.updatedAt : null,
    };
  });
}

export async function setDefinition(ctx: ServiceContext, key: string, input: LooseDefinition): Promise<DefinitionInput> {
  const type = findApprovalType(key);
  if (!type) throw new AppError(PlatformErrors.notFound);
  return ctx.db.transaction(async (tx) => {
    const definition = await validDefinition(tx, input);
    const before = await findDefinition(tx, key);
    const after = await upsertDefinition(tx, key, definition, ctx.actor.userId);
    await writeAudit(tx, ctx.actor, { entity: 'approval_definition', entityId: key, action: 'update', before, after });
    return toDefinition(after);
  });
}

export interface ChainPreview {
  steps: { name: string; mode: ResolvedStep['mode']; approvers: Person[] }[];
  /** Steps of the definition that need nobody for this requester, and why. */
  skipped: { name: string; reason: NonNullable<ResolvedStep['skipped']> }[];
}

function describeChain(chain: ResolvedStep[]): ChainPreview {
  return {
    steps: chain.filter((step) => !step.skipped).map(({ name, mode, approvers }) => ({ name, mode, approvers })),
    skipped: chain.flatMap((step) => (step.skipped ? [{ name: step.name, reason: step.skipped }] : [])),
  };
}

/** Who would approve, without creating anything (contract: "the UI says who will approve"). */
export async function previewChain(
  db: Executor,
  input: { type: string; requesterId: number; amount: number | null },
): Promise<ChainPreview> {
  const type = requireType(input.type);
  assertValidAmount(input.amount);
  const requester = await requireRequester(db, input.requesterId);
  return describeChain(await resolveChain(db, await definitionInForce(db, type), requester, input.amount));
}

/** The preview route: only for requesters within the caller's data scope (others read as not found). */
export async function previewChainFor(
  ctx: Pick<ServiceContext, 'db' | 'principal'>,
  input: { type: string; requesterId: number; amount: number | null },
): Promise<ChainPreview> {
  const requester = await findRequester(ctx.db, input.requesterId);
  const visible =
    requester &&
    (requester.id === ctx.principal.userId ||
      isInScope(ctx.principal.scope, { ownerId: requester.id, geographyId: requester.geographyId }));
  if (!visible) throw new AppError(PlatformErrors.notFound);
  return previewChain(ctx.db, input);
}
