/** OSB-1 order states in their normal order; `cancelled` may follow any state before the first shipment. */
export const orderStatuses = [
  'draft',
  'submitted',
  'awaiting_approval',
  'awaiting_finance',
  'confirmed',
  'partially_shipped',
  'shipped',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** States in which the order may still be cancelled (nothing has left the warehouse). */
export const cancellableStatuses: readonly OrderStatus[] = ['draft', 'submitted', 'awaiting_approval', 'awaiting_finance', 'confirmed'];

/** States whose total counts as an open receivable until finance marks the order paid (OSB-2 credit check). */
export const receivableStatuses: readonly OrderStatus[] = ['confirmed', 'partially_shipped', 'shipped', 'completed'];

/** States from which a shipment may take goods. */
export const shippableStatuses: readonly OrderStatus[] = ['confirmed', 'partially_shipped'];

export const orderChannels = ['field', 'phone', 'walk_in', 'portal', 'import'] as const;
export type OrderChannel = (typeof orderChannels)[number];

/** OSB-2: the submit checks; each failing one opens its own approval. */
export const orderCheckKinds = ['price', 'credit', 'stock'] as const;
export type OrderCheckKind = (typeof orderCheckKinds)[number];

export const orderCheckStatuses = ['pending', 'approved', 'rejected', 'withdrawn', 'superseded'] as const;
export type OrderCheckStatus = (typeof orderCheckStatuses)[number];

export const shipmentKinds = ['delivery', 'pickup'] as const;
export type ShipmentKind = (typeof shipmentKinds)[number];

/** OSB-10 tracking states, in order; a shipment only moves forward. */
export const trackingStates = ['prepared', 'picked', 'dispatched', 'delivered', 'signed'] as const;
export type TrackingState = (typeof trackingStates)[number];

/** Every state a shipment can be in: a tracking state, or called off before anything was picked. */
export const shipmentStates = [...trackingStates, 'cancelled'] as const;
export type ShipmentState = (typeof shipmentStates)[number];

/** States in which a shipment may still be cancelled: nothing picked, nothing out of stock. */
export const cancellableShipmentStates: readonly ShipmentState[] = ['prepared'];

export const deliveryRunStatuses = ['planned', 'dispatched', 'completed'] as const;
export type DeliveryRunStatus = (typeof deliveryRunStatuses)[number];

/** Kinds of entries in the order timeline (OSB-10). */
export const orderEventKinds = [
  'created',
  'status',
  'check',
  'approval',
  'reservation',
  'release',
  'payment',
  'shipment',
  'tracking',
] as const;
export type OrderEventKind = (typeof orderEventKinds)[number];
