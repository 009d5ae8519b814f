import type { UseFormSetError, FieldValues, Path } from 'react-hook-form';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { AppErrorShape, ErrorCode, FieldError, Result } from '../../shared/kernel/errors';
import { decodeMessage, encodeMessage } from '../../shared/kernel/validation';
import { useSessionStore } from './stores/use-session-store';

/** An `ok: false` envelope (or a transport failure) as a thrown error. `message` is an i18n key. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK' | 'TOKEN_LOST';
  readonly params?: Record<string, string | number>;
  readonly fieldErrors?: Record<string, FieldError>;
  readonly channel: string;
  constructor(channel: string, shape: { code: ApiError['code']; message: string; params?: Record<string, string | number>; fieldErrors?: Record<string, FieldError> }) {
    super(shape.message);
    this.name = 'ApiError';
    this.channel = channel;
    this.code = shape.code;
    this.params = shape.params;
    this.fieldErrors = shape.fieldErrors;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Channels whose UNAUTHENTICATED/LOCKED answer is about the password typed, not about the session. */
const CREDENTIAL_CHANNELS = new Set<string>(['auth.signIn', 'auth.unlock', 'auth.signOut', 'setup.init', 'app.status', 'recovery.backups', 'recovery.restore']);

async function transport(channel: string, input: unknown): Promise<Result<unknown>> {
  if (typeof window !== 'undefined' && window.api?.invoke) {
    return window.api.invoke(channel, input);
  }
  let res: Response;
  try {
    res = await fetch(`/api/${channel}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'error.network' } } as Result<unknown>;
  }
  if (res.status === 403) {
    // The browser shell no longer recognises this page (the launch token cookie is gone).
    return { ok: false, error: { code: 'FORBIDDEN', message: 'error.tokenLost' } } as Result<unknown>;
  }
  // The browser shell refuses, before reading them, a body larger than any real input (413) and more large
  // bodies than it reads at once (503): say so, rather than "cannot reach the service".
  if (res.status === 413) return { ok: false, error: { code: 'VALIDATION', message: 'error.tooLarge' } } as Result<unknown>;
  if (res.status === 503) return { ok: false, error: { code: 'BAD_STATE', message: 'error.busyTryAgain' } } as Result<unknown>;
  try {
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'error.network' } } as Result<unknown>;
  }
}

/** Calls one contract channel; resolves to its output, throws ApiError for `ok: false`. */
export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await transport(channel, input);
  if (result && result.ok) return result.value as ChannelOutput<C>;
  const error: AppErrorShape = result && !result.ok && result.error ? result.error : { code: 'INTERNAL', message: 'error.INTERNAL' };
  if (error.message === 'error.tokenLost') {
    useSessionStore.getState().tokenLost();
    throw new ApiError(channel, { code: 'TOKEN_LOST', message: 'error.tokenLost' });
  }
  if (error.message === 'error.network') throw new ApiError(channel, { code: 'NETWORK', message: 'error.network' });
  if (!CREDENTIAL_CHANNELS.has(channel)) {
    const session = useSessionStore.getState();
    if (error.code === 'UNAUTHENTICATED' && error.message !== 'error.badCredentials' && session.user) session.signedOut('expired');
    else if (error.code === 'LOCKED' && session.user) session.lock();
  }
  throw new ApiError(channel, error);
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** ISO timestamps in params (e.g. `until`) are shown as local time. */
function localiseParams(params?: Record<string, string | number>): Record<string, string | number> | undefined {
  if (!params) return params;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) {
      const d = new Date(v);
      out[k] = Number.isNaN(d.getTime()) ? v : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    } else out[k] = v;
  }
  return out;
}

/** Translates an `i18n-key|{json params}` message (zod) or a bare key. */
export function translateMessage(t: Translate, message: string | undefined, params?: Record<string, string | number>): string {
  if (!message) return '';
  const decoded = decodeMessage(message);
  return t(decoded.key, { ...localiseParams({ ...(decoded.params ?? {}), ...(params ?? {}) }), defaultValue: t('v.invalid') });
}

/** A readable, translated sentence for any error a call can throw. */
export function errorText(t: Translate, e: unknown): string {
  if (isApiError(e)) {
    const fallback = t(`error.${e.code}`, { defaultValue: t('error.INTERNAL') });
    const key = decodeMessage(e.message).key;
    let text = t(key, { ...localiseParams(e.params), defaultValue: fallback });
    // An internal error carries a reference to the host's log line.
    if (e.params?.ref) text = `${text} ${t('error.ref', { ref: e.params.ref })}`;
    // A validation error whose fields are not on screen: name the first problem.
    if (e.code === 'VALIDATION' && e.fieldErrors) {
      const first = Object.entries(e.fieldErrors)[0];
      if (first) text = `${text} ${translateMessage(t, first[1].message, first[1].params)}`;
    }
    return text;
  }
  if (e instanceof Error) return t('error.unexpected', { message: e.message });
  return t('error.INTERNAL');
}

/**
 * Puts the host's field errors next to the form's fields. Messages are stored encoded
 * (`v.key|{params}`) and translated by the field when shown, so they follow a language switch.
 * `prefix` strips a path prefix (e.g. `person.` for `people.update`). Returns true when every
 * field error found a field; false when something must be shown elsewhere.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  options?: { fields?: readonly string[]; prefix?: string },
): boolean {
  if (!isApiError(error) || !error.fieldErrors) return false;
  let all = true;
  let firstShown = false;
  for (const [rawPath, fe] of Object.entries(error.fieldErrors)) {
    let path = rawPath;
    if (options?.prefix && path.startsWith(options.prefix)) path = path.slice(options.prefix.length);
    if (options?.fields && !options.fields.includes(path)) {
      all = false;
      continue;
    }
    const decoded = decodeMessage(fe.message);
    const params = { ...(decoded.params ?? {}), ...(fe.params ?? {}) };
    setError(path as Path<T>, { type: 'server', message: Object.keys(params).length ? encodeMessage(decoded.key, params) : decoded.key }, { shouldFocus: !firstShown });
    firstShown = true;
  }
  return all;
}
