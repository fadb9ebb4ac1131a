import { Type } from 'typebox';
import { DateTime, Id, Nullable, StringEnum } from '../../platform/http/schemas.js';
import {
  deliveryRunStatuses,
  orderChannels,
  orderCheckKinds,
  orderCheckStatuses,
  orderEventKinds,
  orderStatuses,
  shipmentKinds,
  shipmentStates,
  trackingStates,
} from './order.enums.js';

// Request and response shapes of the orders and shipments API (OSB-1/2/3/10), shared by its route files.

export const Fen = Type.Integer({ description: 'Money in fen (CNY minor units)' });
const OptionalText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
export const BusinessDate = Type.String({ format: 'date', description: 'A Shanghai business day, YYYY-MM-DD' });

export const OrderLineInput = Type.Object(
  {
    skuId: Id,
    cases: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'Whole cases (× units per case)' })),
    units: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'Loose base units on top of the cases' })),
    unitPriceFen: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Agreed price per base unit; the list price when absent' }),
    ),
  },
  { additionalProperties: false },
);

export const OrderInput = Type.Object(
  {
    accountId: Id,
    channel: StringEnum(orderChannels),
    warehouseId: Type.Optional(Id),
    requestedDeliveryDate: Type.Optional(Nullable(BusinessDate)),
    deliveryAddressId: Type.Optional(Nullable(Id)),
    note: OptionalText(500),
    lines: Type.Array(OrderLineInput, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);

const DeliveryAddress = Type.Object({
  province: Nullable(Type.String()),
  city: Nullable(Type.String()),
  address: Type.String(),
  receiver: Nullable(Type.String()),
  receiverPhone: Nullable(Type.String()),
  carrier: Nullable(Type.String()),
  unloadingNotes: Nullable(Type.String()),
});

const orderFields = {
  id: Type.Integer(),
  number: Type.String({ description: 'SO<yyyymm>-<nnnnnn>' }),
  accountId: Type.Integer(),
  accountCode: Type.String(),
  accountName: Type.String(),
  enteredBy: Type.Integer(),
  enteredByName: Type.String(),
  ownerUserId: Nullable(Type.Integer()),
  ownerName: Nullable(Type.String()),
  geographyId: Nullable(Type.Integer()),
  geographyName: Nullable(Type.String()),
  channel: StringEnum(orderChannels),
  warehouseId: Type.Integer(),
  requestedDeliveryDate: Nullable(Type.String()),
  deliveryAddressId: Nullable(Type.Integer()),
  deliveryAddress: Nullable(DeliveryAddress),
  status: StringEnum(orderStatuses),
  round: Type.Integer({ description: 'Submit round; approvals of an older round no longer move the order' }),
  listTotalFen: Fen,
  discountTotalFen: Fen,
  totalFen: Fen,
  note: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  submittedAt: Nullable(DateTime),
  confirmedAt: Nullable(DateTime),
  paidAt: Nullable(DateTime),
  shippedAt: Nullable(DateTime),
  completedAt: Nullable(DateTime),
  cancelledAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const OrderSummary = Type.Object(orderFields);

export const OrderLine = Type.Object({
  id: Type.Integer(),
  lineNo: Type.Integer(),
  skuId: Type.Integer(),
  skuCode: Type.String(),
  skuName: Type.String(),
  baseUnit: Type.String(),
  caseUnit: Nullable(Type.String()),
  unitsPerCase: Type.Integer(),
  tracksCodes: Type.Boolean(),
  quantity: Type.Integer({ description: 'Base units' }),
  shippedQuantity: Type.Integer(),
  priceListId: Nullable(Type.Integer()),
  listPriceFen: Fen,
  unitPriceFen: Fen,
  floorPriceFen: Fen,
  discountBp: Type.Integer({ description: 'Discount off the list price in basis points' }),
  lineTotalFen: Fen,
});

export const OrderCheck = Type.Object({
  id: Type.Integer(),
  round: Type.Integer(),
  kind: StringEnum(orderCheckKinds),
  status: StringEnum(orderCheckStatuses),
  approvalId: Nullable(Type.Integer()),
  facts: Type.Record(Type.String(), Type.Unknown()),
  createdAt: DateTime,
  decidedAt: Nullable(DateTime),
});

export const OrderDetail = Type.Object({ ...orderFields, lines: Type.Array(OrderLine), checks: Type.Array(OrderCheck) });

export const OrderPage = Type.Object({
  items: Type.Array(OrderSummary),
  nextCursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null on the last page' })),
});

export const TimelineEntry = Type.Object({
  at: DateTime,
  source: StringEnum(['order', 'approval'] as const),
  kind: Type.Union([StringEnum(orderEventKinds), Type.Literal('approval_action')]),
  code: Type.String({ description: 'New status, check kind, approval action, tracking state …' }),
  actorUserId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const ShipmentLineInput = Type.Object(
  {
    orderLineId: Id,
    quantity: Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'Base units' }),
    codes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 10_000 })),
  },
  { additionalProperties: false },
);

