import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { shanghaiDate } from '../../platform/time.js';
import { accountCreditLimit, findVisibleAccount } from '../customers/index.js';
import { geographyPath } from '../org/index.js';
import { resolvePrices } from '../products/index.js';
import { availableStock, defaultWarehouseFor } from './inventory.service.js';
import { OrderErrors } from './order.errors.js';
import { activeWarehouseExists, openReceivablesFen } from './order.repository.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

/**
 * OSB-1/2 order entry: what the desk needs while typing, with the same
 * numbers the submit checks will use: credit line minus open receivables,
 * the warehouse the order ships from (the one asked for, else the account's
 * default), and per SKU the resolved price and the stock free there now. An
 * account out of scope reads as 404.
 */
export async function orderEntryFacts(ctx: ReadContext, input: { accountId: number; warehouseId?: number; skuIds: number[] }) {
  const account = await findVisibleAccount(ctx.db, ctx.principal, input.accountId);
  if (!account) throw new AppError(PlatformErrors.notFound);
  if (input.warehouseId !== undefined && !(await activeWarehouseExists(ctx.db, input.warehouseId)))
    throw new AppError(OrderErrors.warehouseUnknown, { field: 'warehouseId' }, { field: 'warehouseId' });
  const path = await geographyPath(ctx.db, account.geographyId);
  const defaultWarehouseId = await defaultWarehouseFor(ctx.db, path);
  const warehouseId = input.warehouseId ?? defaultWarehouseId;
  const credit = await accountCreditLimit(ctx.db, account.id);
  const limitFen = credit.limitFen === null ? null : Number(credit.limitFen);
  // No order is excluded: 0 is never an order id.
  const openFen = await openReceivablesFen(ctx.db, account.id, 0);
  const date = shanghaiDate(new Date());
  const [prices, stock] = await Promise.all([
    resolvePrices(ctx.db, { accountKind: account.kind, geographyPath: path, onDate: date, skuIds: input.skuIds }),
    warehouseId === null ? null : availableStock(ctx.db, { warehouseId, skuIds: input.skuIds }),
  ]);
  return {
    accountId: account.id,
    date,
    warehouseId,
    defaultWarehouseId,
    credit: {
      limitFen,
      rating: credit.rating,
      openReceivablesFen: openFen,
      availableFen: limitFen === null ? null : limitFen - openFen,
    },
    skus: input.skuIds.map((skuId) => {
      const price = prices.get(skuId);
      return {
        skuId,
        priceListId: price?.priceListId ?? null,
        listPriceFen: price?.unitPriceFen ?? null,
        floorPriceFen: price?.floorPriceFen ?? null,
        availableStock: stock?.get(skuId)?.available ?? null,
      };
    }),
  };
}
