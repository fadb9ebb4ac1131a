import createClient, { type Middleware } from 'openapi-fetch';
import i18n from '../i18n';
import type { paths } from './schema';

/** One bad field as the server names it (validation errors, or a service error about one field). */
export interface FieldError {
  field: string;
  message: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { fields?: FieldError[]; field?: string } | null };
}

/** An error answer of the API: its code, its message already in the UI language, and the fields it blames. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[],
  ) {
    super(message);
  }

  static from(status: number, body: unknown): ApiError {
    const error = (body as ErrorBody | undefined)?.error;
    const message = error?.message ?? i18n.t('error.unexpected', { status });
    const details = error?.details;
    const fields = details?.fields ?? (details?.field ? [{ field: details.field, message }] : []);
    return new ApiError(status, error?.code ?? `http.${status}`, message, fields);
  }
}

let onUnauthorized: () => void = () => {};

/** The app decides what a 401 means (back to the login page); the client only reports it. */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/login')) onUnauthorized();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(session);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an API call and returns its data, or throws an ApiError carrying the server's message. */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw ApiError.from(response.status, error);
  return data as T;
}
