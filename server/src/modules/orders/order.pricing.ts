import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { shanghaiDate } from '../../platform/time.js';
import { findPricedSkus } from '../products/index.js';
import { OrderErrors } from './order.errors.js';
import { discountBasisPoints, toBaseQuantity } from './order.rules.js';

export interface OrderLineInput {
  skuId: number;
  /** Whole cases; times the SKU's units per case. */
  cases?: number;
  /** Loose base units on top of the cases. */
  units?: number;
  /** Agreed price per base unit in fen; the resolved list price when absent. */
  unitPriceFen?: number;
}

export interface PricedLine {
  lineNo: number;
  skuId: number;
  skuCode: string;
  quantity: number;
  priceListId: number;
  listPriceFen: number;
  unitPriceFen: number;
  floorPriceFen: number;
  discountBp: number;
  lineTotalFen: number;
}

/**
 * OSB-1 + PRD-2: turns entered lines into priced lines: SKU on sale, quantity
 * in base units (at least the minimum order), list and floor price from the
 * most specific price list for the account on the day. Each problem names
 * its line (`lines[2].skuId`).
 */
export async function priceLines(
  db: Executor,
  account: { kind: string; geographyPath: number[] },
  lines: OrderLineInput[],
  at: Date,
): Promise<PricedLine[]> {
  if (lines.length === 0) throw new AppError(OrderErrors.noLines, {}, { field: 'lines' });
  const found = new Map(
    (
      await findPricedSkus(db, {
        accountKind: account.kind,
        geographyPath: account.geographyPath,
        onDate: shanghaiDate(at),
        skuIds: lines.map((line) => line.skuId),
      })
    ).map((sku) => [sku.id, sku]),
  );
  const seen = new Set<number>();
  return lines.map((line, index) => {
    const field = `lines[${index}]`;
    const sku = found.get(line.skuId);
    if (!sku) throw new AppError(OrderErrors.lineSkuUnknown, { field: `${field}.skuId` }, { field: `${field}.skuId` });
    if (sku.status !== 'active')
      throw new AppError(OrderErrors.lineSkuNotSellable, { field: `${field}.skuId`, code: sku.code }, { field: `${field}.skuId` });
    if (seen.has(sku.id))
      throw new AppError(OrderErrors.lineSkuDuplicate, { field: `${field}.skuId`, code: sku.code }, { field: `${field}.skuId` });
    seen.add(sku.id);
    const quantity = toBaseQuantity(line, sku.unitsPerCase);
    if (quantity <= 0)
      throw new AppError(OrderErrors.lineQuantityInvalid, { field, perCase: sku.unitsPerCase }, { field: `${field}.units` });
    if (sku.minOrderQuantity !== null && quantity < sku.minOrderQuantity)
      throw new AppError(OrderErrors.belowMinimum, { field, code: sku.code, minimum: sku.minOrderQuantity }, { field: `${field}.units` });
    const price = sku.price;
    if (!price) throw new AppError(OrderErrors.noPrice, { field: `${field}.skuId`, code: sku.code }, { field: `${field}.skuId` });
    const unitPriceFen = line.unitPriceFen ?? price.unitPriceFen;
    return {
      lineNo: index + 1,
      skuId: sku.id,
      skuCode: sku.code,
      quantity,
      priceListId: price.priceListId,
      listPriceFen: price.unitPriceFen,
      unitPriceFen,
      floorPriceFen: price.floorPriceFen,
      discountBp: discountBasisPoints(price.unitPriceFen, unitPriceFen),
      lineTotalFen: quantity * unitPriceFen,
    };
  });
}
