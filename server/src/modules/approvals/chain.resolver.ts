import type { Executor } from '../../platform/db/database.js';
import type { ApproverRule, DefinitionInput, Person, ResolvedStep, StepInput } from './approval.types.js';
import {
  findDepartmentHead,
  listActiveUsers,
  listPositionHolders,
  listSuperiorLevels,
  type Requester,
  type SuperiorLevel,
} from './chain.repository.js';
import { pickTier } from './definition.rules.js';

/** What the rules need to know about the requester's place in the organisation, read at most once per resolution. */
class RequesterContext {
  #superiors: Promise<SuperiorLevel[]> | null = null;
  constructor(
    readonly db: Executor,
    readonly requester: Requester,
    /** The users the filing module named for 'requested' steps, in order. */
    readonly requestedApproverIds: readonly number[],
  ) {}

  /** Occupied positions above the requester, nearest first: a vacancy is passed over, so it never lets a request through unseen. */
  async occupiedSuperiors(): Promise<SuperiorLevel[]> {
    const positionId = this.requester.positionId;
    if (positionId === null) return [];
    this.#superiors ??= listSuperiorLevels(this.db, positionId);
    return (await this.#superiors).filter((level) => level.holders.length > 0);
  }
}

/** The approvers a rule names, as groups: each group is one sequential step (one superior level, one named user). */
async function approverGroups(context: RequesterContext, rule: ApproverRule): Promise<Person[][]> {
  switch (rule.kind) {
    case 'superior':
      return (await context.occupiedSuperiors()).slice(0, rule.levels).map((level) => level.holders);
    case 'ladder': {
      const level = (await context.occupiedSuperiors()).find((l) => l.ladder === rule.ladder);
      return level ? [level.holders] : [];
    }
    case 'position':
      return [await listPositionHolders(context.db, rule.positionId)];
    case 'users':
      return (await listActiveUsers(context.db, rule.userIds)).map((person) => [person]);
    case 'departmentHead': {
      const departmentId = context.requester.departmentId;
      const head = departmentId === null ? null : await findDepartmentHead(context.db, departmentId);
      return head ? [[head]] : [];
    }
    case 'requested': {
      // A module that names nobody must not let its request through unseen: the direct superior decides instead.
      const named = await listActiveUsers(context.db, [...context.requestedApproverIds]);
      if (named.length > 0) return named.map((person) => [person]);
      return (await context.occupiedSuperiors()).slice(0, 1).map((level) => level.holders);
    }
  }
}

function unique(people: Person[]): Person[] {
  const seen = new Set<number>();
  return people.filter((person) => !seen.has(person.id) && seen.add(person.id));
}

/** A step never asks the requester to approve their own request; with nobody left it is skipped. */
function finishStep(step: StepInput, people: Person[], requesterId: number): ResolvedStep {
  const approvers = unique(people).filter((person) => person.id !== requesterId);
  const skipped = approvers.length > 0 ? null : people.some((person) => person.id === requesterId) ? 'requester' : 'empty';
  return { name: step.name, mode: step.mode, approvers, skipped };
}

async function resolveStep(context: RequesterContext, step: StepInput): Promise<ResolvedStep[]> {
  const groups = await approverGroups(context, step.approvers);
  const requesterId = context.requester.id;
  if (step.mode === 'sequential' && groups.length > 0) return groups.map((group) => finishStep(step, group, requesterId));
  return [finishStep(step, groups.flat(), requesterId)];
}

/** The same single person twice in a row decides once: the later step collapses into the earlier. */
function collapseRepeats(steps: ResolvedStep[]): ResolvedStep[] {
  let previous: ResolvedStep | null = null;
  return steps.map((step) => {
    if (step.skipped) return step;
    const repeats = previous?.approvers.length === 1 && step.approvers.length === 1 && previous.approvers[0]?.id === step.approvers[0]?.id;
    previous = step;
    return repeats ? { ...step, skipped: 'duplicate' as const } : step;
  });
}

/**
 * Resolves a definition for one requester and amount into the steps of the
 * chain, skipped ones included; requestedApproverIds fill the 'requested' steps.
 */
export async function resolveChain(
  db: Executor,
  definition: DefinitionInput,
  requester: Requester,
  amount: number | null,
  requestedApproverIds: readonly number[] = [],
): Promise<ResolvedStep[]> {
  const context = new RequesterContext(db, requester, requestedApproverIds);
  const steps: ResolvedStep[] = [];
  for (const step of pickTier(definition, amount).steps) steps.push(...(await resolveStep(context, step)));
  return collapseRepeats(steps);
}
