import type { ResponseOf } from '../../api/types';

type ItemOf<T> = T extends { items: (infer I)[] } ? I : T extends (infer I)[] ? I : never;

export type Warehouse = ResponseOf<'/api/inventory/warehouses/{id}'>;
export type WarehouseKind = Warehouse['kind'];
export type StockRow = ItemOf<ResponseOf<'/api/inventory/stock'>>;
export type Movement = ItemOf<ResponseOf<'/api/inventory/ledger'>>;
export type MovementKind = Movement['kind'];
export type StocktakeRow = ItemOf<ResponseOf<'/api/inventory/stocktakes'>>;
export type Stocktake = ResponseOf<'/api/inventory/stocktakes/{id}'>;
export type StocktakeLine = Stocktake['lines'][number];
export type StocktakeStatus = Stocktake['status'];
