import type { Principal } from '../../platform/access/principal.js';
import type { Tx } from '../../platform/db/database.js';
import { accountCreditLimit, type CreditTerms } from '../customers/index.js';
import { can } from '../org/index.js';
import { availableStock } from './inventory.service.js';
import type { OrderCheckKind } from './order.enums.js';
import type { OrderLineRow, OrderRow } from './order.repository.js';
import { openReceivablesFen } from './order.repository.js';

export interface FailedCheck {
  kind: OrderCheckKind;
  /** What the approvers see: the numbers that made the check fail. */
  facts: Record<string, unknown>;
}

type Line = Pick<OrderLineRow, 'lineNo' | 'skuId' | 'quantity' | 'listPriceFen' | 'unitPriceFen' | 'floorPriceFen' | 'discountBp'>;

/**
 * PRD-2 / ORG-5: a price below the floor always needs approval; a discount
 * needs it when beyond the entering person's authority (discount.grant, in
 * basis points of the list price).
 */
async function priceCheck(tx: Tx, principal: Pick<Principal, 'isAdmin' | 'ladder'>, lines: Line[]): Promise<FailedCheck | null> {
  const belowFloor = lines.filter((line) => line.unitPriceFen < line.floorPriceFen);
  const maxDiscountBp = Math.max(0, ...lines.map((line) => line.discountBp));
  const authority = maxDiscountBp > 0 ? await can(tx, principal, 'discount.grant', maxDiscountBp) : null;
  const beyondAuthority = authority !== null && authority.decision !== 'allowed';
  if (belowFloor.length === 0 && !beyondAuthority) return null;
  return {
    kind: 'price',
    facts: {
      maxDiscountBp,
      authority: authority && { decision: authority.decision, ladder: authority.ladder, limitBp: authority.limitAmount },
      lines: lines
        .filter((line) => line.unitPriceFen < line.floorPriceFen || (beyondAuthority && line.discountBp > 0))
        .map((line) => ({
          lineNo: line.lineNo,
          skuId: line.skuId,
          listPriceFen: line.listPriceFen,
          unitPriceFen: line.unitPriceFen,
          floorPriceFen: line.floorPriceFen,
          discountBp: line.discountBp,
          belowFloor: line.unitPriceFen < line.floorPriceFen,
        })),
    },
  };
}

/**
 * CUS-8 / OSB-2: limit − open receivables must cover the order. An account
 * without a limit buys for cash: finance confirms the payment, no approval.
 */
async function creditCheck(tx: Tx, order: OrderRow, terms: CreditTerms | undefined): Promise<FailedCheck | null> {
  const credit = terms ?? (await accountCreditLimit(tx, order.accountId));
  if (credit.limitFen === null) return null;
  const limitFen = Number(credit.limitFen);
  const openFen = await openReceivablesFen(tx, order.accountId, order.id);
  const availableFen = limitFen - openFen;
  if (availableFen >= order.totalFen) return null;
  return {
    kind: 'credit',
    facts: {
      limitFen,
      openReceivablesFen: openFen,
      availableFen,
      orderTotalFen: order.totalFen,
      rating: credit.rating,
      shortFen: order.totalFen - availableFen,
    },
  };
}

/** OSB-4: what the order's warehouse has free now; reservation happens only at finance confirmation. */
async function stockCheck(tx: Tx, order: OrderRow, lines: Line[]): Promise<FailedCheck | null> {
  const stock = await availableStock(tx, { warehouseId: order.warehouseId, skuIds: lines.map((line) => line.skuId) });
  const short = lines
    .map((line) => ({ lineNo: line.lineNo, skuId: line.skuId, requested: line.quantity, available: stock.get(line.skuId)?.available ?? 0 }))
    .filter((line) => line.available < line.requested);
  if (short.length === 0) return null;
  return { kind: 'stock', facts: { warehouseId: order.warehouseId, lines: short } };
}

/**
 * OSB-2: every check on submit; each failing one is returned once, in a
 * fixed order. `credit` is the account's terms when the caller already read
 * them under its lock; otherwise they are read here.
 */
export async function runOrderChecks(
  tx: Tx,
  principal: Pick<Principal, 'isAdmin' | 'ladder'>,
  order: OrderRow,
  lines: Line[],
  credit?: CreditTerms,
): Promise<FailedCheck[]> {
  const results = [await priceCheck(tx, principal, lines), await creditCheck(tx, order, credit), await stockCheck(tx, order, lines)];
  return results.filter((result): result is FailedCheck => result !== null);
}
