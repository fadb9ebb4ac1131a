import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { keys } from '../../api/queries';
import type { ApprovalType } from '../../api/types';
import { currentLanguage } from '../../i18n';

/** The registered request types with their definitions; they change only when an administrator saves one. */
export function useApprovalTypes() {
  return useQuery({ queryKey: keys.approvalTypes, queryFn: () => call(api.GET('/api/approvals/types')), staleTime: 5 * 60_000 });
}

/** A type's label in the interface language (callers re-render on a switch through useTranslation). */
export function typeLabel(type: ApprovalType): string {
  return type[currentLanguage()];
}

/** The type filter of the approval lists, as a ProTable valueEnum. */
export function useTypeEnum(): Record<string, { text: string }> {
  useTranslation();
  const types = useApprovalTypes();
  return Object.fromEntries((types.data ?? []).map((type) => [type.key, { text: typeLabel(type) }]));
}
