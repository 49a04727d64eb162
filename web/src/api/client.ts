/** The error body every API failure carries: `{ error: { code, message, details? } }`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** A failed API call: the server's code and message as they came, plus the HTTP status. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const unauthenticatedListeners = new Set<() => void>();

/** Called whenever a request is refused with 401 (session gone): the app returns to the login page. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function errorBodyOf(value: unknown, status: number, statusText: string): ApiErrorBody {
  if (typeof value === 'object' && value !== null && 'error' in value) {
    const error = (value as { error: unknown }).error;
    if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
      return error as ApiErrorBody;
    }
  }
  return { code: `HTTP_${status}`, message: statusText || `HTTP ${status}` };
}

export interface RequestOptions {
  method?: string;
  /**
   * Sent as JSON, or as it is when a Blob (a photo: its own type becomes the Content-Type) or a
   * FormData (a workbook: the browser writes the multipart Content-Type with its boundary).
   */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  /** Makes a retry of this change safe: the server answers a replay with the first answer (see sendOutbox). */
  idempotencyKey?: string;
}

/**
 * Calls the API with the session cookie. Mutations carry the CSRF header the server requires of
 * cookie-authenticated changes. Failures throw ApiError with the server's code and message.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const url = params.size > 0 ? `${path}?${params}` : path;
  const headers: Record<string, string> = { accept: 'application/json' };
  const raw = options.body instanceof Blob || options.body instanceof FormData ? options.body : null;
  if (raw instanceof Blob) headers['content-type'] = raw.type || 'application/octet-stream';
  else if (!raw && options.body !== undefined) headers['content-type'] = 'application/json';
  if (MUTATING.has(method)) headers['x-requested-with'] = 'zhongshu';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = new ApiError(response.status, errorBodyOf(parsed, response.status, response.statusText));
    if (response.status === 401 && path !== '/api/session') {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  return parsed as T;
}