export const ShipmentInput = Type.Object(
  {
    warehouseId: Id,
    kind: StringEnum(shipmentKinds),
    carrier: OptionalText(100),
    vehicle: OptionalText(50),
    driverPhone: OptionalText(30),
    note: OptionalText(500),
    lines: Type.Array(ShipmentLineInput, { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);

const shipmentFields = {
  id: Type.Integer(),
  number: Type.String({ description: 'FH<yyyymm>-<nnnnnn>' }),
  accountId: Type.Integer(),
  accountCode: Type.String(),
  accountName: Type.String(),
  warehouseId: Type.Integer(),
  warehouseName: Type.String(),
  kind: StringEnum(shipmentKinds),
  state: StringEnum(shipmentStates),
  carrier: Nullable(Type.String()),
  vehicle: Nullable(Type.String()),
  driverPhone: Nullable(Type.String()),
  deliveryRunId: Nullable(Type.Integer()),
  stopSeq: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  pickedAt: Nullable(DateTime),
  dispatchedAt: Nullable(DateTime),
  deliveredAt: Nullable(DateTime),
  signedAt: Nullable(DateTime),
  signedBy: Nullable(Type.String()),
  createdAt: DateTime,
};

export const ShipmentSummary = Type.Object(shipmentFields);

export const ShipmentLine = Type.Object({
  id: Type.Integer(),
  orderId: Type.Integer(),
  orderNumber: Type.String(),
  orderLineId: Type.Integer(),
  skuId: Type.Integer(),
  skuCode: Type.String(),
  skuName: Type.String(),
  baseUnit: Type.String(),
  caseUnit: Nullable(Type.String()),
  unitsPerCase: Type.Integer(),
  quantity: Type.Integer(),
  codes: Type.Array(Type.String()),
  unitPriceFen: Fen,
});

export const ShipmentEvent = Type.Object({
  id: Type.Integer(),
  state: StringEnum(shipmentStates),
  actorUserId: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  at: DateTime,
});

export const ShipmentDetail = Type.Object({
  ...shipmentFields,
  lines: Type.Array(ShipmentLine),
  events: Type.Array(ShipmentEvent),
});

export const TrackInput = Type.Object(
  {
    state: StringEnum(trackingStates),
    note: OptionalText(500),
    signedBy: OptionalText(50),
  },
  { additionalProperties: false },
);

export const CancelShipmentInput = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why the shipment is called off' }) },
  { additionalProperties: false },
);

export const DeliveryNote = Type.Object({
  shipment: ShipmentSummary,
  account: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
  deliveryAddress: Nullable(DeliveryAddress),
  orders: Type.Array(Type.Object({ id: Type.Integer(), number: Type.String(), requestedDeliveryDate: Nullable(Type.String()) })),
  lines: Type.Array(
    Type.Object({
      orderNumber: Type.String(),
      skuCode: Type.String(),
      skuName: Type.String(),
      baseUnit: Type.String(),
      caseUnit: Nullable(Type.String()),
      unitsPerCase: Type.Integer(),
      quantity: Type.Integer(),
      cases: Type.Integer(),
      looseUnits: Type.Integer(),
      unitPriceFen: Fen,
      amountFen: Fen,
      codes: Type.Array(Type.String()),
    }),
  ),
  totals: Type.Object({ quantity: Type.Integer(), amountFen: Fen }),
  deliveryRun: Nullable(
    Type.Object({
      id: Type.Integer(),
      runDate: Type.String(),
      vehicle: Type.String(),
      driverName: Nullable(Type.String()),
      stopSeq: Nullable(Type.Integer()),
    }),
  ),
  printedAt: DateTime,
});

export const DeliveryRunInput = Type.Object(
  {
    runDate: BusinessDate,
    warehouseId: Id,
    vehicle: Type.String({ minLength: 1, maxLength: 50 }),
    driverName: OptionalText(50),
    driverPhone: OptionalText(30),
    note: OptionalText(500),
    shipmentIds: Type.Array(Id, { minItems: 1, maxItems: 100, description: 'In stop order' }),
  },
  { additionalProperties: false },
);

const runFields = {
  id: Type.Integer(),
  runDate: Type.String(),
  warehouseId: Type.Integer(),
  warehouseName: Type.String(),
  vehicle: Type.String(),
  driverName: Nullable(Type.String()),
  driverPhone: Nullable(Type.String()),
  status: StringEnum(deliveryRunStatuses),
  note: Nullable(Type.String()),
  stops: Type.Integer(),
  createdAt: DateTime,
};

export const DeliveryRunSummary = Type.Object(runFields);
export const DeliveryRunDetail = Type.Object({ ...runFields, shipments: Type.Array(ShipmentSummary) });
