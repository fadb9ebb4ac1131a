import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StocktakeStatus, WarehouseKind } from './types';

export const warehouseKinds: WarehouseKind[] = ['central', 'regional', 'partner'];
export const stocktakeStatuses: StocktakeStatus[] = ['counting', 'submitted', 'returned', 'posted', 'rejected', 'cancelled'];

export const kindEnum = (t: TFunction) => Object.fromEntries(warehouseKinds.map((k) => [k, { text: t(`warehouse.kind.${k}`) }]));
export const kindOptions = (t: TFunction) => warehouseKinds.map((k) => ({ value: k, label: t(`warehouse.kind.${k}`) }));
export const stocktakeStatusEnum = (t: TFunction) =>
  Object.fromEntries(stocktakeStatuses.map((s) => [s, { text: t(`stocktake.status.${s}`) }]));

const statusColors: Record<StocktakeStatus, string> = {
  counting: 'processing',
  submitted: 'gold',
  returned: 'warning',
  posted: 'success',
  rejected: 'error',
  cancelled: 'default',
};

export function StocktakeStatusTag({ status }: { status: StocktakeStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`stocktake.status.${status}`)}</Tag>;
}

/** A signed change, green up and red down, so the ledger reads at a glance. */
export function Delta({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <>–</>;
  if (value === 0) return <>0</>;
  return <span style={{ color: value > 0 ? '#389e0d' : '#cf1322' }}>{value > 0 ? `+${value}` : value}</span>;
}
