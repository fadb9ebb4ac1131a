import { AppError } from '../../platform/errors/app-error.js';
import { addDays } from '../../platform/time.js';
import { FieldErrors } from './field.errors.js';

/** A from–to range of calendar days (both inclusive), at most `maxDays` long, named by its `to` field when wrong. */
export function assertDayRange(from: string, to: string, maxDays: number, field = 'to'): void {
  if (to < from) throw new AppError(FieldErrors.rangeReversed, { field, from }, { field });
  if (addDays(from, maxDays - 1) < to) throw new AppError(FieldErrors.rangeTooLong, { field, days: maxDays }, { field });
}
