// Dutch: a new profile from an e-mail address (see setup.de.ts).
import type { SetupMessages } from './types.js';

export const setupNl: SetupMessages = {
  sources: {
    'dns-mx': 'uit de DNS (MX)',
    'provider-config': 'configuratie van de provider',
    'dns-srv': 'uit de DNS (SRV)',
    ispdb: 'ISPDB',
    guess: 'geraden en gecontroleerd',
    address: 'uit het e-mailadres',
  },
  steps: {
    mx: 'Microsoft 365 / Google Workspace (MX-records)',
    autoconfig: 'Configuratie van de provider (autoconfig, https)',
    srv: 'SRV-records (RFC 6186/8314)',
    ispdb: 'ISPDB (meegeleverd)',
    guess: 'Raden en controleren met de verbindingstest',
  },
  status: {
    found: 'gevonden',
    nothing: 'niets gevonden',
    refused: 'geweigerd',
    failed: 'mislukt',
    skipped: 'overgeslagen',
  },
  reasons: {
    noRecords: 'geen records',
    notProvider: 'geen Microsoft 365 / Google Workspace',
    timeout: 'geen antwoord op tijd',
    dnsFailed: 'DNS-opvraag mislukt',
    httpStatus: 'geen configuratie op dit adres',
    redirectToHttp: 'omleiding naar onversleuteld http – niet gevolgd',
    tooManyRedirects: 'te veel omleidingen',
    tooLarge: 'antwoord te groot',
    malformed: 'antwoord is geen geldige configuratie-XML',
    badHostname: 'servernaam met ongeldige tekens (bijv. stuurtekens)',
    plainTextOnly: 'alleen onversleuteld aangeboden – niet voorgesteld',
    tlsFailed: 'certificaat niet vertrouwd',
    connectFailed: 'niet bereikbaar',
    notInIspdb: 'niet in de ISPDB',
    notNeeded: 'niet nodig, al gevonden',
    noOutgoingServer: 'geen uitgaande (SMTP-)server opgegeven',
  },
  warnings: {
    plainText: 'Let op: onversleuteld – wachtwoord en berichten zijn onderweg leesbaar.',
    otherDomain:
      'De server ligt niet in uw domein (uit een SRV-record). Controleer of hij bij uw provider hoort.',
  },
  fields: {
    oauthProvider: 'OAuth-provider',
  },
  lookingUp: 'Instellingen voor {{address}} zoeken …',
  proposal: 'Voorstel: {{label}}',
  provider: 'Provider: {{provider}}',
  alternatives: 'Andere mogelijkheden:',
  stepsTitle: 'Zoekstappen:',
  nothingTrustworthy: 'Niets betrouwbaars gevonden.',
  testing: 'Verbindingstest vóór het opslaan …',
  saved: 'Profiel "{{name}}" aangemaakt – de verbindingstest is geslaagd.',
  savedOauth:
    'Profiel "{{name}}" aangemaakt. Meld u nu aan: opos-mail login --profile "{{name}}"; daarna controleert opos-mail test --profile "{{name}}" de verbinding.',
  took: 'Zoeken duurde {{ms}} ms',
};
