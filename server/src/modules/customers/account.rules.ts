import type { DataScope } from '../../platform/access/principal.js';

/** Legal-form words that do not make a different customer: "杭州西湖百货有限公司" and "杭州西湖百货" are one store. */
const legalSuffixes = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '分公司',
  '集团',
  '公司',
  'co.,ltd.',
  'co.,ltd',
  'co.ltd',
  'ltd.',
  'ltd',
  'inc.',
  'inc',
];

/**
 * CUS-2 duplicate key of a name: full-width forms folded to ASCII, lower-cased,
 * spaces and punctuation removed, then one trailing legal-form word dropped.
 */
export function normalizeAccountName(name: string): string {
  let value = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  for (const suffix of legalSuffixes) {
    const bare = suffix.replace(/[\s\p{P}\p{S}]+/gu, '');
    if (value.length > bare.length && value.endsWith(bare)) {
      value = value.slice(0, -bare.length);
      break;
    }
  }
  return value;
}

// GB 32100-2015 统一社会信用代码: 31 characters (no I, O, S, V, Z), weights of positions 1–17.
const creditCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const creditShape = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The 18th character the standard demands for the first 17 (31 reads as 0, 30 as Y); null when a character is outside the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = creditCharset.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * (creditWeights[i] ?? 0);
  }
  return creditCharset[(31 - (sum % 31)) % 31] ?? null;
}

export function isValidCreditCode(code: string): boolean {
  return creditShape.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

export const mobilePattern = '^1[3-9]\\d{9}$';

/** 138****1234: enough to recognise a number one already knows, not enough to call it. */
export function maskMobile(value: string | null): string | null {
  if (value === null) return null;
  if (value.length < 8) return '****';
  return `${value.slice(0, 3)}****${value.slice(-4)}`;
}

/** Keeps the start of an address (district, street) and hides the house number and beyond. */
export function maskAddress(value: string | null): string | null {
  if (value === null) return null;
  const keep = Math.min(6, Math.floor(value.length / 3));
  return `${value.slice(0, keep)}****`;
}

/** 张** for a person one may not know by name (the owner of an account out of scope). */
export function maskPersonName(value: string): string {
  const chars = [...value];
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/**
 * CMP-3: contact details show in full to the owner, the owner's superiors
 * (the owner is in the reader's team) and readers who see everything; anyone
 * who reaches the account only through geography or a custom scope, or an
 * account in the pool, sees them masked. A custom scope's user list mixes the
 * team with whole departments, so there only one's own accounts are unmasked.
 */
export function seesContactDetails(scope: DataScope, readerId: number, ownerId: number | null): boolean {
  if (scope.all) return true;
  if (ownerId === null) return false;
  if (ownerId === readerId) return true;
  return scope.kind !== 'custom' && scope.userIds.includes(ownerId);
}
