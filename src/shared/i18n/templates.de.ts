// German texts of e-mail templates (Vorlagen) in the CLI (namespace `templates`).
export const templatesDe = {
  kind: { mahnung: 'Mahnung', zahlungsavis: 'Zahlungsavis' },
  level: 'Mahnstufe',
  levels: { '1': '1', '2': '2', '3': '3', final: 'letzte Mahnung' },
  languages: 'Sprachen',
  subject: 'Betreff',
  attachmentName: 'Name des Anhangs',
  text: 'Text',
  exported: '{{count}} Vorlage(n) exportiert nach {{file}}.',
  imported: 'Importiert: {{added}} neu, {{replaced}} ersetzt.',
  importedNames: '  {{state}}: {{names}}',
  added: 'neu',
  replaced: 'ersetzt',
  noTexts: '(kein Text in dieser Sprache)',
} as const;
