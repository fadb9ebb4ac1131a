import dayjs from 'dayjs';

/** Money travels as integer fen; people read yuan with two decimals. */
export function formatFen(fen: number | null | undefined, language: string): string {
  if (fen === null || fen === undefined) return '–';
  const yuan = (Math.abs(fen) / 100).toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${fen < 0 ? '-' : ''}¥${yuan}`;
}

/** A yuan amount typed by a person, as the integer fen the API expects. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function formatBasisPoints(basisPoints: number | null | undefined): string {
  if (basisPoints === null || basisPoints === undefined) return '–';
  return `${(basisPoints / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '–';
}

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '–';
}
