import type { TFunction } from 'i18next';
import type {
  AccountGrade,
  AccountKind,
  AccountSource,
  AccountStatus,
  AddressKind,
  DisputeStatus,
  PartyType,
  PoolEventKind,
} from './types';

// The server's enums (customers/account.enums.ts, customers.schema.ts), as the forms and filters offer them.
export const accountKinds: readonly AccountKind[] = [
  'retail_store',
  'key_account',
  'end_user',
  'project',
  'distributor',
  'enterprise_agent',
  'sales_agent',
  'consignee',
  'broker',
  'retailer',
  'direct_store',
  'oem_partner',
  'strategic_account',
];
export const accountGrades: readonly AccountGrade[] = ['A', 'B', 'C', 'D'];
export const accountStatuses: readonly AccountStatus[] = ['active', 'dormant', 'closed'];
export const accountSources: readonly AccountSource[] = [
  'field',
  'campaign',
  'call_team',
  'exhibition',
  'partner_referral',
  'walk_in',
  'import',
  'other',
];
export const partyTypes: readonly PartyType[] = ['company', 'person'];
export const addressKinds: readonly AddressKind[] = ['delivery', 'billing', 'office'];
export const disputeStatuses: readonly DisputeStatus[] = ['pending', 'approved', 'rejected', 'withdrawn'];
export const poolEventKinds: readonly PoolEventKind[] = [
  'released',
  'claimed',
  'returned',
  'warned',
  'assigned',
  'disputed',
  'locked',
  'unlocked',
];

/** Audit actions written under the account (history tab); dots become underscores as i18n keys. */
const historyActions = [
  'create',
  'survey_create',
  'update',
  'grade',
  'import',
  'convert',
  'contact_create',
  'contact_update',
  'contact_delete',
  'address_create',
  'address_update',
  'address_delete',
  'address_verify',
  'dispute_file',
  'dispute_resubmit',
  'dispute_approved',
  'dispute_rejected',
  'dispute_withdrawn',
  ...poolEventKinds,
] as const;
type HistoryAction = (typeof historyActions)[number];

export function historyActionLabel(t: TFunction, action: string): string {
  const key = action.replace('.', '_');
  return (historyActions as readonly string[]).includes(key) ? t(`customers.historyAction.${key as HistoryAction}`) : action;
}

function options<V extends string>(values: readonly V[], label: (value: V) => string) {
  return values.map((value) => ({ value, label: label(value) }));
}

function valueEnum<V extends string>(values: readonly V[], label: (value: V) => string) {
  return Object.fromEntries(values.map((value) => [value, { text: label(value) }]));
}

export const kindOptions = (t: TFunction) => options(accountKinds, (k) => t(`customers.kind.${k}`));
export const kindEnum = (t: TFunction) => valueEnum(accountKinds, (k) => t(`customers.kind.${k}`));
export const gradeOptions = (t: TFunction) => options(accountGrades, (g) => t('customers.gradeLabel', { grade: g }));
export const gradeEnum = (t: TFunction) => valueEnum(accountGrades, (g) => t('customers.gradeLabel', { grade: g }));
export const statusOptions = (t: TFunction) => options(accountStatuses, (s) => t(`customers.status.${s}`));
export const statusEnum = (t: TFunction) => valueEnum(accountStatuses, (s) => t(`customers.status.${s}`));
export const sourceOptions = (t: TFunction) => options(accountSources, (s) => t(`customers.source.${s}`));
export const partyTypeOptions = (t: TFunction) => options(partyTypes, (p) => t(`customers.partyType.${p}`));
export const addressKindOptions = (t: TFunction) => options(addressKinds, (k) => t(`customers.addressKind.${k}`));
export const disputeStatusEnum = (t: TFunction) => valueEnum(disputeStatuses, (s) => t(`customers.disputeStatus.${s}`));

/** Province, city and street as one line; the street often already starts with them, so they are not repeated. */
export function fullAddress(a: { province: string | null; city: string | null; address: string | null }): string {
  const street = a.address ?? '';
  const prefix = [a.province, a.city].filter((part): part is string => Boolean(part) && !street.includes(part as string));
  const uniquePrefix = prefix.filter((part, i) => prefix.indexOf(part) === i);
  return [...uniquePrefix, street].filter(Boolean).join(' ') || '–';
}
