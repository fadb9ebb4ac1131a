import type { Locale } from '../i18n.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

const templates: Record<string, Record<Locale, (p: Record<string, unknown>) => string>> = {
  required: { 'zh-CN': () => '必填', en: () => 'is required' },
  minLength: { 'zh-CN': (p) => `至少 ${p.limit} 个字符`, en: (p) => `must have at least ${p.limit} characters` },
  maxLength: { 'zh-CN': (p) => `最多 ${p.limit} 个字符`, en: (p) => `must have at most ${p.limit} characters` },
  minimum: { 'zh-CN': (p) => `不能小于 ${p.limit}`, en: (p) => `must be ≥ ${p.limit}` },
  maximum: { 'zh-CN': (p) => `不能大于 ${p.limit}`, en: (p) => `must be ≤ ${p.limit}` },
  pattern: { 'zh-CN': () => '格式不正确', en: () => 'has the wrong format' },
  format: { 'zh-CN': (p) => `不是有效的 ${p.format}`, en: (p) => `must be a valid ${p.format}` },
  type: { 'zh-CN': (p) => `类型应为 ${p.type}`, en: (p) => `must be of type ${p.type}` },
  enum: {
    'zh-CN': (p) => `只能是：${(p.allowedValues as unknown[]).join('、')}`,
    en: (p) => `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`,
  },
  const: { 'zh-CN': (p) => `只能是 ${p.allowedValue}`, en: (p) => `must be ${p.allowedValue}` },
  additionalProperties: { 'zh-CN': () => '不允许的字段', en: () => 'is not an allowed field' },
  minItems: { 'zh-CN': (p) => `至少 ${p.limit} 项`, en: (p) => `must have at least ${p.limit} items` },
  maxItems: { 'zh-CN': (p) => `最多 ${p.limit} 项`, en: (p) => `must have at most ${p.limit} items` },
};

function fieldOf(issue: AjvIssue): string {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const extra = (issue.params.missingProperty ?? issue.params.additionalProperty) as string | undefined;
  return [path, extra].filter(Boolean).join('.') || '(body)';
}

/** Turns validator output into one entry per bad field, worded in the user's language. */
export function describeValidation(issues: AjvIssue[], locale: Locale): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const issue of issues) {
    // anyOf/oneOf restate their branches' failures; the branch issues are the useful ones.
    if (issue.keyword === 'anyOf' || issue.keyword === 'oneOf' || issue.keyword === 'if') continue;
    const field = fieldOf(issue);
    if (seen.has(field)) continue;
    seen.add(field);
    const template = templates[issue.keyword];
    result.push({ field, rule: issue.keyword, message: template ? template[locale](issue.params) : (issue.message ?? issue.keyword) });
  }
  return result;
}
