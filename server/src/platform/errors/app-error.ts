import type { LocalizedText } from '../i18n.js';

/** One error a service may raise: a stable code, its HTTP status and its message in each UI language. */
export interface ErrorDefinition {
  code: string;
  status: number;
  'zh-CN': string;
  en: string;
}

export type ErrorParams = Record<string, string | number | boolean | null | undefined | LocalizedText>;

/**
 * Declares a module's errors. Codes are prefixed with the module name so that
 * the same word never means two things; messages use {name} placeholders.
 */
export function defineErrors<K extends string>(
  module: string,
  definitions: Record<K, Omit<ErrorDefinition, 'code'>>,
): Record<K, ErrorDefinition> {
  const result = {} as Record<K, ErrorDefinition>;
  for (const key of Object.keys(definitions) as K[]) {
    result[key] = { code: `${module}.${key}`, ...definitions[key] };
  }
  return result;
}

export class AppError extends Error {
  constructor(
    readonly definition: ErrorDefinition,
    readonly params: ErrorParams = {},
    readonly details: unknown = undefined,
  ) {
    super(definition.code);
  }
}
