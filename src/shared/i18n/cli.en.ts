import type { cliDe } from './cli.de.js';

export const cliEn: { [K in keyof typeof cliDe]: string } = {
  sent: 'Sent to {{accepted}}.',
  accepted: 'Accepted by the Graph API (queued, not yet delivered) for {{accepted}}.',
  stored: 'Stored in the test mailbox (nothing was sent): {{file}}',
  handedOff: 'Handed to the mail program "{{program}}" – please review and send the message there.',
  partlyRejected: 'Warning: these recipients were rejected: {{rejected}}',
  messageId: 'Message-ID',
  response: 'Server reply',
  size: 'Size',
  testOk: 'Connection test succeeded – nothing was sent.',
  profileAdded: 'Profile "{{name}}" created.',
  profileUpdated: 'Profile "{{name}}" saved.',
  profileRemoved: 'Profile "{{name}}" and its stored secrets were removed.',
  profileActive: 'The active profile is now "{{name}}".',
  activeMark: 'active',
  passwordStored: 'a password is stored in the keychain',
  passwordNotStored: 'no password stored',
  passwordPrompt: 'Password: ',
  plainTextWarning:
    'Note: the security mode "{{mode}}" can end in plain text (an attacker can strip STARTTLS). Recommended: StartTls or SslOnConnect.',
  demoDone:
    'The sample Mahnung was stored in the test mailbox:\n  {{file}}\nOpen the file with your mail program to look at it.',
  demoSubject: 'Reminder for invoice 2026-0815',
  demoBody:
    'Dear Sir or Madam,\n\nour records show that invoice 2026-0815 for EUR 1,234.56 is still open. Please transfer the amount by 6 December 2026.\n\nKind regards\nAccounts department',
  noTestMailbox:
    'There is no profile of the connection kind "test-mailbox". Create one: opos-mail profile add Testpostfach --connection test-mailbox',
  yes: 'yes',
  no: 'no',
  none: '—',
  defaultPort: '{{port}} (default for {{mode}})',
  // partial delivery (issue 13)
  partial: 'Only partly delivered – only these received the message: {{accepted}}.',
  refusedLine: 'REFUSED: {{address}} – {{response}}',
};
