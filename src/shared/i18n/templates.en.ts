// English texts of e-mail templates in the CLI (namespace `templates`).
import type { templatesDe } from './templates.de.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const templatesEn: Widen<typeof templatesDe> = {
  kind: { mahnung: 'Dunning letter (Mahnung)', zahlungsavis: 'Payment advice (Zahlungsavis)' },
  level: 'Level',
  levels: { '1': '1', '2': '2', '3': '3', final: 'final reminder' },
  languages: 'Languages',
  subject: 'Subject',
  attachmentName: 'Attachment name',
  text: 'Text',
  exported: '{{count}} template(s) exported to {{file}}.',
  imported: 'Imported: {{added}} new, {{replaced}} replaced.',
  importedNames: '  {{state}}: {{names}}',
  added: 'new',
  replaced: 'replaced',
  noTexts: '(no text in this language)',
};
