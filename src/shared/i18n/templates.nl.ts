// Dutch texts of e-mail templates in the CLI (namespace `templates`).
import type { templatesDe } from './templates.de.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const templatesNl: Widen<typeof templatesDe> = {
  kind: { mahnung: 'Aanmaning (Mahnung)', zahlungsavis: 'Betalingsadvies (Zahlungsavis)' },
  level: 'Aanmaningsniveau',
  levels: { '1': '1', '2': '2', '3': '3', final: 'laatste aanmaning' },
  languages: 'Talen',
  subject: 'Onderwerp',
  attachmentName: 'Naam van de bijlage',
  text: 'Tekst',
  exported: '{{count}} sjabloon/sjablonen geëxporteerd naar {{file}}.',
  imported: 'Geïmporteerd: {{added}} nieuw, {{replaced}} vervangen.',
  importedNames: '  {{state}}: {{names}}',
  added: 'nieuw',
  replaced: 'vervangen',
  noTexts: '(geen tekst in deze taal)',
};
