import type { batchDe } from './batch.de.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const batchEn: Widen<typeof batchDe> = {
  problems: {
    toMissing: 'no recipient (column "to" / "Empfänger" is empty)',
    badAddress: 'invalid e-mail address "{{address}}" ({{field}})',
    subjectMissing: 'no subject (column "subject" / "Betreff" is empty)',
    controlCharacter: '"{{field}}" contains a line break or a control character',
    attachmentMissing: 'attachment not found: {{file}}',
    attachmentUnreadable: 'attachment cannot be read ({{detail}}): {{file}}',
    attachmentNotPdf: 'attachment is not a PDF (content checked, not the name): {{file}}',
    tooLarge: 'message about {{size}} KB, the profile allows {{limit}} KB',
    placeholderMissing: 'placeholder "{{placeholder}}" has no value (column missing or empty)',
    kindInvalid: 'kind "{{value}}" unknown (allowed: mahnung, zahlungsavis)',
    duplicateRow: 'same row as row {{other}} (reference or content twice) – it would be sent only once',
    columnCount: '{{found}} cells instead of {{expected}} (check delimiters and quotes)',
    // e-mail templates
    templateUnknown: 'there is no template "{{name}}" (opos-mail template list shows the existing ones)',
    templateMissing:
      'no template for kind "{{kind}}" and level "{{level}}" (give the column "template" or "level")',
    templateLanguageMissing: 'template "{{name}}" has no text in the language "{{language}}"',
    levelInvalid: 'unknown level "{{value}}" (allowed: 1, 2, 3, final)',
    languageInvalid: 'unknown language "{{value}}" (allowed: de, en, nl)',
    // hardening (issue 12)
    headerTooLong:
      '"{{field}}" holds a run without spaces longer than {{max}} characters (RFC 5322 allows no header line that long)',
    fieldInvalid: '"{{field}}" is not a text, a number or a list of them (nested values are not allowed)',
  },
  states: {
    queued: 'queued',
    sending: 'sending',
    sent: 'sent',
    handedOff: 'handed to the mail program',
    failed: 'failed',
    unknown: 'unknown',
    skipped: 'skipped (already sent)',
    invalid: 'invalid',
    partial: 'partly delivered',
  },
  precheckHeader: 'The mailing list was checked – nothing was sent:',
  problemLine: '  Row {{row}}: {{problem}}',
  start: 'Batch run of {{total}} messages through the profile "{{profile}}".',
  startDryRun: 'Dry run of {{total}} messages: everything goes to the test mailbox, nothing is sent.',
  rowLine: 'Row {{row}}{{ref}}: {{state}}{{detail}}',
  retryLine: 'Row {{row}}: temporary failure, next attempt at {{time}} ({{detail}})',
  summary:
    'Result: {{sent}} sent, {{handedOff}} handed to the mail program, {{partial}} partly delivered, {{failed}} failed, {{unknown}} unknown, {{skipped}} skipped, {{queued}} left.',
  unknownHint:
    '"unknown": the connection broke after the message had been transmitted. Please check whether it arrived; resend only with --resend-unknown.',
  skippedHint:
    '{{count}} row(s) were skipped: an earlier run of this mailing list has sent them already (last on {{date}}). If this is a new dunning run with the same references, give it a name of its own, e.g. --run {{run}}.',
  stopping: 'Stopping – the message in flight is finished first …',
  progress:
    '{{done}}/{{total}} · {{sent}} sent · {{failed}} failed · {{unknown}} unknown · {{rate}}/s · {{eta}} left',
  outboxEmpty: 'The outbox is empty.',
  outboxRun:
    'Outbox: {{sent}} sent, {{handedOff}} handed off, {{partial}} partly delivered, {{failed}} failed, {{unknown}} unknown, {{queued}} still queued.',
  outboxRecovered: '{{count}} message(s) were being sent during a crash and are now "unknown".',
  requeued: 'Put back in the queue: {{count}}. Send with: opos-mail outbox run',
  notRequeued: 'Not requeued ({{state}}): {{id}}',
  journalEmpty: 'The journal is empty.',
  journalFileName: 'Sending-journal-{{date}}.csv',
  // retention (issue 16)
  pruned: 'Deleted: {{files}} stored message(s) and {{rows}} journal row(s) from before {{date}}.',
  fields: {
    id: 'ID',
    state: 'State',
    created: 'Created',
    time: 'Time',
    profile: 'Profile',
    transport: 'Transport',
    from: 'From',
    to: 'To',
    cc: 'Cc',
    bcc: 'Bcc',
    subject: 'Subject',
    kind: 'Kind',
    reference: 'Reference',
    attachments: 'Attachments',
    attachmentSizes: 'Attachment sizes (bytes)',
    attachmentSha256: 'Attachment SHA-256',
    messageId: 'Message-ID',
    response: 'Server reply',
    attempts: 'Attempts',
    error: 'Error',
    file: 'Stored copy',
    redirectedFrom: 'Original recipients (redirect)',
    nextAttempt: 'Next attempt',
    row: 'Row',
    // per-profile message settings
    controlCopy: 'Control copy to',
    deliveryReceipt: 'Delivery receipt requested',
    readReceipt: 'Read receipt requested',
    refused: 'Refused recipients',
  },
};
