import { type LadderLevel, positions } from '../org/index.js';
import { type ApproverKind, approverKinds, type StepMode, stepModes } from './approval.enums.js';
import type { ApproverRule, DefinitionInput, DefinitionTier, StepInput } from './approval.types.js';

export const ladderLevels = positions.ladder.enumValues;
export const maxSuperiorLevels = 10;

/** The editor's shape before the kind-specific fields are checked: every approver field optional. */
interface LooseApprovers {
  kind: ApproverKind;
  levels?: number;
  positionId?: number;
  ladder?: LadderLevel;
  userIds?: number[];
}
export interface LooseDefinition {
  name: string;
  tiers: { minAmount: number | null; steps: { name: string; mode: StepMode; approvers: LooseApprovers }[] }[];
}

/** One bad part of a definition, named by its path in the input (e.g. tiers.1.steps.0.approvers.positionId). */
export interface Problem {
  field: string;
  rule: 'required' | 'order' | 'firstTier' | 'range' | 'enum' | 'unique' | 'notFound' | 'inactive';
}

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function approverRule(input: LooseApprovers, at: string, problems: Problem[]): ApproverRule | null {
  const field = (name: string) => `${at}.${name}`;
  switch (input.kind) {
    case 'superior': {
      const levels = input.levels;
      if (levels === undefined) problems.push({ field: field('levels'), rule: 'required' });
      else if (!Number.isInteger(levels) || levels < 1 || levels > maxSuperiorLevels)
        problems.push({ field: field('levels'), rule: 'range' });
      else return { kind: 'superior', levels };
      return null;
    }
    case 'position':
      if (isId(input.positionId)) return { kind: 'position', positionId: input.positionId };
      problems.push({ field: field('positionId'), rule: 'required' });
      return null;
    case 'ladder':
      if (input.ladder && ladderLevels.includes(input.ladder)) return { kind: 'ladder', ladder: input.ladder };
      problems.push({ field: field('ladder'), rule: input.ladder === undefined ? 'required' : 'enum' });
      return null;
    case 'users': {
      const ids = input.userIds ?? [];
      if (ids.length === 0 || !ids.every(isId)) problems.push({ field: field('userIds'), rule: 'required' });
      else if (new Set(ids).size !== ids.length) problems.push({ field: field('userIds'), rule: 'unique' });
      else return { kind: 'users', userIds: [...ids] };
      return null;
    }
    case 'departmentHead':
      return { kind: 'departmentHead' };
    case 'requested':
      return { kind: 'requested' };
    default:
      problems.push({ field: field('kind'), rule: 'enum' });
      return null;
  }
}

/**
 * Checks everything that needs no database: names, tier order (the first
 * from 0, then strictly rising), at least one step per tier, the fields each
 * approver kind needs. Returns the definition with only the relevant fields.
 */
export function normalizeDefinition(input: LooseDefinition): { definition: DefinitionInput; problems: Problem[] } {
  const problems: Problem[] = [];
  if (blank(input.name)) problems.push({ field: 'name', rule: 'required' });
  if (!Array.isArray(input.tiers) || input.tiers.length === 0) problems.push({ field: 'tiers', rule: 'required' });
  const tiers: DefinitionTier[] = (input.tiers ?? []).map((tier, t) => {
    const at = `tiers.${t}`;
    const previous = t > 0 ? input.tiers[t - 1]?.minAmount : null;
    if (tier.minAmount !== null && (!Number.isSafeInteger(tier.minAmount) || tier.minAmount < 0)) {
      problems.push({ field: `${at}.minAmount`, rule: 'range' });
    } else if (t === 0 && tier.minAmount !== null && tier.minAmount !== 0) {
      problems.push({ field: `${at}.minAmount`, rule: 'firstTier' });
    } else if (t > 0 && (tier.minAmount === null || tier.minAmount <= (previous ?? 0))) {
      problems.push({ field: `${at}.minAmount`, rule: 'order' });
    }
    if (!Array.isArray(tier.steps) || tier.steps.length === 0) problems.push({ field: `${at}.steps`, rule: 'required' });
    const steps: StepInput[] = [];
    (tier.steps ?? []).forEach((step, s) => {
      const stepAt = `${at}.steps.${s}`;
      if (blank(step.name)) problems.push({ field: `${stepAt}.name`, rule: 'required' });
      if (!stepModes.includes(step.mode)) problems.push({ field: `${stepAt}.mode`, rule: 'enum' });
      if (!step.approvers || !approverKinds.includes(step.approvers.kind)) {
        problems.push({ field: `${stepAt}.approvers.kind`, rule: 'enum' });
        return;
      }
      const approvers = approverRule(step.approvers, `${stepAt}.approvers`, problems);
      if (approvers) steps.push({ name: step.name.trim(), mode: step.mode, approvers });
    });
    return { minAmount: tier.minAmount, steps };
  });
  return { definition: { name: (input.name ?? '').trim(), tiers }, problems };
}

/** The tier for an amount: the one with the highest minAmount ≤ amount; without an amount, the first. */
export function pickTier(definition: DefinitionInput, amount: number | null): DefinitionTier {
  const [first] = definition.tiers;
  if (!first) throw new Error(`definition ${definition.name} has no tiers`);
  if (amount === null) return first;
  let chosen = first;
  for (const tier of definition.tiers) if ((tier.minAmount ?? 0) <= amount) chosen = tier;
  return chosen;
}
