import type { cliDe } from './cli.de.js';

export const cliNl: { [K in keyof typeof cliDe]: string } = {
  sent: 'Verzonden aan {{accepted}}.',
  accepted: 'Geaccepteerd door de Graph API (in behandeling, nog niet afgeleverd) voor {{accepted}}.',
  stored: 'Opgeslagen in de testmailbox (er is niets verzonden): {{file}}',
  handedOff: 'Overgedragen aan het mailprogramma "{{program}}" – controleer en verstuur het bericht daar.',
  partlyRejected: 'Let op: deze ontvangers zijn geweigerd: {{rejected}}',
  messageId: 'Message-ID',
  response: 'Antwoord van de server',
  size: 'Grootte',
  testOk: 'Verbindingstest geslaagd – er is niets verzonden.',
  profileAdded: 'Profiel "{{name}}" aangemaakt.',
  profileUpdated: 'Profiel "{{name}}" opgeslagen.',
  profileRemoved: 'Profiel "{{name}}" en de opgeslagen geheimen zijn verwijderd.',
  profileActive: 'Het actieve profiel is nu "{{name}}".',
  activeMark: 'actief',
  passwordStored: 'er is een toegangscode opgeslagen in de sleutelhanger',
  passwordNotStored: 'geen toegangscode opgeslagen',
  passwordPrompt: 'Toegangscode: ',
  plainTextWarning:
    'Let op: de beveiliging "{{mode}}" kan onversleuteld eindigen (een aanvaller kan STARTTLS onderdrukken). Aanbevolen: StartTls of SslOnConnect.',
  demoDone:
    'De voorbeeldaanmaning is opgeslagen in de testmailbox:\n  {{file}}\nOpen het bestand met uw mailprogramma om het te bekijken.',
  demoSubject: 'Aanmaning factuur 2026-0815',
  demoBody:
    'Geachte heer, mevrouw,\n\nvolgens onze administratie staat factuur 2026-0815 van € 1.234,56 nog open. Gelieve het bedrag vóór 6 december 2026 over te maken.\n\nMet vriendelijke groet\nDe boekhouding',
  noTestMailbox:
    'Er is geen profiel van het verbindingstype "test-mailbox". Maak er een aan: opos-mail profile add Testpostfach --connection test-mailbox',
  yes: 'ja',
  no: 'nee',
  none: '—',
  defaultPort: '{{port}} (standaard voor {{mode}})',
  // partial delivery (issue 13)
  partial: 'Slechts gedeeltelijk bezorgd – alleen deze ontvingen het bericht: {{accepted}}.',
  refusedLine: 'GEWEIGERD: {{address}} – {{response}}',
};
