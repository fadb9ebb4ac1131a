export type Locale = 'zh-CN' | 'en';
export const locales: readonly Locale[] = ['zh-CN', 'en'];
export const defaultLocale: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/** Picks the first supported language of an Accept-Language header; Chinese by default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return defaultLocale;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return defaultLocale;
}

/** Text a service produces in every UI language, for when it cannot know the reader's. */
export type LocalizedText = Record<Locale, string>;

function isLocalized(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && 'zh-CN' in value && 'en' in value;
}

export function interpolate(template: string, params: Record<string, unknown>, locale: Locale = defaultLocale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return isLocalized(value) ? value[locale] : String(value);
  });
}
