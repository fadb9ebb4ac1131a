/** Money is integer fen everywhere (DESIGN rule 4); this is the one place it becomes yuan text for people. */
export function fenToYuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
