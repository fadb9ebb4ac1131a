import { AppError } from '../../platform/errors/app-error.js';
import { shanghaiDate } from '../../platform/time.js';
import { FieldErrors } from './field.errors.js';

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** How far back a visit may be recorded or checked in (补录期限). */
export const maxBackdateDays = 7;
/** A phone's clock may run a little ahead of the server's; a check-in "now" from it is still now. */
const clockSkewMs = 5 * minuteMs;

/** The check-in instant of a visit: now unless given; never in the future, never older than the back-dating window. */
export function checkInTime(value: Date | string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const field = 'checkedInAt';
  const at = new Date(value);
  if (at.getTime() > now.getTime() + clockSkewMs)
    throw new AppError(FieldErrors.checkInInFuture, { field, now: now.toISOString() }, { field });
  const earliest = new Date(now.getTime() - maxBackdateDays * dayMs);
  if (at < earliest) {
    throw new AppError(FieldErrors.checkInTooOld, { field, days: maxBackdateDays, earliest: earliest.toISOString() }, { field });
  }
  return at;
}

/** A planned day is today or later (Shanghai days). */
export function assertPlannedDay(plannedFor: string, now: Date): void {
  const field = 'plannedFor';
  const today = shanghaiDate(now);
  if (plannedFor < today) throw new AppError(FieldErrors.plannedInPast, { field, today }, { field });
}

export interface Position {
  latitude?: number | null;
  longitude?: number | null;
}

/** GPS is optional, but a latitude without its longitude (or the reverse) is no place at all. */
export function positionOf(input: Position): { latitude: number | null; longitude: number | null } {
  const latitude = input.latitude ?? null;
  const longitude = input.longitude ?? null;
  if ((latitude === null) !== (longitude === null)) {
    const field = latitude === null ? 'latitude' : 'longitude';
    throw new AppError(FieldErrors.positionIncomplete, { field }, { field });
  }
  return { latitude, longitude };
}
