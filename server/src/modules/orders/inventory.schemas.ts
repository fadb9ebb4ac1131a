import { Type } from 'typebox';
import { DateTime, Id, Nullable, StringEnum } from '../../platform/http/schemas.js';
import { movementKinds, stocktakeStatuses, warehouseKinds } from './inventory.enums.js';

// Wire shapes shared by the inventory routes.

export const Quantity = Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Whole base units' });
export const Keyword = Type.String({ minLength: 1, maxLength: 100 });

export const StockLines = Type.Array(Type.Object({ skuId: Id, quantity: Quantity }, { additionalProperties: false }), {
  minItems: 1,
  maxItems: 500,
});

export const WarehouseSchema = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    kind: StringEnum(warehouseKinds, { description: 'central 总仓, regional 区域仓, partner 合作方仓' }),
    geographyId: Nullable(Type.Integer()),
    geographyName: Nullable(Type.String()),
    address: Nullable(Type.String()),
    managerUserId: Nullable(Type.Integer()),
    managerName: Nullable(Type.String()),
    active: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Warehouse' },
);

/** What order entry and shipping need to name and pick a warehouse, and no more. */
export const WarehouseOptionSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: StringEnum(warehouseKinds),
  geographyId: Nullable(Type.Integer()),
});

export const StockRowSchema = Type.Object(
  {
    warehouseId: Type.Integer(),
    warehouseCode: Type.String(),
    warehouseName: Type.String(),
    skuId: Type.Integer(),
    skuCode: Type.String(),
    skuName: Type.String(),
    productName: Type.String(),
    baseUnit: Type.String(),
    onHand: Type.Integer(),
    reserved: Type.Integer(),
    available: Type.Integer(),
    minStock: Type.Integer(),
    belowMinimum: Type.Boolean(),
    updatedAt: DateTime,
  },
  { $id: 'StockRow' },
);

export const MovementSchema = Type.Object(
  {
    id: Type.Integer(),
    kind: StringEnum(movementKinds),
    onHandDelta: Type.Integer(),
    reservedDelta: Type.Integer(),
    orderId: Nullable(Type.Integer()),
    shipmentId: Nullable(Type.Integer()),
    stocktakeId: Nullable(Type.Integer()),
    note: Nullable(Type.String()),
    userId: Nullable(Type.Integer()),
    userName: Nullable(Type.String()),
    createdAt: DateTime,
  },
  { $id: 'StockMovement' },
);

export const LevelSchema = Type.Object({
  warehouseId: Type.Integer(),
  skuId: Type.Integer(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  minStock: Type.Integer(),
});

const stocktakeFields = {
  id: Type.Integer(),
  warehouseId: Type.Integer(),
  warehouseCode: Type.String(),
  warehouseName: Type.String(),
  status: StringEnum(stocktakeStatuses),
  note: Nullable(Type.String()),
  openedBy: Type.Integer(),
  openedByName: Type.String(),
  approvalId: Nullable(Type.Integer()),
  submittedAt: Nullable(DateTime),
  decidedAt: Nullable(DateTime),
  postedAt: Nullable(DateTime),
  createdAt: DateTime,
  lineCount: Type.Integer(),
  countedCount: Type.Integer(),
  varianceCount: Type.Integer(),
  varianceTotal: Type.Integer(),
};

export const StocktakeSchema = Type.Object(stocktakeFields, { $id: 'Stocktake' });

export const StocktakeDetailSchema = Type.Object(
  {
    ...stocktakeFields,
    lines: Type.Array(
      Type.Object({
        skuId: Type.Integer(),
        skuCode: Type.String(),
        skuName: Type.String(),
        productName: Type.String(),
        baseUnit: Type.String(),
        expected: Type.Integer(),
        counted: Nullable(Type.Integer()),
        variance: Nullable(Type.Integer()),
        postedDelta: Nullable(Type.Integer()),
      }),
    ),
  },
  { $id: 'StocktakeDetail' },
);
