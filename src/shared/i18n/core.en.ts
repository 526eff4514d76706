import type { CoreMessages } from './types.js';
import type { ConnectionKind } from '../profile.js';

export const coreEn: CoreMessages = {
  errors: {
    invalidAddress:
      'The e-mail address "{{address}}" is not valid. Please check the spelling (e.g. name@company.com).',
    invalidHeader:
      'The field "{{field}}" contains a line break or a control character. Please remove it: such characters could alter the message.',
    attachmentMissing: 'The attachment "{{file}}" was not found. Please check the path.',
    attachmentNotPdf:
      'The file “{{file}}” is not a PDF document. Please attach PDF files only (reminders, payment advices).',
    attachmentUnreadable:
      'The attachment "{{file}}" cannot be read ({{detail}}). Please check the permissions.',
    profileUnknown: 'There is no profile "{{profile}}". "opos-mail profile list" shows the existing ones.',
    profileExists: 'A profile "{{profile}}" already exists. Please choose another name.',
    profileInvalid: 'The profile is incomplete: {{detail}}',
    profileLast: 'The last profile cannot be removed. Create another one first.',
    invalidOption: 'Invalid input: {{detail}}',
    noRecipients: 'No recipient given. Please give at least one address (--to).',
    noSender:
      'The profile "{{profile}}" has no sender address. Please add one (opos-mail profile edit "{{profile}}" --from ADDRESS).',
    configCorrupt:
      'The profile file "{{file}}" is damaged ({{detail}}). It was left unchanged. Please restore a backup, or rename the file and a new one will be created.',
    configNewer:
      'The profile file "{{file}}" was written by a newer version of OPOS Mail (version {{version}}). It was left unchanged. Please update OPOS Mail.',
    caFileUnreadable:
      'The certificate file "{{file}}" cannot be read or holds no PEM certificate. Please check the path (--ca-file).',
    notSupportedHere: 'The connection kind "{{kind}}" is not available on this system. {{detail}}',
    manifestUnreadable:
      'The mailing list "{{file}}" cannot be read ({{detail}}). Please check the path and the format (CSV or JSON).',
    manifestInvalid:
      'The mailing list has {{count}} invalid row(s). Nothing was sent. Please correct the rows listed and start the run again.',
    outboxBusy:
      'The message "{{id}}" is being sent by another process or has been sent already. Please look it up in the outbox ("opos-mail outbox show {{id}}").',
    outboxFileMissing:
      'The stored message "{{id}}" is missing from the outbox ({{file}}); the file was probably deleted or moved. Without it the message cannot be sent again: please put the file back or create the message anew.',
    outboxUnknownId:
      'There is no message "{{id}}" in the outbox. "opos-mail outbox list" shows the existing ones.',
    authFailed:
      'The server refused the login ({{response}}). Please check the user name and password of the profile "{{profile}}".',
    passwordMissing:
      'No password is stored for the profile "{{profile}}". Please store one: opos-mail profile edit "{{profile}}" --password-stdin',
    signInRequired:
      'The profile "{{profile}}" needs a sign-in. Please sign in: opos-mail login --profile "{{profile}}" (or choose "OAuth with dialog").',
    basicAuthRetired:
      'The server no longer accepts a password login ({{response}}). Please switch the profile to OAuth 2.0 or to the Microsoft Graph API.',
    smtpAuthDisabled:
      'SMTP login is disabled for this Microsoft 365 tenant ({{response}}). Please switch the profile to the Microsoft Graph API, or ask your administrator to enable SMTP AUTH for the mailbox.',
    oauthNotConfigured:
      'Signing in with {{provider}} needs an application (client) ID. Please register an application (see the README, "App registration") and enter its ID: opos-mail profile edit "{{profile}}" --client-id ID',
    oauthConsentMissing:
      'Access was not granted ({{detail}}). Please consent when signing in, or ask your administrator to approve the application.',
    oauthWrongTenant:
      'The directory (tenant) ID "{{tenant}}" is unknown or does not match the account ({{detail}}). Please check the directory ID in the profile.',
    oauthAppUnknown:
      'The application ID "{{clientId}}" is not registered with the provider ({{detail}}). Please check the ID or register the application (see the README).',
    oauthRefreshExpired:
      'The sign-in for "{{profile}}" has expired or was revoked. Please sign in again: opos-mail login --profile "{{profile}}"',
    oauthTimeout:
      'The sign-in in the browser was not completed within {{seconds}} seconds. Please try again.',
    oauthCancelled: 'The sign-in was cancelled ({{detail}}). Please try again.',
    oauthTokenRejected:
      'The server refused the OAuth token ({{response}}). Please check that the user name of the profile "{{profile}}" is the signed-in account and that SMTP AUTH or the Graph permissions are enabled for the mailbox; sign in again if needed: opos-mail login --profile "{{profile}}"',
    loginRequired:
      'The server requires a login ({{response}}). Please turn on "Log in" for the profile "{{profile}}" and store user name and password (opos-mail profile edit "{{profile}}" --login --user NAME --password-stdin).',
    authNotOffered:
      'The server offers no suitable login method (offered: {{offered}}). Please check the server and the security setting.',
    connectFailed:
      'Cannot connect to {{host}}:{{port}} ({{detail}}). Please check the server, the port and your network.',
    hostNotFound: 'The server "{{host}}" was not found. Please check the server name.',
    timeout:
      'The server {{host}}:{{port}} does not answer in time. Please check server and port, or try again later.',
    starttlsNotOffered:
      'The server {{host}}:{{port}} does not offer encryption (STARTTLS), which the security mode "StartTls" requires. Nothing was sent. Please check port and security (e.g. SslOnConnect with port 465).',
    tlsFailed:
      'The encrypted connection to {{host}}:{{port}} failed ({{detail}}). Please check port and security.',
    certUntrusted:
      'The certificate of the server {{host}} is not trusted ({{detail}}). If your company uses its own certificate authority, add its certificate to the profile (--ca-file FILE).',
    certHostname:
      'The server certificate does not match the name "{{host}}" ({{detail}}). Please use the server name the certificate was issued for.',
    plaintextAuthRefused:
      'The connection to {{host}}:{{port}} is not encrypted, so the password was not sent. Please choose an encrypted security mode (StartTls or SslOnConnect), or explicitly allow unencrypted login (--allow-plaintext-auth).',
    connectionLost:
      'The connection to the server was lost ({{detail}}). The message may not have been delivered.',
    sendOutcomeUnknown:
      'The connection broke after the message had been transmitted completely. The server may have accepted it. It is marked "unknown" and is not resent automatically (outbox ID {{id}}). Check whether it arrived; to send it again: opos-mail outbox retry {{id}} --resend-unknown',
    rejected: 'The server rejected the message permanently: {{response}}',
    recipientsRejected:
      'The server rejected recipients: {{recipients}} ({{response}}). Please check the addresses.',
    temporary: 'The server reports a temporary failure: {{response}}. Please try again later.',
    dailyLimitReached:
      'The daily limit of the profile "{{profile}}" ({{limit}} messages) has been reached. The remaining messages stay in the outbox and are sent later with "opos-mail outbox run" (or the same command).',
    batchInterrupted:
      'Stopped. The remaining messages stay in the outbox; the same command resumes the run without sending anything twice.',
    tooLargeLocal:
      'The message is {{size}} KB, more than the {{limit}} KB the profile allows. Please make the attachments smaller or send them separately.',
    tooLargeServer:
      'The message is {{size}} KB, more than the server accepts ({{limit}} KB). Please make the attachments smaller or send them separately.',
    keychainUnavailable:
      'The operating system keychain cannot be reached ({{detail}}). Passwords are only stored there. Please start or unlock the keychain (on Linux: GNOME Keyring / Secret Service).',
    keychainLocked: 'The keychain is locked. Please unlock it and try again.',
    handoffNoProgram:
      'No default mail program is set up ({{detail}}). Please choose a default mail program in the system settings – or send directly over SMTP, Microsoft 365 or the Graph API.',
    handoffFailed:
      'The mail program "{{program}}" could not take the message ({{detail}}). Please check that it is installed and starts, or send over SMTP, Microsoft 365 or the Graph API.',
    handoffBatchTooLarge:
      'The batch has {{rows}} messages; handing them to the mail program opens one window each and is limited to {{limit}} in the profile "{{profile}}". Please send large batches over SMTP, Microsoft 365 or the Graph API (or with Outlook\'s direct send), or raise the limit (--handoff-max-rows).',
    unexpected: 'An unexpected error occurred: {{detail}}. Run with --debug for details.',
    recipientsPartlyRefused:
      'The message was NOT delivered to every recipient. The server refused: {{refused}} ({{response}}). Only these received it: {{accepted}}. Please check the refused addresses and send the message again to them only.',
    operationCancelled:
      'Cancelled. Nothing was sent. You can try again at any time (a cancelled message is listed as failed in the outbox and can be sent again from there).',
    batchRunning:
      'A dunning run is already in progress. Please wait until it has finished, or cancel it on the "Dunning run" tab; then you can start a new one.',
  },
  fields: {
    name: 'Profile name',
    connection: 'Connection kind',
    fromAddress: 'Sender address',
    fromName: 'Sender name',
    host: 'Server',
    port: 'Port',
    security: 'Security',
    auth: 'Log in',
    user: 'User name (profile)',
    password: 'Password',
    allowPlaintextAuth: 'Allow unencrypted login',
    caFile: 'Additional CA certificate',
    maxSizeKb: 'Max. message size (KB)',
    oauthClientId: 'Application (client) ID',
    oauthTenantId: 'Directory (tenant) ID',
    oauthAuthorityUrl: 'Sign-in base URL',
    oauthGraphUrl: 'Graph base URL',
    handoffMode: 'Hand-off',
    handoffMaxBatchRows: 'Maximum messages per batch',
  },
  problems: {
    required: '"{{field}}" must be filled in.',
    invalidAddress: '"{{field}}" is not a valid e-mail address.',
    invalidHost: '"{{field}}" is not a valid server name or https address.',
    authRequired: '"{{field}}": this connection kind needs a login.',
    oauthOnly: 'The Microsoft Graph API requires signing in with OAuth 2.0.',
    authNotUsed: 'This connection kind uses no login; please choose "No login".',
  },
  report: {
    tlsImplicit: 'encrypted ({{version}}, from the start – SslOnConnect)',
    tlsStarttls: 'encrypted ({{version}}, via STARTTLS)',
    tlsNone: 'NOT encrypted',
    authNone: 'no login',
    authDone: 'logged in as {{user}} ({{mechanism}})',
    sizeLimit: '{{size}} KB',
    sizeNone: 'not announced',
    connection: 'Connection',
    encryption: 'Encryption',
    authentication: 'Login',
    serverLimit: 'Server size limit',
    server: 'Server',
    testMailbox: 'Test mailbox (nothing is sent; messages are written as .eml files to {{folder}})',
    plainWarning: 'Warning: this connection was not encrypted. Anyone on the line can read the messages.',
  },
  kinds: {
    smtp: 'SMTP',
    graph: 'Microsoft Graph API',
    'system-mail': "The system's mail program",
    'test-mailbox': 'Test mailbox',
  } satisfies Record<ConnectionKind, string>,
  handoff: {
    program: 'Mail program',
    method: 'Hand-off',
    methods: {
      compose: 'open its compose window (you review and send there)',
      draft: 'open as a draft (.eml file) – you send from the mail program',
      direct: 'sent directly by the mail program',
    },
    notKnowable:
      'Whether the message was really sent from the mail program cannot be known to OPOS Mail – please check its "Sent" folder.',
    draftFile: 'Draft: {{file}}',
    unknownProgram: 'unknown mail program ({{id}})',
    systemOpener: 'the program the system uses for .eml files',
  },
};
