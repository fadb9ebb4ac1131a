import { AppError } from '../../platform/errors/app-error.js';
import type { AccountGrade, AccountKind, AccountSource, AccountStatus, PartyType } from './account.enums.js';
import { isValidCreditCode, mobilePattern, normalizeAccountName } from './account.rules.js';
import { CustomerErrors } from './customers.errors.js';
import type { AddressKind } from './customers.schema.js';

// Services are called by routes, lead conversion and the importer alike, so they check every field themselves.

export interface ContactInput {
  name: string;
  title?: string | null;
  mobile?: string | null;
  phone?: string | null;
  email?: string | null;
  isPrimary?: boolean;
  notes?: string | null;
}

export interface AddressInput {
  kind: AddressKind;
  province?: string | null;
  city?: string | null;
  address: string;
  receiver?: string | null;
  receiverPhone?: string | null;
  carrier?: string | null;
  unloadingNotes?: string | null;
  isDefault?: boolean;
}

export interface AccountInput {
  name: string;
  kind: AccountKind;
  partyType?: PartyType;
  creditCode?: string | null;
  mobile?: string | null;
  grade?: AccountGrade | null;
  status?: AccountStatus;
  /** Default: the caller. Someone else, or null (straight into the pool), needs customers.accounts.manage. */
  ownerUserId?: number | null;
  /** Default: the owner's geography. */
  geographyId?: number | null;
  province?: string | null;
  city?: string | null;
  address?: string | null;
  source?: AccountSource;
  tags?: string[];
  contacts?: ContactInput[];
  addresses?: AddressInput[];
}

/** What PATCH may change: the owner moves only by assignment, pool or dispute; the grade only by a review (CUS-3). */
export type AccountChanges = Partial<Omit<AccountInput, 'ownerUserId' | 'grade' | 'contacts' | 'addresses'>>;

const mobileRule = new RegExp(mobilePattern);

export const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

export function cleanText(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new AppError(CustomerErrors.nameBlank, { field }, { field });
  return trimmed;
}

export function cleanName(name: string, field = 'name'): { name: string; normalizedName: string } {
  const trimmed = cleanText(name, field);
  const normalizedName = normalizeAccountName(trimmed);
  if (!normalizedName) throw new AppError(CustomerErrors.nameBlank, { field }, { field });
  return { name: trimmed, normalizedName };
}

export function cleanCreditCode(value: string | null | undefined): string | null | undefined {
  const code = blankToNull(value)?.toUpperCase();
  if (code && !isValidCreditCode(code)) throw new AppError(CustomerErrors.creditCodeInvalid, { value: code }, { field: 'creditCode' });
  return code;
}

export function cleanMobile(value: string | null | undefined, field: string): string | null | undefined {
  const mobile = blankToNull(value);
  if (mobile && !mobileRule.test(mobile)) throw new AppError(CustomerErrors.mobileInvalid, { field }, { field });
  return mobile;
}

export function cleanTags(tags: string[] | undefined): string[] | undefined {
  return tags && [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

/** A contact ready to store; `at` prefixes field names when it is one of many (contacts.2.mobile). */
export function cleanContact(accountId: number, input: ContactInput, at: string) {
  return {
    accountId,
    name: cleanText(input.name, `${at}name`),
    title: blankToNull(input.title) ?? null,
    mobile: cleanMobile(input.mobile, `${at}mobile`) ?? null,
    phone: blankToNull(input.phone) ?? null,
    email: blankToNull(input.email) ?? null,
    isPrimary: input.isPrimary ?? false,
    notes: blankToNull(input.notes) ?? null,
  };
}

export function cleanAddress(accountId: number, input: AddressInput, at: string) {
  return {
    accountId,
    kind: input.kind,
    province: blankToNull(input.province) ?? null,
    city: blankToNull(input.city) ?? null,
    address: cleanText(input.address, `${at}address`),
    receiver: blankToNull(input.receiver) ?? null,
    receiverPhone: cleanMobile(input.receiverPhone, `${at}receiverPhone`) ?? null,
    carrier: blankToNull(input.carrier) ?? null,
    unloadingNotes: blankToNull(input.unloadingNotes) ?? null,
    isDefault: input.isDefault ?? false,
  };
}

/** The contacts given with a new account: the first is the primary one unless another says so. */
export function cleanContacts(accountId: number, contacts: ContactInput[]) {
  const anyPrimary = contacts.some((c) => c.isPrimary);
  return contacts.map((contact, index) => ({
    ...cleanContact(accountId, contact, `contacts.${index}.`),
    isPrimary: anyPrimary ? (contact.isPrimary ?? false) : index === 0,
  }));
}

/** The addresses given with a new account: the first of each kind is its default unless another says so; two defaults are refused. */
export function cleanAddresses(accountId: number, addresses: AddressInput[]) {
  const explicit = new Set(addresses.filter((a) => a.isDefault).map((a) => a.kind));
  const defaults = new Set<AddressKind>();
  return addresses.map((address, index) => {
    const isDefault = address.isDefault ?? (!explicit.has(address.kind) && !defaults.has(address.kind));
    if (isDefault && defaults.has(address.kind)) {
      throw new AppError(CustomerErrors.twoDefaultAddresses, { kind: address.kind }, { field: `addresses.${index}.isDefault` });
    }
    if (isDefault) defaults.add(address.kind);
    return { ...cleanAddress(accountId, address, `addresses.${index}.`), isDefault };
  });
}
