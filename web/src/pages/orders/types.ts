import type { ResponseOf } from '../../api/types';

type ItemOf<T> = T extends { items: (infer I)[] } ? I : T extends (infer I)[] ? I : never;

export type OrderDetail = ResponseOf<'/api/orders/{id}'>;
export type OrderSummary = ItemOf<ResponseOf<'/api/orders'>>;
export type OrderStatus = OrderDetail['status'];
export type TimelineEntry = ItemOf<ResponseOf<'/api/orders/{id}/timeline'>>;
export type ShipmentSummary = ItemOf<ResponseOf<'/api/orders/shipments'>>;
export type DeliveryNote = ResponseOf<'/api/orders/shipments/{id}/delivery-note'>;
