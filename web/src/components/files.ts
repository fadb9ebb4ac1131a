import { ApiError } from '../api/client';
import i18n from '../i18n';

/** List filters as the pages hold them; empty values are left out of the query string. */
type Query = object;

function urlOf(path: string, query: Query = {}): string {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query) as [string, unknown][])
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  return url.toString();
}

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

async function failure(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => undefined);
  return ApiError.from(response.status, body);
}

/**
 * Fetches a binary answer (the .xlsx endpoints are not JSON, so not through openapi-fetch) and saves it
 * under the name the server gives, which it returns; errors become ApiErrors as for every other call.
 */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<string> {
  const response = await fetch(urlOf(path, query), {
    credentials: 'same-origin',
    headers: { 'Accept-Language': i18n.language },
  });
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  const name = fileNameOf(response, fallbackName);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click returns; keep the URL a moment for slow handlers.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}

export interface Rejected<R> {
  error: ApiError;
  /** What the server attached to the error (the import report when a commit is refused). */
  details: R | null;
}

/** Posts a workbook as multipart `file`; a refusal keeps the server's details (the per-row report). */
export async function uploadFile<T, R = unknown>(path: string, file: File): Promise<{ data: T } | Rejected<R>> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(urlOf(path), {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'Accept-Language': i18n.language },
  });
  const body = await response.json().catch(() => undefined);
  if (response.ok) return { data: body as T };
  const details = (body as { error?: { details?: R } } | undefined)?.error?.details ?? null;
  return { error: ApiError.from(response.status, body), details };
}
