import type { LeadFilter, LeadSource, LeadStatus } from '../types';

/** The filters as the forms hold them; the period is a pair of YYYY-MM-DD days. */
export interface FilterValues {
  q?: string;
  status?: LeadStatus;
  source?: LeadSource;
  ownerUserId?: number;
  teamId?: number;
  geographyId?: number;
  period?: [string, string];
}

export function toLeadFilter(values: FilterValues): LeadFilter {
  return {
    q: values.q?.trim() || undefined,
    status: values.status,
    source: values.source,
    ownerUserId: values.ownerUserId ?? undefined,
    teamId: values.teamId ?? undefined,
    geographyId: values.geographyId ?? undefined,
    createdFrom: values.period?.[0],
    createdTo: values.period?.[1],
  };
}
