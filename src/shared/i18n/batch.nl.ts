import type { batchEn } from './batch.en.js';

export const batchNl: typeof batchEn = {
  problems: {
    toMissing: 'geen ontvanger (kolom "to" / "Empfänger" is leeg)',
    badAddress: 'ongeldig e-mailadres "{{address}}" ({{field}})',
    subjectMissing: 'geen onderwerp (kolom "subject" / "Betreff" is leeg)',
    controlCharacter: '"{{field}}" bevat een regeleinde of een stuurteken',
    attachmentMissing: 'bijlage niet gevonden: {{file}}',
    attachmentUnreadable: 'bijlage niet leesbaar ({{detail}}): {{file}}',
    attachmentNotPdf: 'bijlage is geen PDF (inhoud gecontroleerd, niet de naam): {{file}}',
    tooLarge: 'bericht ongeveer {{size}} KB, het profiel staat {{limit}} KB toe',
    placeholderMissing: 'plaatshouder "{{placeholder}}" heeft geen waarde (kolom ontbreekt of is leeg)',
    kindInvalid: 'soort "{{value}}" onbekend (toegestaan: mahnung, zahlungsavis)',
    duplicateRow:
      'zelfde rij als rij {{other}} (referentie of inhoud dubbel) – zij zou maar één keer worden verzonden',
    columnCount:
      '{{found}} cellen in plaats van {{expected}} (controleer scheidingstekens en aanhalingstekens)',
    // e-mailsjablonen
    templateUnknown: 'er is geen sjabloon "{{name}}" (opos-mail template list toont de bestaande)',
    templateMissing:
      'geen sjabloon voor soort "{{kind}}" en aanmaningsniveau "{{level}}" (geef de kolom "template" of "level" op)',
    templateLanguageMissing: 'sjabloon "{{name}}" heeft geen tekst in de taal "{{language}}"',
    levelInvalid: 'onbekend aanmaningsniveau "{{value}}" (toegestaan: 1, 2, 3, laatste)',
    languageInvalid: 'onbekende taal "{{value}}" (toegestaan: de, en, nl)',
    // hardening (issue 12)
    headerTooLong:
      '"{{field}}" bevat een reeks zonder spaties van meer dan {{max}} tekens (RFC 5322 staat zo\'n lange kopregel niet toe)',
    fieldInvalid: '"{{field}}" is geen tekst, getal of lijst daarvan (geneste waarden zijn niet toegestaan)',
  },
  states: {
    queued: 'wacht',
    sending: 'wordt verzonden',
    sent: 'verzonden',
    handedOff: 'aan het mailprogramma overgedragen',
    failed: 'mislukt',
    unknown: 'onbekend',
    skipped: 'overgeslagen (al verzonden)',
    invalid: 'ongeldig',
    partial: 'gedeeltelijk bezorgd',
  },
  precheckHeader: 'De verzendlijst is gecontroleerd – er is niets verzonden:',
  problemLine: '  Rij {{row}}: {{problem}}',
  start: 'Verzendrun van {{total}} berichten via het profiel "{{profile}}".',
  startDryRun: 'Proefrun van {{total}} berichten: alles gaat naar het testpostvak, er wordt niets verzonden.',
  rowLine: 'Rij {{row}}{{ref}}: {{state}}{{detail}}',
  retryLine: 'Rij {{row}}: tijdelijke fout, nieuwe poging om {{time}} ({{detail}})',
  summary:
    'Resultaat: {{sent}} verzonden, {{handedOff}} aan het mailprogramma overgedragen, {{partial}} gedeeltelijk bezorgd, {{failed}} mislukt, {{unknown}} onbekend, {{skipped}} overgeslagen, {{queued}} open.',
  unknownHint:
    '"onbekend": de verbinding werd verbroken nadat het bericht volledig was verzonden. Controleer of het is aangekomen; opnieuw verzenden alleen met --resend-unknown.',
  skippedHint:
    '{{count}} rij(en) zijn overgeslagen: een eerdere run van deze verzendlijst heeft ze al verzonden (laatst op {{date}}). Is dit een nieuwe aanmaningsrun met dezelfde referenties, geef hem dan een eigen naam, bijv. --run {{run}}.',
  stopping: 'Wordt gestopt – het lopende bericht wordt eerst afgemaakt …',
  progress:
    '{{done}}/{{total}} · {{sent}} verzonden · {{failed}} mislukt · {{unknown}} onbekend · {{rate}}/s · nog {{eta}}',
  outboxEmpty: 'Het postvak UIT is leeg.',
  outboxRun:
    'Postvak UIT: {{sent}} verzonden, {{handedOff}} overgedragen, {{partial}} gedeeltelijk bezorgd, {{failed}} mislukt, {{unknown}} onbekend, {{queued}} wachten nog.',
  outboxRecovered: '{{count}} bericht(en) werden verzonden tijdens een crash en zijn nu "onbekend".',
  requeued: 'Opnieuw in de wachtrij gezet: {{count}}. Verzenden met: opos-mail outbox run',
  notRequeued: 'Niet opnieuw in de wachtrij ({{state}}): {{id}}',
  journalEmpty: 'Het verzendjournaal is leeg.',
  journalFileName: 'Verzendjournaal-{{date}}.csv',
  // bewaartermijn (issue 16)
  pruned: 'Verwijderd: {{files}} opgeslagen bericht(en) en {{rows}} journaalregel(s) van vóór {{date}}.',
  fields: {
    id: 'ID',
    state: 'Status',
    created: 'Aangemaakt',
    time: 'Tijd',
    profile: 'Profiel',
    transport: 'Verzendweg',
    from: 'Afzender',
    to: 'Aan',
    cc: 'Cc',
    bcc: 'Bcc',
    subject: 'Onderwerp',
    kind: 'Soort',
    reference: 'Referentie',
    attachments: 'Bijlagen',
    attachmentSizes: 'Bijlagegroottes (bytes)',
    attachmentSha256: 'Bijlage-SHA-256',
    messageId: 'Message-ID',
    response: 'Antwoord van de server',
    attempts: 'Pogingen',
    error: 'Fout',
    file: 'Opgeslagen kopie',
    redirectedFrom: 'Oorspronkelijke ontvangers (omleiding)',
    nextAttempt: 'Volgende poging',
    row: 'Rij',
    // per-profile message settings
    controlCopy: 'Controlekopie aan',
    deliveryReceipt: 'Ontvangstbevestiging aangevraagd',
    readReceipt: 'Leesbevestiging aangevraagd',
    refused: 'Geweigerde ontvangers',
  },
};
