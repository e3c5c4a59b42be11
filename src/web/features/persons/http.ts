import type { Session } from '../../../core/schemas/index.ts';
import { ApiError, type FieldError } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n/index.ts';
import { queryClient, SESSION_KEY } from '../../app/queryClient.ts';

/**
 * An API problem with its extension members kept (RFC 9457 §3.2): the
 * `existing` record of a duplicate national ID, the `matches` of a probable
 * duplicate. `app/api.ts` drops them, so the few calls that need them (and
 * multipart uploads, which it cannot send) come through here.
 */
export class ProblemError extends ApiError {
  readonly extensions: Record<string, unknown>;

  constructor(init: ConstructorParameters<typeof ApiError>[0], extensions: Record<string, unknown>) {
    super(init);
    this.extensions = extensions;
  }
}

const csrf = () => queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrfToken ?? null;

/** POST a JSON body or a multipart form; answers the parsed body and its status. */
export async function send<T>(
  path: string,
  body: unknown,
  method: 'POST' | 'PATCH' = 'POST',
): Promise<{ status: number; data: T }> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  };
  const token = csrf();
  if (token) headers['x-csrf-token'] = token;
  const isForm = body instanceof FormData;
  if (!isForm) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: isForm ? body : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError({ status: 0, title: 'network' });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return { status: response.status, data: parsed as T };

  const { type, title, status: _status, detail, errors, ...extensions } = isRecord(parsed) ? parsed : {};
  throw new ProblemError(
    {
      status: response.status,
      type: typeof type === 'string' ? type : undefined,
      title: typeof title === 'string' ? title : response.statusText || `HTTP ${response.status}`,
      detail: typeof detail === 'string' ? detail : undefined,
      errors: Array.isArray(errors) ? errors.filter(isFieldError) : [],
    },
    extensions,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}
