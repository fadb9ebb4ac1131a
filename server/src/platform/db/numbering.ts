import { type SQL, sql } from 'drizzle-orm';

/**
 * The next value of a sequence as text of at least `width` digits, zero-padded (000042). Past that width every digit
 * is kept: lpad would cut 1000001 to 100000 and hand out a number already taken.
 */
export function paddedNextval(sequence: string, width = 6): SQL<string> {
  const format = `FM${'9'.repeat(18 - width)}${'0'.repeat(width)}`;
  return sql.raw(`to_char(nextval('${sequence}'), '${format}')`) as SQL<string>;
}
