import type { Locale } from '../../platform/i18n.js';
import type { DefinitionInput } from './approval.types.js';
import { normalizeDefinition } from './definition.rules.js';

/** A request type a module files approvals for: its labels, where its subject lives in the web app, and its default chain. */
export interface ApprovalTypeRegistration {
  /** e.g. 'expense.claim' */
  key: string;
  /** Owning module, e.g. 'targets' */
  module: string;
  'zh-CN': string;
  en: string;
  subjectPath: (subjectId: string) => string;
  defaultDefinition: DefinitionInput;
}

const registry = new Map<string, ApprovalTypeRegistration>();

/**
 * Registers a request type at module load. Registering it again (tests,
 * reloads) replaces it; a default that breaks the definition rules is a
 * programming error and fails at once rather than at the first request.
 */
export function registerApprovalType(type: ApprovalTypeRegistration): void {
  const known = registry.get(type.key);
  if (known && known.module !== type.module) throw new Error(`Approval type ${type.key} already belongs to ${known.module}`);
  const { problems } = normalizeDefinition(type.defaultDefinition);
  if (problems.length > 0) throw new Error(`Default definition of ${type.key} is invalid: ${problems.map((p) => p.field).join(', ')}`);
  registry.set(type.key, type);
}

export function findApprovalType(key: string): ApprovalTypeRegistration | undefined {
  return registry.get(key);
}

export function approvalTypes(): ApprovalTypeRegistration[] {
  return [...registry.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The label of a type; a type whose module is gone still shows its key. */
export function typeLabel(key: string, locale: Locale): string {
  return registry.get(key)?.[locale] ?? key;
}

export function subjectPathOf(key: string, subjectId: string): string | null {
  return registry.get(key)?.subjectPath(subjectId) ?? null;
}
