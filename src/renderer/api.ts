// The typed API the preload (Electron) or the test host (browser) puts on window.oposMail.
import { API_GLOBAL, type IpcResult, type OposMailApi } from '../shared/ipc/contract.js';
import type { ErrorInfo } from '../shared/errors.js';

export function getApi(): OposMailApi | undefined {
  return (window as unknown as Record<string, OposMailApi | undefined>)[API_GLOBAL];
}

/** Thrown by `unwrap` so that one catch can show the core's localised error. */
export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.code);
  }
}

export async function unwrap<T>(result: Promise<IpcResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}

export function errorInfoOf(e: unknown): ErrorInfo {
  if (e instanceof ApiError) return e.info;
  return {
    code: 'unexpected',
    category: 'unexpected',
    exitCode: 1,
    params: { detail: e instanceof Error ? e.message : String(e) },
  };
}
