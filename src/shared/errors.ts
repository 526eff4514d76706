// The outcomes a user or a script can tell apart. Each code belongs to one category, each category
// has one exit code of the `opos-mail` command (a promise to users' scripts: keep them).
export const EXIT_CODES = {
  ok: 0,
  unexpected: 1,
  invalid: 2,
  auth: 3,
  connection: 4,
  rejected: 5,
  temporary: 6,
  tooLarge: 7,
  keychain: 8,
  cancelled: 9,
  /** Delivered, but the server refused one or more recipients (see README: exit codes). */
  partial: 10,
} as const;
export type ErrorCategory = Exclude<keyof typeof EXIT_CODES, 'ok'>;

export const ERROR_CODES = {
  // invalid input (2)
  invalidAddress: 'invalid',
  invalidHeader: 'invalid',
  attachmentMissing: 'invalid',
  attachmentNotPdf: 'invalid',
  attachmentUnreadable: 'invalid',
  profileUnknown: 'invalid',
  profileExists: 'invalid',
  profileInvalid: 'invalid',
  profileLast: 'invalid',
  invalidOption: 'invalid',
  noRecipients: 'invalid',
  noSender: 'invalid',
  configCorrupt: 'invalid',
  configNewer: 'invalid',
  caFileUnreadable: 'invalid',
  notSupportedHere: 'invalid',
  manifestUnreadable: 'invalid',
  manifestInvalid: 'invalid',
  outboxUnknownId: 'invalid',
  outboxFileMissing: 'invalid',
  handoffBatchTooLarge: 'invalid',
  folderUnwritable: 'invalid',
  outboxNewer: 'invalid',
  pruneTooRecent: 'invalid',
  // authentication / sign-in (3)
  authFailed: 'auth',
  passwordMissing: 'auth',
  signInRequired: 'auth',
  basicAuthRetired: 'auth',
  smtpAuthDisabled: 'auth',
  oauthNotConfigured: 'auth',
  oauthConsentMissing: 'auth',
  oauthWrongTenant: 'auth',
  oauthAppUnknown: 'auth',
  oauthRefreshExpired: 'auth',
  oauthTimeout: 'auth',
  oauthCancelled: 'auth',
  oauthTokenRejected: 'auth',
  authNotOffered: 'auth',
  loginRequired: 'auth',
  // connection / TLS (4)
  connectFailed: 'connection',
  hostNotFound: 'connection',
  timeout: 'connection',
  starttlsNotOffered: 'connection',
  tlsFailed: 'connection',
  certUntrusted: 'connection',
  certHostname: 'connection',
  plaintextAuthRefused: 'connection',
  connectionLost: 'connection',
  sendOutcomeUnknown: 'connection',
  // the mail program on the desk cannot be reached: like a server that cannot be reached
  handoffNoProgram: 'connection',
  handoffFailed: 'connection',
  // rejected permanently (5)
  rejected: 'rejected',
  recipientsRejected: 'rejected',
  // temporary (6)
  temporary: 'temporary',
  dailyLimitReached: 'temporary',
  outboxBusy: 'temporary',
  batchInterrupted: 'temporary',
  // stopped by the user while waiting (connection, sign-in): nothing was sent
  operationCancelled: 'temporary',
  // the desktop app runs one Mahnlauf at a time
  batchRunning: 'temporary',
  // too large (7)
  tooLargeLocal: 'tooLarge',
  tooLargeServer: 'tooLarge',
  // keychain (8)
  keychainUnavailable: 'keychain',
  keychainLocked: 'keychain',
  // hardening (issue 12): header limits, SMTPUTF8, a full disk, Exchange and Entra ID refusals
  headerTooLong: 'invalid',
  smtputf8Required: 'invalid',
  diskFull: 'temporary',
  sendAsDenied: 'rejected',
  oauthPermissionsMissing: 'auth',
  // a new profile from an e-mail address (profile setup)
  setupNothingFound: 'invalid',
  setupPasswordNeeded: 'invalid',
  // delivered to some recipients, refused for others (10)
  recipientsPartlyRefused: 'partial',
  // anything else (1)
  unexpected: 'unexpected',
  // hand-off to the mail program on a Windows desk (Simple MAPI, Outlook): the user closed the compose
  // window without sending (9); every MAPI return code has its own code (src/main/handoff/windows/mapi-codes.ts)
  handoffCancelled: 'cancelled',
  noDefaultMailClient: 'invalid',
  newOutlookOnly: 'invalid',
  mapiUnavailable: 'invalid',
  mapiProviderCrashed: 'connection',
  handoffHelperFailed: 'unexpected',
  mapiFailure: 'connection',
  mapiLoginFailure: 'auth',
  mapiDiskFull: 'temporary',
  mapiInsufficientMemory: 'temporary',
  mapiAccessDenied: 'auth',
  mapiTooManySessions: 'temporary',
  mapiTooManyFiles: 'tooLarge',
  mapiTooManyRecipients: 'tooLarge',
  mapiAttachmentNotFound: 'invalid',
  mapiAttachmentOpenFailure: 'invalid',
  mapiAttachmentWriteFailure: 'temporary',
  mapiUnknownRecipient: 'invalid',
  mapiBadRecipType: 'unexpected',
  mapiNoMessages: 'unexpected',
  mapiInvalidMessage: 'unexpected',
  mapiTextTooLarge: 'tooLarge',
  mapiInvalidSession: 'temporary',
  mapiTypeNotSupported: 'unexpected',
  mapiAmbiguousRecipient: 'invalid',
  mapiMessageInUse: 'temporary',
  mapiNetworkFailure: 'connection',
  mapiInvalidEditFields: 'unexpected',
  mapiInvalidRecips: 'invalid',
  mapiNotSupported: 'invalid',
  mapiUnicodeNotSupported: 'invalid',
  mapiAttachmentTooLarge: 'tooLarge',
  mapiUnknownCode: 'unexpected',
  outlookNotInstalled: 'invalid',
  outlookGuardDenied: 'auth',
  outlookElevated: 'connection',
  outlookProfileUnknown: 'invalid',
  outlookLogonFailed: 'auth',
  outlookAccountNotFound: 'invalid',
  outlookRecipientsUnresolved: 'invalid',
  outlookAttachmentUnreadable: 'invalid',
  outlookFailed: 'unexpected',
  // e-mail templates (invalid input, 2)
  templateUnknown: 'invalid',
  templateExists: 'invalid',
  templateInvalid: 'invalid',
  templateLanguageMissing: 'invalid',
  templatesCorrupt: 'invalid',
  templatesNewer: 'invalid',
  templateImportInvalid: 'invalid',
  placeholderMissing: 'invalid',
  outboxMigrationFailed: 'unexpected',
} as const satisfies Record<string, ErrorCategory>;
export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorParams = Record<string, string | number>;

/** The serialisable form of an error: what crosses IPC and what `--json` prints. */
export interface ErrorInfo {
  code: ErrorCode;
  category: ErrorCategory;
  exitCode: number;
  params: ErrorParams;
  /** The server's reply (e.g. `550 5.1.1 ...`) when there was one. */
  response?: string;
}

export function categoryOf(code: ErrorCode): ErrorCategory {
  return ERROR_CODES[code];
}

export function exitCodeOf(code: ErrorCode): number {
  return EXIT_CODES[categoryOf(code)];
}
