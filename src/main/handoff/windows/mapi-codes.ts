// The 28 return codes of MAPISendMailW (wine's mapi.h; 7 is unused) and what each one means for the
// user: the error code whose message says what to do (src/shared/i18n/windows-handoff.*.ts), and through
// its category the exit code. SUCCESS is the only one without an error.
import type { ErrorCode } from '../../../shared/errors.js';

export const MAPI_RETURN_CODES = {
  0: { name: 'SUCCESS_SUCCESS', error: null },
  1: { name: 'MAPI_USER_ABORT', error: 'handoffCancelled' },
  2: { name: 'MAPI_E_FAILURE', error: 'mapiFailure' },
  3: { name: 'MAPI_E_LOGIN_FAILURE', error: 'mapiLoginFailure' },
  4: { name: 'MAPI_E_DISK_FULL', error: 'mapiDiskFull' },
  5: { name: 'MAPI_E_INSUFFICIENT_MEMORY', error: 'mapiInsufficientMemory' },
  6: { name: 'MAPI_E_ACCESS_DENIED', error: 'mapiAccessDenied' },
  8: { name: 'MAPI_E_TOO_MANY_SESSIONS', error: 'mapiTooManySessions' },
  9: { name: 'MAPI_E_TOO_MANY_FILES', error: 'mapiTooManyFiles' },
  10: { name: 'MAPI_E_TOO_MANY_RECIPIENTS', error: 'mapiTooManyRecipients' },
  11: { name: 'MAPI_E_ATTACHMENT_NOT_FOUND', error: 'mapiAttachmentNotFound' },
  12: { name: 'MAPI_E_ATTACHMENT_OPEN_FAILURE', error: 'mapiAttachmentOpenFailure' },
  13: { name: 'MAPI_E_ATTACHMENT_WRITE_FAILURE', error: 'mapiAttachmentWriteFailure' },
  14: { name: 'MAPI_E_UNKNOWN_RECIPIENT', error: 'mapiUnknownRecipient' },
  15: { name: 'MAPI_E_BAD_RECIPTYPE', error: 'mapiBadRecipType' },
  16: { name: 'MAPI_E_NO_MESSAGES', error: 'mapiNoMessages' },
  17: { name: 'MAPI_E_INVALID_MESSAGE', error: 'mapiInvalidMessage' },
  18: { name: 'MAPI_E_TEXT_TOO_LARGE', error: 'mapiTextTooLarge' },
  19: { name: 'MAPI_E_INVALID_SESSION', error: 'mapiInvalidSession' },
  20: { name: 'MAPI_E_TYPE_NOT_SUPPORTED', error: 'mapiTypeNotSupported' },
  21: { name: 'MAPI_E_AMBIGUOUS_RECIPIENT', error: 'mapiAmbiguousRecipient' },
  22: { name: 'MAPI_E_MESSAGE_IN_USE', error: 'mapiMessageInUse' },
  23: { name: 'MAPI_E_NETWORK_FAILURE', error: 'mapiNetworkFailure' },
  24: { name: 'MAPI_E_INVALID_EDITFIELDS', error: 'mapiInvalidEditFields' },
  25: { name: 'MAPI_E_INVALID_RECIPS', error: 'mapiInvalidRecips' },
  26: { name: 'MAPI_E_NOT_SUPPORTED', error: 'mapiNotSupported' },
  27: { name: 'MAPI_E_UNICODE_NOT_SUPPORTED', error: 'mapiUnicodeNotSupported' },
  28: { name: 'MAPI_E_ATTACHMENT_TOO_LARGE', error: 'mapiAttachmentTooLarge' },
} as const satisfies Record<number, { name: string; error: ErrorCode | null }>;

export type MapiReturnCode = keyof typeof MAPI_RETURN_CODES;

/** The MAPI name of a return code (`MAPI_E_FAILURE`), or `MAPI code N` for one outside the table. */
export function mapiCodeName(code: number): string {
  return code in MAPI_RETURN_CODES ? MAPI_RETURN_CODES[code as MapiReturnCode].name : `MAPI code ${code}`;
}

/** The error a return code stands for: null for success, `mapiUnknownCode` for any number not listed. */
export function errorForMapiCode(code: number): ErrorCode | null {
  return code in MAPI_RETURN_CODES ? MAPI_RETURN_CODES[code as MapiReturnCode].error : 'mapiUnknownCode';
}

// MAPISendMailW's flags (mapi.h)
export const MAPI_LOGON_UI = 0x1;
export const MAPI_NEW_SESSION = 0x2;
export const MAPI_DIALOG = 0x8;
