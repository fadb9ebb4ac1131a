/** An ILIKE pattern matching the keyword anywhere, with the keyword's own % _ \ taken literally. */
export function containsPattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
