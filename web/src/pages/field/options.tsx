import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VisitKind, VisitPlanStatus, VisitStatus } from './types';

export const visitKinds: VisitKind[] = ['onsite', 'phone'];
export const visitStatuses: VisitStatus[] = ['planned', 'done', 'cancelled'];

/** Calendar and tag colours: done green, planned blue, cancelled grey. */
export const statusColors: Record<VisitStatus, string> = { done: 'green', planned: 'blue', cancelled: 'default' };

export const kindEnum = (t: TFunction) => Object.fromEntries(visitKinds.map((k) => [k, { text: t(`visit.kinds.${k}`) }]));
export const statusEnum = (t: TFunction) => Object.fromEntries(visitStatuses.map((s) => [s, { text: t(`visit.statuses.${s}`) }]));
export const kindOptions = (t: TFunction) => visitKinds.map((k) => ({ value: k, label: t(`visit.kinds.${k}`) }));

export function VisitStatusTag({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`visit.statuses.${status}`)}</Tag>;
}

export function VisitKindTag({ kind }: { kind: VisitKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'onsite' ? 'geekblue' : 'purple'}>{t(`visit.kinds.${kind}`)}</Tag>;
}

export function PlanStatusTag({ status }: { status: VisitPlanStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'submitted' ? 'green' : 'default'}>{t(`visitPlan.statuses.${status}`)}</Tag>;
}

/** A compliance rate of 0–1 as a percentage with one decimal; '–' without stores. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(1)}%`;
}
