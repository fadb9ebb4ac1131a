/**
 * Business dates and months are China time (Asia/Shanghai), whatever the
 * server's zone: a visit at 23:30 on 31 October in Shanghai belongs to
 * October. China has kept UTC+8 without daylight saving since 1991, so a
 * fixed offset is exact.
 */
export const businessTimeZone = 'Asia/Shanghai';
const offset = '+08:00';
const dayMs = 86_400_000;

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: businessTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return dayFormat.format(at);
}

/** The Shanghai month of an instant, as YYYY-MM. */
export function shanghaiMonth(at: Date): string {
  return shanghaiDate(at).slice(0, 7);
}

/** The first instant of a Shanghai day (YYYY-MM-DD). */
export function startOfShanghaiDay(date: string): Date {
  return new Date(`${date}T00:00:00${offset}`);
}

/** A month (YYYY-MM) as the instants [start, end) of Shanghai time. */
export function monthRange(month: string): [Date, Date] {
  return [startOfShanghaiDay(`${month}-01`), startOfShanghaiDay(`${addMonths(month, 1)}-01`)];
}

/** A month (YYYY-MM) as its calendar days [first, first of the next month). */
export function monthDays(month: string): [string, string] {
  return [`${month}-01`, `${addMonths(month, 1)}-01`];
}

/** YYYY-MM moved by n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [year, monthIndex] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + (monthIndex - 1) + n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** A calendar day (YYYY-MM-DD) moved by n days; pure date arithmetic, no zone involved. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}

/** ISO day of the week of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday that starts the ISO week of a calendar day. */
export function isoWeekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}
