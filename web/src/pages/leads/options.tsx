import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AccountKind, FollowUpKind, LeadSource, LeadStatus, LeadTeamStatus, PartyType } from './types';

/** The funnel in order; lost closes a lead from any open stage (as the server's leadStatuses). */
export const leadStatuses: readonly LeadStatus[] = ['new', 'assigned', 'following', 'appointed', 'converted', 'lost'];
export const openStatuses: readonly LeadStatus[] = ['new', 'assigned', 'following', 'appointed'];
export const leadSources: readonly LeadSource[] = ['campaign', 'call_team', 'exhibition', 'partner_referral', 'walk_in'];
export const followUpKinds: readonly FollowUpKind[] = ['call', 'visit', 'message', 'appointment'];
export const leadTeamStatuses: readonly LeadTeamStatus[] = ['active', 'paused', 'ended'];
export const partyTypes: readonly PartyType[] = ['company', 'person'];
/** Kinds a lead usually becomes first; the partner kinds come through recruitment (CH-1), but stay possible. */
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
export const accountGrades = ['A', 'B', 'C', 'D'] as const;

export const statusColors: Record<LeadStatus, string> = {
  new: 'default',
  assigned: 'blue',
  following: 'cyan',
  appointed: 'purple',
  converted: 'success',
  lost: 'error',
};

/** The same colours as the tags, as a column's accent line (antd's palette, step 6). */
export const statusAccents: Record<LeadStatus, string> = {
  new: '#bfbfbf',
  assigned: '#1677ff',
  following: '#13c2c2',
  appointed: '#722ed1',
  converted: '#52c41a',
  lost: '#ff4d4f',
};

const teamStatusColors: Record<LeadTeamStatus, string> = { active: 'success', paused: 'warning', ended: 'default' };

export const isOpen = (status: LeadStatus) => openStatuses.includes(status);

function enumOf<K extends string>(values: readonly K[], label: (value: K) => string) {
  return Object.fromEntries(values.map((value) => [value, { text: label(value) }]));
}

export const statusEnum = (t: TFunction) => enumOf(leadStatuses, (s) => t(`leadStatus.${s}`));
export const sourceEnum = (t: TFunction) => enumOf(leadSources, (s) => t(`leadSource.${s}`));
export const teamStatusEnum = (t: TFunction) => enumOf(leadTeamStatuses, (s) => t(`leadTeamStatus.${s}`));

export const sourceOptions = (t: TFunction) => leadSources.map((value) => ({ value, label: t(`leadSource.${value}`) }));
export const followUpKindOptions = (t: TFunction, kinds: readonly FollowUpKind[] = followUpKinds) =>
  kinds.map((value) => ({ value, label: t(`followUpKind.${value}`) }));
export const accountKindOptions = (t: TFunction) => accountKinds.map((value) => ({ value, label: t(`leadAccountKind.${value}`) }));
export const partyTypeOptions = (t: TFunction) => partyTypes.map((value) => ({ value, label: t(`leadPartyType.${value}`) }));
export const teamStatusOptions = (t: TFunction) => leadTeamStatuses.map((value) => ({ value, label: t(`leadTeamStatus.${value}`) }));

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`leadStatus.${status}`)}</Tag>;
}

export function LeadTeamStatusTag({ status }: { status: LeadTeamStatus }) {
  const { t } = useTranslation();
  return <Tag color={teamStatusColors[status]}>{t(`leadTeamStatus.${status}`)}</Tag>;
}

/** A share as people read it: 16.2%. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '–';
  return `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
