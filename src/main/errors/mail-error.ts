import { dirname } from 'node:path';
import {
  categoryOf,
  exitCodeOf,
  type ErrorCode,
  type ErrorInfo,
  type ErrorParams,
} from '../../shared/errors.js';

/**
 * The one error type the core throws for anything a user can act on. `code` selects the localised
 * message (src/shared/i18n), `params` fill it. The English `message` is for logs and --debug only and
 * never contains a secret.
 */
export class MailError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly response: string | undefined;

  constructor(
    code: ErrorCode,
    params: ErrorParams = {},
    options: { cause?: unknown; response?: string } = {},
  ) {
    super(`${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`, {
      cause: options.cause,
    });
    this.name = 'MailError';
    this.code = code;
    this.params = params;
    this.response = options.response;
  }

  get exitCode(): number {
    return exitCodeOf(this.code);
  }

  toInfo(): ErrorInfo {
    return {
      code: this.code,
      category: categoryOf(this.code),
      exitCode: this.exitCode,
      params: this.params,
      ...(this.response ? { response: this.response } : {}),
    };
  }
}

/** Any thrown value as a MailError: unknown errors become `unexpected` with their message as detail. */
export function toMailError(e: unknown): MailError {
  if (e instanceof MailError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  // a full disk is named as such, with the folder the failed write was in (see disk-full.ts)
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    const p = (e as { path?: unknown }).path;
    return new MailError('diskFull', { folder: typeof p === 'string' ? dirname(p) : '' }, { cause: e });
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new MailError('unexpected', { detail }, { cause: e });
}
