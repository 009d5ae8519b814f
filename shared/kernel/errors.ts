/** Error codes that cross the process boundary. Each has an i18n key `error.<code>`. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'BAD_STATE',
  'DB_UNAVAILABLE',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field error: `message` is an i18n key (`v.*`), params fill its placeholders. */
export interface FieldError {
  message: string;
  params?: Record<string, string | number>;
}

export interface AppErrorShape {
  code: ErrorCode;
  /** An i18n key (`error.*` or a more specific key); never a stack trace. */
  message: string;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, FieldError>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  readonly fieldErrors?: Record<string, FieldError>;
  constructor(
    code: ErrorCode,
    message?: string,
    opts?: { params?: Record<string, string | number>; fieldErrors?: Record<string, FieldError> },
  ) {
    super(message ?? `error.${code}`);
    this.code = code;
    this.params = opts?.params;
    this.fieldErrors = opts?.fieldErrors;
  }
  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.params) shape.params = this.params;
    if (this.fieldErrors) shape.fieldErrors = this.fieldErrors;
    return shape;
  }
}

export function fieldError(field: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', 'error.VALIDATION', { fieldErrors: { [field]: { message, params } } });
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error });
