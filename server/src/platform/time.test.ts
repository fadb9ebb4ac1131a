import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isoWeekday, isoWeekStart, monthDays, monthRange, shanghaiDate, shanghaiMonth } from './time.js';

describe('business time is Asia/Shanghai (CUS-5 month edges)', () => {
  it('CUS-5 23:30 on 31 October in Shanghai is still October, though it is 15:30 UTC; 00:10 on 1 November is November', () => {
    const lateOctober = new Date('2026-10-31T23:30:00+08:00');
    expect(lateOctober.toISOString()).toBe('2026-10-31T15:30:00.000Z');
    expect(shanghaiDate(lateOctober)).toBe('2026-10-31');
    expect(shanghaiMonth(lateOctober)).toBe('2026-10');
    const earlyNovember = new Date('2026-11-01T00:10:00+08:00');
    expect(earlyNovember.toISOString()).toBe('2026-10-31T16:10:00.000Z');
    expect(shanghaiMonth(earlyNovember)).toBe('2026-11');
  });

  it('CUS-5 a month is [its first Shanghai midnight, the next one) in UTC instants', () => {
    const [start, end] = monthRange('2026-10');
    expect(start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(new Date('2026-10-31T23:30:00+08:00') < end).toBe(true);
    expect(new Date('2026-11-01T00:10:00+08:00') >= end).toBe(true);
    expect(monthRange('2026-12')[1].toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(monthDays('2026-12')).toEqual(['2026-12-01', '2027-01-01']);
  });

  it('moves months and days across year ends and finds ISO weeks', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekStart('2026-11-29')).toBe('2026-11-23');
    expect(isoWeekStart('2027-01-01')).toBe('2026-12-28');
  });
});
