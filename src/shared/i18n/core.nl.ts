import type { CoreMessages } from './types.js';
import { windowsHandoffErrorsNl } from './windows-handoff.nl.js';
import type { ConnectionKind } from '../profile.js';

export const coreNl: CoreMessages = {
  errors: {
    invalidAddress:
      'Het e-mailadres "{{address}}" is ongeldig. Controleer de schrijfwijze (bijv. naam@bedrijf.nl).',
    invalidHeader:
      'Het veld "{{field}}" bevat een regeleinde of een stuurteken. Verwijder het: zulke tekens kunnen het bericht vervalsen.',
    attachmentMissing: 'De bijlage "{{file}}" is niet gevonden. Controleer het pad.',
    attachmentNotPdf:
      'Het bestand "{{file}}" is geen PDF-document. Voeg alleen PDF-bestanden toe (aanmaningen, betalingsadviezen).',
    attachmentUnreadable:
      'De bijlage "{{file}}" kan niet worden gelezen ({{detail}}). Controleer de toegangsrechten.',
    profileUnknown:
      'Er is geen profiel "{{profile}}". "opos-mail profile list" toont de bestaande profielen.',
    profileExists: 'Er bestaat al een profiel "{{profile}}". Kies een andere naam.',
    profileInvalid: 'Het profiel is onvolledig: {{detail}}',
    profileLast: 'Het laatste profiel kan niet worden verwijderd. Maak eerst een ander profiel aan.',
    invalidOption: 'Ongeldige invoer: {{detail}}',
    noRecipients: 'Er is geen ontvanger opgegeven. Geef minstens één adres op (--to).',
    noSender:
      'Het profiel "{{profile}}" heeft geen afzenderadres. Vul het aan (opos-mail profile edit "{{profile}}" --from ADRES).',
    configCorrupt:
      'Het profielbestand "{{file}}" is beschadigd ({{detail}}). Het is niet gewijzigd. Zet een back-up terug, of hernoem het bestand, dan wordt een nieuw aangemaakt.',
    configNewer:
      'Het profielbestand "{{file}}" is geschreven door een nieuwere versie van OPOS Mail (versie {{version}}). Het is niet gewijzigd. Werk OPOS Mail bij.',
    caFileUnreadable:
      'Het certificaatbestand "{{file}}" kan niet worden gelezen of bevat geen PEM-certificaat. Controleer het pad (--ca-file).',
    notSupportedHere:
      'Het verbindingstype "{{kind}}" is op dit systeem niet beschikbaar (alleen onder {{detail}}). Kies hier een ander verbindingstype, bijv. SMTP, Microsoft 365 of de Graph API.',
    manifestUnreadable:
      'De verzendlijst "{{file}}" kan niet worden gelezen ({{detail}}). Controleer het pad en het formaat (CSV of JSON).',
    manifestInvalid:
      'De verzendlijst bevat {{count}} ongeldige rij(en). Er is niets verzonden. Corrigeer de genoemde rijen en start de run opnieuw.',
    outboxBusy:
      'Het bericht "{{id}}" wordt op dit moment door een ander proces verzonden of is al verzonden. Kijk in het postvak UIT ("opos-mail outbox show {{id}}").',
    outboxFileMissing:
      'Het opgeslagen bericht "{{id}}" ontbreekt in het postvak UIT ({{file}}); het bestand is waarschijnlijk verwijderd of verplaatst. Zonder dit bestand kan het bericht niet opnieuw worden verzonden: zet het bestand terug of maak het bericht opnieuw aan.',
    outboxUnknownId:
      'Er is geen bericht "{{id}}" in het postvak UIT. "opos-mail outbox list" toont de aanwezige berichten.',
    authFailed:
      'De server heeft de aanmelding geweigerd ({{response}}). Controleer gebruikersnaam en toegangscode van het profiel "{{profile}}".',
    passwordMissing:
      'Voor het profiel "{{profile}}" is geen toegangscode opgeslagen. Sla er een op: opos-mail profile edit "{{profile}}" --password-stdin',
    signInRequired:
      'Het profiel "{{profile}}" vereist een aanmelding. Meld u aan: opos-mail login --profile "{{profile}}" (of kies "OAuth met dialoog").',
    basicAuthRetired:
      'De server accepteert geen aanmelding met toegangscode meer ({{response}}). Zet het profiel om naar OAuth 2.0 of naar de Microsoft Graph API.',
    smtpAuthDisabled:
      'SMTP-aanmelding is uitgeschakeld voor deze Microsoft 365-tenant ({{response}}). Zet het profiel om naar de Microsoft Graph API, of vraag uw beheerder SMTP AUTH voor de mailbox in te schakelen.',
    oauthNotConfigured:
      'Aanmelden bij {{provider}} vereist een applicatie-ID (client-ID). Registreer een applicatie (zie de README, "App-registratie") en vul de ID in: opos-mail profile edit "{{profile}}" --client-id ID',
    oauthConsentMissing:
      'De toegang is niet verleend ({{detail}}). Geef toestemming bij het aanmelden, of vraag uw beheerder de applicatie goed te keuren.',
    oauthWrongTenant:
      'De directory-ID (tenant) "{{tenant}}" is onbekend of past niet bij het account ({{detail}}). Controleer de directory-ID in het profiel.',
    oauthAppUnknown:
      'De applicatie-ID "{{clientId}}" is niet geregistreerd bij de aanbieder ({{detail}}). Controleer de ID of registreer de applicatie (zie de README).',
    oauthRefreshExpired:
      'De aanmelding voor "{{profile}}" is verlopen of ingetrokken. Meld u opnieuw aan: opos-mail login --profile "{{profile}}"',
    oauthTimeout:
      'De aanmelding in de browser is niet binnen {{seconds}} seconden voltooid. Probeer het opnieuw.',
    oauthCancelled: 'De aanmelding is afgebroken. Probeer het opnieuw.',
    oauthTokenRejected:
      'De server heeft het OAuth-token geweigerd ({{response}}). Controleer of de gebruikersnaam van profiel "{{profile}}" het aangemelde account is en of SMTP AUTH of de Graph-machtigingen voor de mailbox zijn ingeschakeld; meld u zo nodig opnieuw aan: opos-mail login --profile "{{profile}}"',
    loginRequired:
      'De server vereist een aanmelding ({{response}}). Schakel "Aanmelden" in voor het profiel "{{profile}}" en sla gebruikersnaam en toegangscode op (opos-mail profile edit "{{profile}}" --login --user NAAM --password-stdin).',
    authNotOffered:
      'De server biedt geen geschikte aanmeldmethode aan (aangeboden: {{offered}}). Controleer server en beveiliging.',
    connectFailed:
      'Geen verbinding met {{host}}:{{port}} ({{detail}}). Controleer server, poort en uw netwerk.',
    hostNotFound: 'De server "{{host}}" is niet gevonden. Controleer de servernaam.',
    timeout:
      'De server {{host}}:{{port}} antwoordt niet op tijd. Controleer server en poort, of probeer het later opnieuw.',
    starttlsNotOffered:
      'De server {{host}}:{{port}} biedt geen versleuteling (STARTTLS) aan, terwijl de beveiliging "StartTls" die vereist. Er is niets verzonden. Controleer poort en beveiliging (bijv. SslOnConnect met poort 465).',
    tlsFailed:
      'De versleutelde verbinding met {{host}}:{{port}} is mislukt ({{detail}}). Controleer poort en beveiliging.',
    certUntrusted:
      'Het certificaat van de server {{host}} wordt niet vertrouwd ({{detail}}). Gebruikt uw bedrijf een eigen certificaatautoriteit, voeg dan het certificaat daarvan toe aan het profiel (--ca-file BESTAND).',
    certHostname:
      'Het servercertificaat past niet bij de naam "{{host}}" ({{detail}}). Gebruik de servernaam waarvoor het certificaat is uitgegeven.',
    plaintextAuthRefused:
      'De verbinding met {{host}}:{{port}} is niet versleuteld; de toegangscode is daarom niet verzonden. Kies een versleutelde beveiliging (StartTls of SslOnConnect), of sta onversleutelde aanmelding uitdrukkelijk toe (--allow-plaintext-auth).',
    connectionLost:
      'De verbinding met de server is verbroken ({{detail}}). Het bericht is mogelijk niet afgeleverd.',
    sendOutcomeUnknown:
      'De verbinding werd verbroken nadat het bericht volledig was verzonden. De server heeft het misschien aangenomen. Het is gemarkeerd als "onbekend" en wordt niet automatisch opnieuw verzonden (postvak-ID {{id}}). Controleer of het is aangekomen; opnieuw verzenden: opos-mail outbox retry {{id}} --resend-unknown',
    rejected: 'De server heeft het bericht definitief geweigerd: {{response}}',
    recipientsRejected:
      'De server heeft ontvangers geweigerd: {{recipients}} ({{response}}). Controleer de adressen.',
    temporary: 'De server meldt een tijdelijke fout: {{response}}. Probeer het later opnieuw.',
    dailyLimitReached:
      'De daglimiet van het profiel "{{profile}}" ({{limit}} berichten) is bereikt. De overige berichten blijven in het postvak UIT en worden later verzonden met "opos-mail outbox run" (of hetzelfde commando).',
    batchInterrupted:
      'Afgebroken. De overige berichten blijven in het postvak UIT; hetzelfde commando hervat de run zonder iets dubbel te verzenden.',
    tooLargeLocal:
      'Het bericht is {{size}} KB, groter dan de {{limit}} KB die het profiel toestaat. Maak de bijlagen kleiner of verstuur ze afzonderlijk.',
    tooLargeServer:
      'Het bericht is {{size}} KB, groter dan de server accepteert ({{limit}} KB). Maak de bijlagen kleiner of verstuur ze afzonderlijk.',
    keychainUnavailable:
      'De sleutelhanger van het besturingssysteem is niet bereikbaar ({{detail}}). Toegangscodes worden alleen daar opgeslagen. Start of ontgrendel de sleutelhanger (onder Linux: GNOME Keyring / Secret Service).',
    keychainLocked: 'De sleutelhanger is vergrendeld. Ontgrendel hem en probeer het opnieuw.',
    folderUnwritable:
      'De map "{{folder}}" kan niet worden aangemaakt of beschreven ({{detail}}). Controleer pad en toegangsrechten (gegevensmap: --home of OPOS_MAIL_HOME).',
    handoffNoProgram:
      'Er is geen standaard-mailprogramma ingesteld ({{detail}}). Kies in de systeeminstellingen een standaard-mailprogramma – of verstuur rechtstreeks via SMTP, Microsoft 365 of de Graph API.',
    handoffFailed:
      'Het mailprogramma "{{program}}" kon het bericht niet overnemen ({{detail}}). Controleer of het geïnstalleerd is en start, of verstuur via SMTP, Microsoft 365 of de Graph API.',
    handoffBatchTooLarge:
      'De verzendrun heeft {{rows}} berichten; overdracht aan het mailprogramma opent voor elk een eigen venster en is in het profiel "{{profile}}" beperkt tot {{limit}}. Verstuur grote runs via SMTP, Microsoft 365 of de Graph API (of met de directe verzending van Outlook), of verhoog de grens (--handoff-max-rows).',
    // hardening (issue 12)
    headerTooLong:
      'Het veld "{{field}}" bevat een reeks tekens zonder spaties die langer is dan {{max}} tekens; zulke lange kopregels staat de mailstandaard niet toe (RFC 5322). Maak hem korter of voeg spaties toe.',
    smtputf8Required:
      'Het adres "{{address}}" bevat vóór de @ umlauten of andere niet-ASCII-tekens, en de server {{host}} biedt daarvoor geen SMTPUTF8 aan. Het bericht is niet verzonden. Gebruik de ASCII-schrijfwijze van het adres (bijv. mueller@…) of een server met SMTPUTF8.',
    diskFull:
      'Schijf vol: in "{{folder}}" is geen ruimte meer. Er ging niets verloren en niets is dubbel verzonden; de run is gestopt. Maak ruimte vrij en start hem opnieuw – hij gaat verder waar hij stopte.',
    sendAsDenied:
      'Exchange weigerde te verzenden als "{{sender}}" (403 ErrorAccessDenied): het aangemelde account mag niet als dit postvak of namens dit postvak verzenden. Laat in Exchange de postvakmachtiging "Verzenden als" of "Verzenden namens" toekennen.',
    oauthPermissionsMissing:
      'De toepassing "{{clientId}}" mist de machtigingen om mail te verzenden ({{detail}}). Voeg in de app-registratie onder "API-machtigingen" SMTP.Send of Mail.Send toe en verleen toestemming.',
    // a new profile from an e-mail address (profile setup)
    setupNothingFound:
      'Voor "{{domain}}" is geen uitgaande server gevonden die OPOS Mail kan vertrouwen (niet in de DNS, niet bij de provider, niet in de ISPDB, geen bevestigde gok). Vul de gegevens van uw provider handmatig in: opos-mail profile add NAAM --host SERVER --port POORT --security StartTls … of in het programma via "Nieuw …".',
    setupPasswordNeeded:
      'De server {{host}} vraagt een aanmelding met wachtwoord. Geef het wachtwoord via standaardinvoer (--password-stdin); zonder terminal vraagt opos-mail er niet om. Er is niets opgeslagen.',
    unexpected: 'Er is een onverwachte fout opgetreden: {{detail}}. Met --debug worden details getoond.',
    ...windowsHandoffErrorsNl,
    // e-mailsjablonen
    templateUnknown: 'Er is geen sjabloon "{{name}}". "opos-mail template list" toont de bestaande.',
    templateExists: 'Er bestaat al een sjabloon "{{name}}". Kies een andere naam.',
    templateInvalid: 'Het sjabloon is onvolledig of onjuist: {{detail}}',
    templateLanguageMissing:
      'Het sjabloon "{{name}}" heeft geen tekst in de taal "{{language}}". Vul die aan of kies een andere taal (--language).',
    templatesCorrupt:
      'Het sjablonenbestand "{{file}}" is beschadigd ({{detail}}). Het is niet gewijzigd. Zet een back-up terug, of hernoem het bestand en importeer een exportbestand.',
    templatesNewer:
      'Het sjablonenbestand "{{file}}" is geschreven door een nieuwere versie van OPOS Mail (versie {{version}}). Het is niet gewijzigd. Werk OPOS Mail bij.',
    templateImportInvalid:
      'Het bestand "{{file}}" is geen geldig sjablonen-exportbestand ({{detail}}). Er is niets geïmporteerd; uw sjablonen zijn ongewijzigd.',
    placeholderMissing:
      'De plaatshouders {{names}} hebben geen waarde. Geef ze op (--field NAAM=WAARDE); er is niets verzonden.',
    // database van het postvak UIT (issue 16)
    outboxNewer:
      'De database van het postvak UIT "{{file}}" is geschreven door een nieuwere versie van OPOS Mail (schema {{version}}). Hij is niet gewijzigd. Werk OPOS Mail bij.',
    outboxMigrationFailed:
      'Het postvak UIT in "{{folder}}" kon niet naar de nieuwe database worden overgezet ({{detail}}). De oude gegevens zijn ongewijzigd en er is niets verzonden. Verhelp de oorzaak (bijv. schijfruimte vrijmaken) en start OPOS Mail opnieuw.',
    pruneTooRecent:
      'Opgeslagen berichten en het journaal moeten zes jaar worden bewaard (HGB § 257, AO § 147): {{date}} ligt minder dan zes jaar terug (vroegst toegestaan: {{earliest}}). Er is niets verwijderd. Kies een eerdere datum, of voeg --force toe als aan de bewaarplicht elders wordt voldaan.',
    recipientsPartlyRefused:
      'Het bericht is NIET aan alle ontvangers bezorgd. De server heeft geweigerd: {{refused}} ({{response}}). Alleen deze ontvingen het: {{accepted}}. Controleer de geweigerde adressen en stuur het bericht alleen aan hen opnieuw.',
    operationCancelled:
      'Afgebroken. Er is niets verzonden. U kunt het op elk moment opnieuw proberen (een afgebroken bericht staat als mislukt in het postvak UIT en kan daar opnieuw worden verzonden).',
    batchRunning:
      'Er loopt al een aanmaningsrun. Wacht tot deze klaar is of breek hem af op het tabblad "Aanmaningsrun"; daarna kunt u een nieuwe starten.',
  },
  fields: {
    name: 'Profielnaam',
    connection: 'Verbindingstype',
    fromAddress: 'Afzenderadres',
    fromName: 'Afzendernaam',
    host: 'Mailserver',
    port: 'Poort',
    security: 'Beveiliging',
    auth: 'Aanmelden',
    user: 'Gebruikersnaam (profiel)',
    password: 'Toegangscode',
    allowPlaintextAuth: 'Onversleutelde aanmelding toestaan',
    caFile: 'Extra CA-certificaat',
    maxSizeKb: 'Max. berichtgrootte (KB)',
    oauthClientId: 'Applicatie-ID (client-ID)',
    oauthTenantId: 'Directory-ID (tenant-ID)',
    oauthAuthorityUrl: 'Basis-URL voor aanmelden',
    oauthGraphUrl: 'Basis-URL voor Graph',
    handoffMode: 'Overdracht',
    handoffMaxBatchRows: 'Maximaal aantal berichten per run',
    // per-profile message settings
    messagesControlCopy: 'Controlekopie aan',
    messagesReplyTo: 'Antwoord aan (Reply-To)',
    messagesSignature: 'Handtekening',
    messagesDeliveryReceipt: 'Ontvangstbevestiging aanvragen (DSN)',
    messagesReadReceipt: 'Leesbevestiging aanvragen',
  },
  problems: {
    required: '"{{field}}" moet worden ingevuld.',
    invalidAddress: '"{{field}}" is geen geldig e-mailadres.',
    invalidHost: '"{{field}}" is geen geldige servernaam of https-adres.',
    authRequired: '"{{field}}": dit verbindingstype vereist een aanmelding.',
    oauthOnly: 'De Microsoft Graph API vereist aanmelden met OAuth 2.0.',
    authNotUsed: 'Deze verbindingssoort gebruikt geen aanmelding; kies "Geen aanmelding".',
  },
  report: {
    tlsImplicit: 'versleuteld ({{version}}, vanaf het begin – SslOnConnect)',
    tlsStarttls: 'versleuteld ({{version}}, via STARTTLS)',
    tlsNone: 'NIET versleuteld',
    authNone: 'geen aanmelding',
    authDone: 'aangemeld als {{user}} ({{mechanism}})',
    sizeLimit: '{{size}} KB',
    sizeNone: 'niet opgegeven',
    connection: 'Verbinding',
    encryption: 'Versleuteling',
    authentication: 'Aanmelding',
    serverLimit: 'Maximale grootte van de server',
    server: 'Server',
    testMailbox:
      'Testmailbox (er wordt niets verzonden; berichten worden als .eml-bestand opgeslagen in {{folder}})',
    plainWarning:
      'Let op: deze verbinding was niet versleuteld. Wie meeleest op de lijn, kan de berichten lezen.',
    // Zustellbestätigung
    dsn: 'Ontvangstbevestiging (DSN)',
    dsnOffered: 'door de server aangeboden',
    dsnNotOffered:
      'NIET door de server aangeboden – ontvangstbevestigingen kunnen via deze server niet worden aangevraagd; berichten worden toch verzonden',
  },
  kinds: {
    smtp: 'SMTP',
    graph: 'Microsoft Graph API',
    'system-mail': 'Mailprogramma van het systeem',
    'windows-standard': 'Windows-standaard (Simple MAPI)',
    outlook: 'Outlook',
    'test-mailbox': 'Testpostvak',
  } satisfies Record<ConnectionKind, string>,
  handoff: {
    program: 'Mailprogramma',
    method: 'Overdracht',
    methods: {
      compose: 'opstelvenster openen (u controleert en verstuurt daar)',
      draft: 'als concept (.eml-bestand) openen – u verstuurt vanuit het mailprogramma',
      direct: 'door het mailprogramma direct verstuurd',
    },
    notKnowable:
      'Of het bericht in het mailprogramma echt verstuurd is, kan OPOS Mail niet weten – controleer daar de map "Verzonden".',
    draftFile: 'Concept: {{file}}',
    unknownProgram: 'onbekend mailprogramma ({{id}})',
    systemOpener: 'het programma dat het systeem voor .eml-bestanden gebruikt',
    windowsDefault: 'het standaard-mailprogramma van Windows',
  },
};
