import { AppError } from '../../platform/errors/app-error.js';
import { ProductErrors } from './products.errors.js';

/** Trims an optional text; undefined stays "not given", blank becomes null. */
export const blankToNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value?.trim() || null;

/** A required text, trimmed; blank is refused naming the field. */
export function requiredText(value: string, field: string): string;
export function requiredText(value: string | undefined, field: string): string | undefined;
export function requiredText(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) throw new AppError(ProductErrors.blank, { field }, { field });
  return trimmed;
}

/** Codes are compared and stored upper-case so "ab-1" and "AB-1" cannot both exist. */
export function normalizeCode(value: string, field: string): string;
export function normalizeCode(value: string | undefined, field: string): string | undefined;
export function normalizeCode(value: string | undefined, field: string): string | undefined {
  return requiredText(value, field)?.toUpperCase();
}

/**
 * ORG-5: how far below the list price a sale goes, in basis points of the
 * list price (500 = 5 %), rounded up so that 5.001 % never passes as 5 %.
 * Zero when the price is at or above the list. The orders module asks
 * `can(principal, 'discount.grant', discountBasisPoints(...))`.
 */
export function discountBasisPoints(listPriceFen: number, actualPriceFen: number): number {
  if (listPriceFen <= 0 || actualPriceFen >= listPriceFen) return 0;
  return Math.ceil(((listPriceFen - actualPriceFen) * 10_000) / listPriceFen);
}

/** PRD-2: a price below the floor is a price violation, whatever the seller's authority. */
export function isBelowFloor(floorPriceFen: number, actualPriceFen: number): boolean {
  return actualPriceFen < floorPriceFen;
}
