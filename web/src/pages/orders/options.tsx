import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, ShipmentSummary } from './types';

export const orderStatuses: OrderStatus[] = [
  'draft',
  'submitted',
  'awaiting_approval',
  'awaiting_finance',
  'confirmed',
  'partially_shipped',
  'shipped',
  'completed',
  'cancelled',
];

const statusColors: Record<OrderStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  awaiting_approval: 'orange',
  awaiting_finance: 'gold',
  confirmed: 'blue',
  partially_shipped: 'cyan',
  shipped: 'geekblue',
  completed: 'green',
  cancelled: 'red',
};

export const orderStatusEnum = (t: TFunction) => Object.fromEntries(orderStatuses.map((s) => [s, { text: t(`order.statuses.${s}`) }]));

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`order.statuses.${status}`)}</Tag>;
}

type ShipmentState = ShipmentSummary['state'];
const stateColors: Record<ShipmentState, string> = {
  prepared: 'default',
  picked: 'processing',
  dispatched: 'blue',
  delivered: 'cyan',
  signed: 'green',
  cancelled: 'red',
};

export function ShipmentStateTag({ state }: { state: ShipmentState }) {
  const { t } = useTranslation();
  return <Tag color={stateColors[state]}>{t(`shipment.states.${state}`)}</Tag>;
}

export const orderKeys = { all: ['orders'] as const, shipments: ['orders', 'shipments'] as const };
