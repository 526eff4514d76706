// German: a new profile from an e-mail address (`opos-mail profile setup`, the assistant "Neues Profil
// aus E-Mail-Adresse"): where each setting came from, the lookup's steps and what came of them.
export const setupDe = {
  sources: {
    'dns-mx': 'aus dem DNS (MX)',
    'provider-config': 'Konfiguration des Anbieters',
    'dns-srv': 'aus dem DNS (SRV)',
    ispdb: 'ISPDB',
    guess: 'geraten und geprüft',
    address: 'aus der E-Mail-Adresse',
  },
  steps: {
    mx: 'Microsoft 365 / Google Workspace (MX-Einträge)',
    autoconfig: 'Konfiguration des Anbieters (autoconfig, https)',
    srv: 'SRV-Einträge (RFC 6186/8314)',
    ispdb: 'ISPDB (mitgeliefert)',
    guess: 'Raten und mit dem Verbindungstest prüfen',
  },
  status: {
    found: 'gefunden',
    nothing: 'nichts gefunden',
    refused: 'abgelehnt',
    failed: 'fehlgeschlagen',
    skipped: 'übersprungen',
  },
  reasons: {
    noRecords: 'keine Einträge',
    notProvider: 'kein Microsoft 365 / Google Workspace',
    timeout: 'keine Antwort in der Zeit',
    dnsFailed: 'DNS-Abfrage fehlgeschlagen',
    httpStatus: 'keine Konfiguration unter dieser Adresse',
    redirectToHttp: 'Umleitung auf unverschlüsseltes http – nicht gefolgt',
    tooManyRedirects: 'zu viele Umleitungen',
    tooLarge: 'Antwort zu groß',
    malformed: 'Antwort ist kein gültiges Konfigurations-XML',
    badHostname: 'Servername mit unzulässigen Zeichen (z. B. Steuerzeichen)',
    plainTextOnly: 'nur unverschlüsselt angeboten – nicht vorgeschlagen',
    tlsFailed: 'Zertifikat nicht vertrauenswürdig',
    connectFailed: 'nicht erreichbar',
    notInIspdb: 'nicht in der ISPDB',
    notNeeded: 'nicht nötig, schon gefunden',
    noOutgoingServer: 'kein Postausgangsserver (SMTP) angegeben',
  },
  warnings: {
    plainText: 'Achtung: unverschlüsselt – Passwort und Nachrichten wären mitlesbar.',
    otherDomain:
      'Der Server liegt nicht in Ihrer Domain (aus einem SRV-Eintrag). Bitte prüfen Sie, ob er zu Ihrem Anbieter gehört.',
  },
  fields: {
    oauthProvider: 'OAuth-Anbieter',
  },
  lookingUp: 'Suche die Einstellungen für {{address}} …',
  proposal: 'Vorschlag: {{label}}',
  provider: 'Anbieter: {{provider}}',
  alternatives: 'Weitere Möglichkeiten:',
  stepsTitle: 'Suchschritte:',
  nothingTrustworthy: 'Nichts Vertrauenswürdiges gefunden.',
  testing: 'Verbindungstest vor dem Speichern …',
  saved: 'Profil „{{name}}“ angelegt – der Verbindungstest war erfolgreich.',
  savedOauth:
    'Profil „{{name}}“ angelegt. Bitte melden Sie sich jetzt an: opos-mail login --profile „{{name}}“; danach prüft opos-mail test --profile „{{name}}“ die Verbindung.',
  took: 'Dauer der Suche: {{ms}} ms',
} as const;
