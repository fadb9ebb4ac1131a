import type { LadderLevel } from '../org/index.js';
import type { SkipReason, StepMode } from './approval.enums.js';

/** Who approves a step, relative to the requester or named outright. */
export type ApproverRule =
  | { kind: 'superior'; levels: number }
  | { kind: 'position'; positionId: number }
  | { kind: 'ladder'; ladder: LadderLevel }
  | { kind: 'users'; userIds: number[] }
  | { kind: 'departmentHead' }
  /** The approvers given with the request; with none given (or none still active), the requester's direct superior. */
  | { kind: 'requested' };

export interface StepInput {
  name: string;
  mode: StepMode;
  approvers: ApproverRule;
}

export interface DefinitionTier {
  /** Fen, inclusive; null = from 0. The tier with the highest minAmount ≤ amount is used. */
  minAmount: number | null;
  steps: StepInput[];
}

/** An approval definition as the registry, the editor API and the database hold it. */
export interface DefinitionInput {
  name: string;
  tiers: DefinitionTier[];
}

export interface Person {
  id: number;
  displayName: string;
}

/** One step of a chain resolved for a requester and amount; skipped steps stay in the chain so the timeline can name them. */
export interface ResolvedStep {
  name: string;
  mode: StepMode;
  approvers: Person[];
  skipped: SkipReason | null;
}
