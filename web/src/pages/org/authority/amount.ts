import type { AuthorityAction } from '../../../api/types';
import { formatBasisPoints, formatFen } from '../../../components/format';

/** An amount in the action's unit as people read it: ¥ for fen, % for basis points. */
export function formatAmount(unit: AuthorityAction['unit'], amount: number | null, language: string): string {
  if (unit === 'fen') return formatFen(amount, language);
  if (unit === 'basisPoints') return formatBasisPoints(amount);
  return amount === null ? '–' : String(amount);
}

/** What people type (yuan, percent) as the integer the API stores (fen, basis points): both are ×100. */
export function toWire(value: number | null | undefined): number | undefined {
  return value === null || value === undefined ? undefined : Math.round(value * 100);
}

export function fromWire(value: number | null): number | null {
  return value === null ? null : value / 100;
}
