import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { ApiError } from '../../../api/client';
import type { ApprovalDefinition } from '../../../api/types';
import { yuanToFen } from '../../../components/format';
import { fenToYuan } from '../../../components/MoneyInput';

type WireStep = ApprovalDefinition['tiers'][number]['steps'][number];
export type StepMode = WireStep['mode'];
export type ApproverValues = WireStep['approvers'];
export type ApproverKind = ApproverValues['kind'];

export const stepModes: readonly StepMode[] = ['sequential', 'countersign', 'any'];
export const approverKinds: readonly ApproverKind[] = ['superior', 'position', 'ladder', 'users', 'departmentHead', 'requested'];

export interface StepValues {
  name: string;
  mode: StepMode;
  approvers: ApproverValues;
}

export interface TierValues {
  /** Yuan as typed; the first tier always starts at 0. */
  minAmount: number | null;
  steps: StepValues[];
}

export interface DefinitionValues {
  name: string;
  tiers: TierValues[];
}

export const newStep: StepValues = { name: '', mode: 'sequential', approvers: { kind: 'superior', levels: 1 } };

export function toValues(definition: ApprovalDefinition): DefinitionValues {
  return {
    name: definition.name,
    tiers: definition.tiers.map((tier) => ({ minAmount: fenToYuan(tier.minAmount), steps: tier.steps })),
  };
}

/** Only the field the chosen kind needs: the form keeps the others while someone switches back and forth. */
function approversOf(approvers: ApproverValues): ApproverValues {
  const { kind } = approvers;
  switch (kind) {
    case 'superior':
      return { kind, levels: approvers.levels };
    case 'position':
      return { kind, positionId: approvers.positionId };
    case 'ladder':
      return { kind, ladder: approvers.ladder };
    case 'users':
      return { kind, userIds: approvers.userIds ?? [] };
    case 'departmentHead':
    case 'requested':
      return { kind };
  }
}

export function toDefinition(values: DefinitionValues): ApprovalDefinition {
  return {
    name: values.name.trim(),
    tiers: values.tiers.map((tier, index) => ({
      minAmount: index === 0 || tier.minAmount === null || tier.minAmount === undefined ? null : yuanToFen(tier.minAmount),
      steps: (tier.steps ?? []).map((step) => ({ name: step.name.trim(), mode: step.mode, approvers: approversOf(step.approvers) })),
    })),
  };
}

/** The rules definition.rules.ts names when a part of a definition is wrong. */
const problemRules = ['required', 'order', 'firstTier', 'range', 'enum', 'unique', 'notFound', 'inactive'] as const;
type ProblemRule = (typeof problemRules)[number];

function isProblemRule(rule: string | undefined): rule is ProblemRule {
  return problemRules.includes(rule as ProblemRule);
}

/**
 * Puts each problem the server names (tiers.1.steps.0.approvers.positionId) on the input of that
 * step; the definition service sends a rule instead of a message, worded here.
 */
export function markDefinitionFields(form: FormInstance, error: ApiError, t: TFunction) {
  const fields = (error.fields as { field: string; message?: string; rule?: string }[]).filter((f) => f.field !== '(body)');
  form.setFields(
    fields.map((f) => ({
      name: f.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [f.message ?? (isProblemRule(f.rule) ? t(`approvalDef.rule.${f.rule}`) : error.message)],
    })),
  );
}
