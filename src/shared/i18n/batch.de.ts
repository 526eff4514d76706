// German texts of batch runs, the outbox and the journal (namespace `batch`).
export const batchDe = {
  problems: {
    toMissing: 'kein Empfänger (Spalte „to“ / „Empfänger“ ist leer)',
    badAddress: 'ungültige E-Mail-Adresse „{{address}}“ ({{field}})',
    subjectMissing: 'kein Betreff (Spalte „subject“ / „Betreff“ ist leer)',
    controlCharacter: '„{{field}}“ enthält einen Zeilenumbruch oder ein Steuerzeichen',
    attachmentMissing: 'Anhang nicht gefunden: {{file}}',
    attachmentUnreadable: 'Anhang nicht lesbar ({{detail}}): {{file}}',
    attachmentNotPdf: 'Anhang ist kein PDF (Inhalt geprüft, nicht der Name): {{file}}',
    tooLarge: 'Nachricht etwa {{size}} KB groß, das Profil erlaubt {{limit}} KB',
    placeholderMissing: 'Platzhalter „{{placeholder}}“ hat keinen Wert (Spalte fehlt oder ist leer)',
    kindInvalid: 'Art „{{value}}“ unbekannt (erlaubt: mahnung, zahlungsavis)',
    duplicateRow:
      'gleiche Zeile wie Zeile {{other}} (Referenz bzw. Inhalt doppelt) – sie würde nur einmal gesendet',
    columnCount: '{{found}} Zellen statt {{expected}} (Trennzeichen oder Anführungszeichen prüfen)',
    // e-mail templates
    templateUnknown: 'Vorlage „{{name}}“ gibt es nicht (opos-mail template list zeigt die vorhandenen)',
    templateMissing:
      'keine Vorlage für Art „{{kind}}“ und Mahnstufe „{{level}}“ (Spalte „Vorlage“ oder „Mahnstufe“ angeben)',
    templateLanguageMissing: 'Vorlage „{{name}}“ hat keinen Text in der Sprache „{{language}}“',
    levelInvalid: 'Mahnstufe „{{value}}“ unbekannt (erlaubt: 1, 2, 3, letzte)',
    languageInvalid: 'Sprache „{{value}}“ unbekannt (erlaubt: de, en, nl)',
    // hardening (issue 12)
    headerTooLong:
      '„{{field}}“ enthält eine Zeichenfolge ohne Leerzeichen mit mehr als {{max}} Zeichen (RFC 5322 erlaubt keine so lange Kopfzeile)',
    fieldInvalid:
      '„{{field}}“ ist kein Text, keine Zahl und keine Liste davon (verschachtelte Werte sind nicht erlaubt)',
  },
  states: {
    queued: 'wartet',
    sending: 'wird gesendet',
    sent: 'gesendet',
    handedOff: 'an das Mailprogramm übergeben',
    failed: 'fehlgeschlagen',
    unknown: 'unbekannt',
    skipped: 'übersprungen (schon gesendet)',
    invalid: 'fehlerhaft',
    partial: 'teilweise zugestellt',
  },
  precheckHeader: 'Die Versandliste wurde geprüft – nichts wurde gesendet:',
  problemLine: '  Zeile {{row}}: {{problem}}',
  start: 'Mahnlauf mit {{total}} Nachrichten über das Profil „{{profile}}“.',
  startDryRun:
    'Probelauf mit {{total}} Nachrichten: Alles wird ins Testpostfach geschrieben, nichts wird versendet.',
  rowLine: 'Zeile {{row}}{{ref}}: {{state}}{{detail}}',
  retryLine: 'Zeile {{row}}: vorübergehender Fehler, neuer Versuch um {{time}} ({{detail}})',
  summary:
    'Ergebnis: {{sent}} gesendet, {{handedOff}} an das Mailprogramm übergeben, {{partial}} teilweise zugestellt, {{failed}} fehlgeschlagen, {{unknown}} unbekannt, {{skipped}} übersprungen, {{queued}} offen.',
  unknownHint:
    'Bei „unbekannt“ brach die Verbindung nach der vollständigen Übertragung ab. Bitte den Empfang prüfen; erneut senden nur mit --resend-unknown.',
  skippedHint:
    '{{count}} Zeile(n) wurden übersprungen: Ein früherer Lauf dieser Versandliste hat sie schon gesendet (zuletzt am {{date}}). Ist dies ein neuer Mahnlauf mit denselben Referenzen, geben Sie ihm einen eigenen Namen, z. B. --run {{run}}.',
  stopping: 'Wird angehalten – die laufende Nachricht wird noch fertig gesendet …',
  progress:
    '{{done}}/{{total}} · {{sent}} gesendet · {{failed}} fehlgeschl. · {{unknown}} unbek. · {{rate}}/s · noch {{eta}}',
  outboxEmpty: 'Der Postausgang ist leer.',
  outboxRun:
    'Postausgang: {{sent}} gesendet, {{handedOff}} übergeben, {{partial}} teilweise zugestellt, {{failed}} fehlgeschlagen, {{unknown}} unbekannt, {{queued}} warten noch.',
  outboxRecovered: '{{count}} Nachricht(en) waren beim Absturz im Versand und sind jetzt „unbekannt“.',
  requeued: 'Wieder in die Warteschlange gestellt: {{count}}. Senden mit: opos-mail outbox run',
  notRequeued: 'Nicht erneut eingereiht ({{state}}): {{id}}',
  journalEmpty: 'Das Versandjournal ist leer.',
  journalFileName: 'Versandjournal-{{date}}.csv',
  // Aufbewahrung (Issue 16)
  pruned: 'Gelöscht: {{files}} gespeicherte Nachricht(en) und {{rows}} Journalzeile(n) von vor dem {{date}}.',
  fields: {
    id: 'ID',
    state: 'Status',
    created: 'Erstellt',
    time: 'Zeit',
    profile: 'Profil',
    transport: 'Versandweg',
    from: 'Absender',
    to: 'An',
    cc: 'Cc',
    bcc: 'Bcc',
    subject: 'Betreff',
    kind: 'Art',
    reference: 'Referenz',
    attachments: 'Anhänge',
    attachmentSizes: 'Anhang-Größen (Bytes)',
    attachmentSha256: 'Anhang-SHA-256',
    messageId: 'Message-ID',
    response: 'Antwort des Servers',
    attempts: 'Versuche',
    error: 'Fehler',
    file: 'Gespeicherte Kopie',
    redirectedFrom: 'Ursprüngliche Empfänger (Umleitung)',
    nextAttempt: 'Nächster Versuch',
    row: 'Zeile',
    // per-profile message settings
    controlCopy: 'Kontrollkopie an',
    deliveryReceipt: 'Zustellbestätigung angefordert',
    readReceipt: 'Lesebestätigung angefordert',
    refused: 'Abgelehnte Empfänger',
  },
};
