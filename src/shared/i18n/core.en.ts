import type { CoreMessages } from './types.js';
import { windowsHandoffErrorsEn } from './windows-handoff.en.js';
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
    notSupportedHere:
      'The connection kind "{{kind}}" is not available on this system ({{detail}} only). Please choose another connection kind here, e.g. SMTP, Microsoft 365 or the Graph API.',
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
    oauthCancelled: 'The sign-in was cancelled. Please try again.',
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
    folderUnwritable:
      'The folder "{{folder}}" cannot be created or written ({{detail}}). Please check the path and permissions (data folder: --home or OPOS_MAIL_HOME).',
    handoffNoProgram:
      'No default mail program is set up ({{detail}}). Please choose a default mail program in the system settings – or send directly over SMTP, Microsoft 365 or the Graph API.',
    handoffFailed:
      'The mail program "{{program}}" could not take the message ({{detail}}). Please check that it is installed and starts, or send over SMTP, Microsoft 365 or the Graph API.',
    handoffBatchTooLarge:
      'The batch has {{rows}} messages; handing them to the mail program opens one window each and is limited to {{limit}} in the profile "{{profile}}". Please send large batches over SMTP, Microsoft 365 or the Graph API (or with Outlook\'s direct send), or raise the limit (--handoff-max-rows).',
    // hardening (issue 12)
    headerTooLong:
      'The field "{{field}}" holds a run of characters without spaces longer than {{max}} characters; the mail standard does not allow header lines that long (RFC 5322). Please shorten it or add spaces.',
    smtputf8Required:
      'The address "{{address}}" has umlauts or other non-ASCII characters before the @, and the server {{host}} does not offer SMTPUTF8 for them. The message was not sent. Please use the ASCII spelling of the address (e.g. mueller@…) or a server with SMTPUTF8.',
    diskFull:
      'Disk full: there is no space left in "{{folder}}". Nothing was lost and nothing was sent twice; the run was stopped. Please free some space and start it again – it continues where it stopped.',
    sendAsDenied:
      'Exchange refused sending as "{{sender}}" (403 ErrorAccessDenied): the signed-in account may not send as this mailbox or on its behalf. Please have the mailbox permission "Send As" or "Send on Behalf" granted in Exchange.',
    oauthPermissionsMissing:
      'The application "{{clientId}}" lacks the permissions to send mail ({{detail}}). Please add SMTP.Send or Mail.Send under "API permissions" in the app registration and grant consent.',
    // a new profile from an e-mail address (profile setup)
    setupNothingFound:
      'No outgoing server that OPOS Mail can trust was found for "{{domain}}" (not in the DNS, not from the provider, not in the ISPDB, no confirmed guess). Please enter your provider\'s settings by hand: opos-mail profile add NAME --host SERVER --port PORT --security StartTls … or in the app under "New …".',
    setupPasswordNeeded:
      'The server {{host}} needs a password to sign in. Please give the password on standard input (--password-stdin); without a terminal opos-mail does not ask. Nothing was saved.',
    unexpected: 'An unexpected error occurred: {{detail}}. Run with --debug for details.',
    ...windowsHandoffErrorsEn,
    // e-mail templates
    templateUnknown: 'There is no template "{{name}}". "opos-mail template list" shows the existing ones.',
    templateExists: 'A template "{{name}}" already exists. Please choose another name.',
    templateInvalid: 'The template is incomplete or invalid: {{detail}}',
    templateLanguageMissing:
      'The template "{{name}}" has no text in the language "{{language}}". Please add it or choose another language (--language).',
    templatesCorrupt:
      'The templates file "{{file}}" is damaged ({{detail}}). It was not changed. Please restore a backup, or rename the file and import an export file.',
    templatesNewer:
      'The templates file "{{file}}" was written by a newer version of OPOS Mail (version {{version}}). It was not changed. Please update OPOS Mail.',
    templateImportInvalid:
      'The file "{{file}}" is not a valid template export ({{detail}}). Nothing was imported; your templates are unchanged.',
    placeholderMissing:
      'The placeholders {{names}} have no value. Please give them (--field NAME=VALUE); nothing was sent.',
    // outbox database (issue 16)
    outboxNewer:
      'The outbox database "{{file}}" was written by a newer version of OPOS Mail (schema {{version}}). It was left unchanged. Please update OPOS Mail.',
    outboxMigrationFailed:
      'The outbox in "{{folder}}" could not be moved into the new database ({{detail}}). The old data was left untouched and nothing was sent. Please fix the cause (e.g. free disk space) and start OPOS Mail again.',
    pruneTooRecent:
      'Stored messages and the journal must be kept for six years (HGB § 257, AO § 147): {{date}} is less than six years ago (the earliest allowed date is {{earliest}}). Nothing was deleted. Choose an earlier date, or add --force if the retention duty is met elsewhere.',
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
    // per-profile message settings
    messagesControlCopy: 'Control copy to',
    messagesReplyTo: 'Reply-To',
    messagesSignature: 'Signature',
    messagesDeliveryReceipt: 'Request delivery receipts (DSN)',
    messagesReadReceipt: 'Request read receipts',
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
    // Zustellbestätigung
    dsn: 'Delivery receipt (DSN)',
    dsnOffered: 'offered by the server',
    dsnNotOffered:
      'NOT offered by the server – delivery receipts cannot be requested through this server; messages are sent all the same',
  },
  kinds: {
    smtp: 'SMTP',
    graph: 'Microsoft Graph API',
    'system-mail': "The system's mail program",
    'windows-standard': 'Windows default (Simple MAPI)',
    outlook: 'Outlook',
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
    windowsDefault: 'the Windows default mail program',
  },
};
