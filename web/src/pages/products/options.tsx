import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PriceListStatus, ProductStatus, ProposalStatus } from './types';

// The server's enums (products/products.enums.ts), as forms and filters offer them.
export const productStatuses: readonly ProductStatus[] = ['draft', 'active', 'discontinued'];
export const priceListStatuses: readonly PriceListStatus[] = ['draft', 'active', 'archived'];
export const proposalStatuses: readonly ProposalStatus[] = ['draft', 'submitted', 'accepted', 'rejected'];

const productColors: Record<ProductStatus, string> = { draft: 'default', active: 'success', discontinued: 'error' };
const listColors: Record<PriceListStatus, string> = { draft: 'default', active: 'success', archived: 'warning' };
const proposalColors: Record<ProposalStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  accepted: 'success',
  rejected: 'error',
};

export const productStatusOptions = (t: TFunction) => productStatuses.map((s) => ({ value: s, label: t(`products.status.${s}`) }));
export const productStatusEnum = (t: TFunction) => Object.fromEntries(productStatuses.map((s) => [s, { text: t(`products.status.${s}`) }]));
export const listStatusOptions = (t: TFunction) => priceListStatuses.map((s) => ({ value: s, label: t(`priceList.status.${s}`) }));
export const listStatusEnum = (t: TFunction) => Object.fromEntries(priceListStatuses.map((s) => [s, { text: t(`priceList.status.${s}`) }]));
export const proposalStatusEnum = (t: TFunction) =>
  Object.fromEntries(proposalStatuses.map((s) => [s, { text: t(`proposal.status.${s}`) }]));

export function ProductStatusTag({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  return <Tag color={productColors[status]}>{t(`products.status.${status}`)}</Tag>;
}

export function PriceListStatusTag({ status }: { status: PriceListStatus }) {
  const { t } = useTranslation();
  return <Tag color={listColors[status]}>{t(`priceList.status.${status}`)}</Tag>;
}

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <Tag color={proposalColors[status]}>{t(`proposal.status.${status}`)}</Tag>;
}
