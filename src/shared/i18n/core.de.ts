// German (the default): messages of the core and the CLI. Each error says what happened and what to do.
import { windowsHandoffErrorsDe } from './windows-handoff.de.js';
import type { ConnectionKind } from '../profile.js';
export const coreDe = {
  errors: {
    invalidAddress:
      'Die E-Mail-Adresse „{{address}}“ ist ungültig. Bitte prüfen Sie die Schreibweise (z. B. name@firma.de).',
    invalidHeader:
      'Das Feld „{{field}}“ enthält einen Zeilenumbruch oder ein Steuerzeichen. Bitte entfernen Sie es – solche Zeichen könnten die Nachricht verfälschen.',
    attachmentMissing: 'Der Anhang „{{file}}“ wurde nicht gefunden. Bitte prüfen Sie den Pfad.',
    attachmentNotPdf:
      'Die Datei „{{file}}“ ist kein PDF-Dokument. Bitte hängen Sie nur PDF-Dateien an (Mahnungen, Zahlungsavise).',
    attachmentUnreadable:
      'Der Anhang „{{file}}“ kann nicht gelesen werden ({{detail}}). Bitte prüfen Sie die Zugriffsrechte.',
    profileUnknown:
      'Ein Profil „{{profile}}“ gibt es nicht. Vorhandene Profile zeigt „opos-mail profile list“.',
    profileExists: 'Ein Profil „{{profile}}“ gibt es schon. Bitte wählen Sie einen anderen Namen.',
    profileInvalid: 'Das Profil ist nicht vollständig: {{detail}}',
    profileLast: 'Das letzte Profil kann nicht entfernt werden. Legen Sie zuerst ein anderes an.',
    invalidOption: 'Ungültige Eingabe: {{detail}}',
    noRecipients: 'Es ist kein Empfänger angegeben. Bitte geben Sie mindestens eine Adresse an (--to).',
    noSender:
      'Für das Profil „{{profile}}“ ist keine Absenderadresse eingetragen. Bitte ergänzen Sie sie (opos-mail profile edit „{{profile}}“ --from ADRESSE).',
    configCorrupt:
      'Die Profildatei „{{file}}“ ist beschädigt ({{detail}}). Sie wurde nicht verändert. Bitte stellen Sie eine Sicherung wieder her oder benennen Sie die Datei um, dann wird eine neue angelegt.',
    configNewer:
      'Die Profildatei „{{file}}“ stammt von einer neueren Version von OPOS Mail (Version {{version}}). Sie wurde nicht verändert. Bitte aktualisieren Sie OPOS Mail.',
    caFileUnreadable:
      'Die Zertifikatsdatei „{{file}}“ kann nicht gelesen werden oder enthält kein PEM-Zertifikat. Bitte prüfen Sie den Pfad (--ca-file).',
    notSupportedHere:
      'Die Verbindungsart „{{kind}}“ ist auf diesem System nicht verfügbar (nur unter {{detail}}). Bitte wählen Sie hier eine andere Verbindungsart, z. B. SMTP, Microsoft 365 oder die Graph API.',
    manifestUnreadable:
      'Die Versandliste „{{file}}“ kann nicht gelesen werden ({{detail}}). Bitte prüfen Sie Pfad und Format (CSV oder JSON).',
    manifestInvalid:
      'Die Versandliste enthält {{count}} fehlerhafte Zeile(n). Es wurde nichts gesendet. Bitte korrigieren Sie die genannten Zeilen und starten Sie den Lauf erneut.',
    outboxBusy:
      'Die Nachricht „{{id}}“ wird gerade von einem anderen Vorgang versandt oder wurde schon versandt. Bitte sehen Sie im Postausgang nach („opos-mail outbox show {{id}}“).',
    outboxFileMissing:
      'Die gespeicherte Nachricht „{{id}}“ fehlt im Postausgang ({{file}}), vermutlich wurde die Datei gelöscht oder verschoben. Ohne sie kann die Nachricht nicht erneut gesendet werden: Bitte legen Sie die Datei zurück oder erstellen Sie die Nachricht neu.',
    outboxUnknownId:
      'Im Postausgang gibt es keine Nachricht „{{id}}“. „opos-mail outbox list“ zeigt die vorhandenen.',
    authFailed:
      'Die Anmeldung am Server wurde abgelehnt ({{response}}). Bitte prüfen Sie Benutzername und Passwort des Profils „{{profile}}“.',
    passwordMissing:
      'Für das Profil „{{profile}}“ ist kein Passwort gespeichert. Bitte hinterlegen Sie es: opos-mail profile edit „{{profile}}“ --password-stdin',
    signInRequired:
      'Für das Profil „{{profile}}“ ist eine Anmeldung erforderlich. Bitte melden Sie sich an: opos-mail login --profile „{{profile}}“ (oder stellen Sie „OAuth mit Dialog“ ein).',
    basicAuthRetired:
      'Der Server nimmt keine Anmeldung mit Passwort mehr an ({{response}}). Bitte stellen Sie das Profil auf OAuth 2.0 oder auf die Microsoft Graph API um.',
    smtpAuthDisabled:
      'Für diesen Microsoft-365-Mandanten ist SMTP-Anmeldung abgeschaltet ({{response}}). Bitte stellen Sie das Profil auf die Microsoft Graph API um oder bitten Sie Ihren Administrator, SMTP AUTH für das Postfach freizugeben.',
    oauthNotConfigured:
      'Für die Anmeldung bei {{provider}} fehlt eine Anwendungs-ID (Client-ID). Bitte registrieren Sie eine Anwendung (siehe README, „App-Registrierung“) und tragen Sie die ID ein: opos-mail profile edit „{{profile}}“ --client-id ID',
    oauthConsentMissing:
      'Der Zugriff wurde nicht freigegeben ({{detail}}). Bitte stimmen Sie bei der Anmeldung zu oder bitten Sie Ihren Administrator um die Freigabe der Anwendung.',
    oauthWrongTenant:
      'Die Verzeichnis-ID (Tenant) „{{tenant}}“ ist unbekannt oder passt nicht zum Konto ({{detail}}). Bitte prüfen Sie die Verzeichnis-ID im Profil.',
    oauthAppUnknown:
      'Die Anwendungs-ID „{{clientId}}“ ist beim Anbieter nicht registriert ({{detail}}). Bitte prüfen Sie die ID oder registrieren Sie die Anwendung (siehe README).',
    oauthRefreshExpired:
      'Die Anmeldung für „{{profile}}“ ist abgelaufen oder wurde widerrufen. Bitte melden Sie sich neu an: opos-mail login --profile „{{profile}}“',
    oauthTimeout:
      'Die Anmeldung im Browser wurde nicht innerhalb von {{seconds}} Sekunden abgeschlossen. Bitte versuchen Sie es erneut.',
    oauthCancelled: 'Die Anmeldung wurde abgebrochen. Bitte versuchen Sie es erneut.',
    oauthTokenRejected:
      'Der Server hat die Anmeldung mit dem OAuth-Token abgelehnt ({{response}}). Bitte prüfen Sie, dass der Benutzername des Profils „{{profile}}“ das angemeldete Konto ist und dass SMTP AUTH bzw. die Graph-Berechtigungen für das Postfach freigegeben sind; melden Sie sich bei Bedarf neu an: opos-mail login --profile „{{profile}}“',
    loginRequired:
      'Der Server verlangt eine Anmeldung ({{response}}). Bitte aktivieren Sie „Anmelden“ im Profil „{{profile}}“ und hinterlegen Sie Benutzername und Passwort (opos-mail profile edit „{{profile}}“ --login --user NAME --password-stdin).',
    authNotOffered:
      'Der Server bietet kein passendes Anmeldeverfahren an (angeboten: {{offered}}). Bitte prüfen Sie Server und Sicherheitseinstellung.',
    connectFailed:
      'Keine Verbindung zu {{host}}:{{port}} ({{detail}}). Bitte prüfen Sie Server, Port und Ihre Internetverbindung.',
    hostNotFound: 'Der Server „{{host}}“ wurde nicht gefunden. Bitte prüfen Sie den Servernamen.',
    timeout:
      'Der Server {{host}}:{{port}} antwortet nicht rechtzeitig. Bitte prüfen Sie Server und Port oder versuchen Sie es später.',
    starttlsNotOffered:
      'Der Server {{host}}:{{port}} bietet keine Verschlüsselung (STARTTLS) an; die Sicherheit „StartTls“ verlangt sie. Es wurde nichts gesendet. Bitte prüfen Sie Port und Sicherheit (z. B. SslOnConnect mit Port 465).',
    tlsFailed:
      'Die verschlüsselte Verbindung zu {{host}}:{{port}} ist fehlgeschlagen ({{detail}}). Bitte prüfen Sie Port und Sicherheit.',
    certUntrusted:
      'Das Zertifikat des Servers {{host}} ist nicht vertrauenswürdig ({{detail}}). Wenn Ihr Unternehmen eine eigene Zertifizierungsstelle nutzt, hinterlegen Sie deren Zertifikat im Profil (--ca-file DATEI).',
    certHostname:
      'Das Zertifikat des Servers passt nicht zum Namen „{{host}}“ ({{detail}}). Bitte verwenden Sie den Servernamen, auf den das Zertifikat ausgestellt ist.',
    plaintextAuthRefused:
      'Die Verbindung zu {{host}}:{{port}} ist nicht verschlüsselt; das Passwort wurde deshalb nicht gesendet. Bitte wählen Sie eine verschlüsselte Sicherheit (StartTls oder SslOnConnect) oder erlauben Sie unverschlüsselte Anmeldung ausdrücklich (--allow-plaintext-auth).',
    connectionLost:
      'Die Verbindung zum Server wurde unterbrochen ({{detail}}). Die Nachricht wurde möglicherweise nicht zugestellt.',
    sendOutcomeUnknown:
      'Die Verbindung brach ab, nachdem die Nachricht vollständig übertragen war. Der Server hat sie vielleicht angenommen. Sie ist als „unbekannt“ markiert und wird nicht automatisch erneut gesendet (Postausgang-ID {{id}}). Prüfen Sie den Empfang; erneut senden mit: opos-mail outbox retry {{id}} --resend-unknown',
    rejected: 'Der Server hat die Nachricht endgültig abgelehnt: {{response}}',
    recipientsRejected:
      'Der Server hat Empfänger abgelehnt: {{recipients}} ({{response}}). Bitte prüfen Sie die Adressen.',
    temporary:
      'Der Server meldet einen vorübergehenden Fehler: {{response}}. Bitte versuchen Sie es später erneut.',
    dailyLimitReached:
      'Das Tageslimit des Profils „{{profile}}“ ({{limit}} Nachrichten) ist erreicht. Die übrigen Nachrichten bleiben im Postausgang und werden mit „opos-mail outbox run“ (oder demselben Befehl) später gesendet.',
    batchInterrupted:
      'Abgebrochen. Die übrigen Nachrichten bleiben im Postausgang; derselbe Befehl setzt den Lauf fort, ohne etwas doppelt zu senden.',
    tooLargeLocal:
      'Die Nachricht ist mit {{size}} KB größer als die im Profil erlaubten {{limit}} KB. Bitte verkleinern Sie die Anhänge oder versenden Sie sie einzeln.',
    tooLargeServer:
      'Die Nachricht ist mit {{size}} KB größer, als der Server annimmt ({{limit}} KB). Bitte verkleinern Sie die Anhänge oder versenden Sie sie einzeln.',
    keychainUnavailable:
      'Der Schlüsselbund des Betriebssystems ist nicht erreichbar ({{detail}}). Passwörter werden nur dort gespeichert. Bitte starten bzw. entsperren Sie den Schlüsselbund (unter Linux: GNOME Keyring / Secret Service).',
    keychainLocked: 'Der Schlüsselbund ist gesperrt. Bitte entsperren Sie ihn und versuchen Sie es erneut.',
    folderUnwritable:
      'Der Ordner „{{folder}}“ kann nicht angelegt oder beschrieben werden ({{detail}}). Bitte prüfen Sie Pfad und Zugriffsrechte (Datenordner: --home oder OPOS_MAIL_HOME).',
    handoffNoProgram:
      'Es ist kein Mailprogramm als Standard eingerichtet ({{detail}}). Bitte legen Sie in den Systemeinstellungen ein Standard-Mailprogramm fest – oder versenden Sie direkt über SMTP, Microsoft 365 oder die Graph API.',
    handoffFailed:
      'Das Mailprogramm „{{program}}“ konnte die Nachricht nicht übernehmen ({{detail}}). Bitte prüfen Sie, ob es installiert ist und sich starten lässt, oder versenden Sie über SMTP, Microsoft 365 oder die Graph API.',
    handoffBatchTooLarge:
      'Der Mahnlauf hat {{rows}} Nachrichten; die Übergabe an das Mailprogramm öffnet für jede ein eigenes Fenster und ist im Profil „{{profile}}“ auf {{limit}} begrenzt. Bitte versenden Sie große Läufe über SMTP, Microsoft 365 oder die Graph API (oder mit Outlooks Direktversand), oder erhöhen Sie die Grenze (--handoff-max-rows).',
    // hardening (issue 12)
    headerTooLong:
      'Das Feld „{{field}}“ enthält eine Zeichenfolge ohne Leerzeichen, die länger ist als {{max}} Zeichen; so lange Kopfzeilen erlaubt der Mail-Standard nicht (RFC 5322). Bitte kürzen Sie sie oder fügen Sie Leerzeichen ein.',
    smtputf8Required:
      'Die Adresse „{{address}}“ enthält vor dem @ Umlaute oder andere Nicht-ASCII-Zeichen, und der Server {{host}} bietet dafür kein SMTPUTF8 an. Die Nachricht wurde nicht gesendet. Bitte verwenden Sie die ASCII-Schreibweise der Adresse (z. B. mueller@…) oder einen Server mit SMTPUTF8.',
    diskFull:
      'Datenträger voll: In „{{folder}}“ ist kein Platz mehr. Nichts ging verloren und nichts wurde doppelt gesendet; der Vorgang wurde angehalten. Bitte schaffen Sie Platz und starten Sie ihn erneut – er setzt dort fort, wo er stand.',
    sendAsDenied:
      'Exchange hat das Senden als „{{sender}}“ abgelehnt (403 ErrorAccessDenied): Das angemeldete Konto darf nicht als dieses Postfach oder in seinem Auftrag senden. Bitte lassen Sie sich in Exchange die Postfachberechtigung „Senden als“ oder „Senden im Auftrag von“ erteilen.',
    oauthPermissionsMissing:
      'Der Anwendung „{{clientId}}“ fehlen die Berechtigungen für den Mailversand ({{detail}}). Bitte tragen Sie in der App-Registrierung unter „API-Berechtigungen“ SMTP.Send bzw. Mail.Send ein und erteilen Sie die Zustimmung.',
    // a new profile from an e-mail address (profile setup)
    setupNothingFound:
      'Für „{{domain}}“ wurde kein Postausgangsserver gefunden, dem OPOS Mail vertrauen kann (weder im DNS noch beim Anbieter, in der ISPDB oder durch geprüftes Raten). Bitte tragen Sie die Verbindungsdaten Ihres Anbieters von Hand ein: opos-mail profile add NAME --host SERVER --port PORT --security StartTls … oder im Programm über „Neu …“.',
    setupPasswordNeeded:
      'Der Server {{host}} verlangt eine Anmeldung mit Passwort. Bitte geben Sie das Passwort über die Standardeingabe an (--password-stdin); ohne Terminal fragt opos-mail nicht nach. Es wurde nichts gespeichert.',
    unexpected:
      'Ein unerwarteter Fehler ist aufgetreten: {{detail}}. Mit --debug werden Einzelheiten angezeigt.',
    ...windowsHandoffErrorsDe,
    // e-mail templates (Vorlagen)
    templateUnknown:
      'Eine Vorlage „{{name}}“ gibt es nicht. Vorhandene Vorlagen zeigt „opos-mail template list“.',
    templateExists: 'Eine Vorlage „{{name}}“ gibt es schon. Bitte wählen Sie einen anderen Namen.',
    templateInvalid: 'Die Vorlage ist nicht vollständig oder fehlerhaft: {{detail}}',
    templateLanguageMissing:
      'Die Vorlage „{{name}}“ hat keinen Text in der Sprache „{{language}}“. Bitte ergänzen Sie ihn oder wählen Sie eine andere Sprache (--language).',
    templatesCorrupt:
      'Die Vorlagendatei „{{file}}“ ist beschädigt ({{detail}}). Sie wurde nicht verändert. Bitte stellen Sie eine Sicherung wieder her oder importieren Sie eine Exportdatei, nachdem Sie die Datei umbenannt haben.',
    templatesNewer:
      'Die Vorlagendatei „{{file}}“ stammt von einer neueren Version von OPOS Mail (Version {{version}}). Sie wurde nicht verändert. Bitte aktualisieren Sie OPOS Mail.',
    templateImportInvalid:
      'Die Datei „{{file}}“ ist keine gültige Vorlagen-Exportdatei ({{detail}}). Es wurde nichts importiert, Ihre Vorlagen sind unverändert.',
    placeholderMissing:
      'Für die Platzhalter {{names}} gibt es keinen Wert. Bitte geben Sie sie an (--field NAME=WERT); es wurde nichts gesendet.',
    // Datenbank des Postausgangs (Issue 16)
    outboxNewer:
      'Die Datenbank des Postausgangs „{{file}}“ wurde von einer neueren Version von OPOS Mail geschrieben (Schema {{version}}). Sie wurde nicht verändert. Bitte aktualisieren Sie OPOS Mail.',
    outboxMigrationFailed:
      'Der Postausgang in „{{folder}}“ konnte nicht in die neue Datenbank übernommen werden ({{detail}}). Die bisherigen Daten sind unverändert, es wurde nichts gesendet. Bitte beheben Sie die Ursache (z. B. Speicherplatz freigeben) und starten Sie OPOS Mail erneut.',
    pruneTooRecent:
      'Gespeicherte Nachrichten und das Journal sind sechs Jahre aufzubewahren (HGB § 257, AO § 147): {{date}} liegt weniger als sechs Jahre zurück (frühestens erlaubt: {{earliest}}). Es wurde nichts gelöscht. Wählen Sie ein früheres Datum oder ergänzen Sie --force, wenn die Aufbewahrung anderweitig erfüllt ist.',
    recipientsPartlyRefused:
      'Die Nachricht wurde NICHT an alle Empfänger zugestellt. Der Server hat abgelehnt: {{refused}} ({{response}}). Erhalten haben sie nur: {{accepted}}. Bitte prüfen Sie die abgelehnten Adressen und senden Sie die Nachricht nur an diese erneut.',
    operationCancelled:
      'Abgebrochen. Es wurde nichts gesendet. Sie können es jederzeit erneut versuchen (eine abgebrochene Nachricht steht als fehlgeschlagen im Postausgang und kann dort erneut gesendet werden).',
    batchRunning:
      'Es läuft bereits ein Mahnlauf. Bitte warten Sie, bis er beendet ist, oder brechen Sie ihn im Reiter „Mahnlauf“ ab; danach können Sie einen neuen starten.',
  },
  fields: {
    name: 'Profilname',
    connection: 'Verbindungsart',
    fromAddress: 'Absenderadresse',
    fromName: 'Absendername',
    host: 'Server',
    port: 'Port',
    security: 'Sicherheit',
    auth: 'Anmelden',
    user: 'Benutzername (Profil)',
    password: 'Passwort',
    allowPlaintextAuth: 'Unverschlüsselte Anmeldung erlauben',
    caFile: 'Zusätzliches CA-Zertifikat',
    maxSizeKb: 'Max. Nachrichtengröße (KB)',
    oauthClientId: 'Anwendungs-ID (Client-ID)',
    oauthTenantId: 'Verzeichnis-ID (Tenant-ID)',
    oauthAuthorityUrl: 'Anmelde-Basis-URL',
    oauthGraphUrl: 'Graph-Basis-URL',
    handoffMode: 'Übergabe',
    handoffMaxBatchRows: 'Höchstzahl Nachrichten je Mahnlauf',
    // per-profile message settings
    messagesControlCopy: 'Kontrollkopie an',
    messagesReplyTo: 'Antwort an (Reply-To)',
    messagesSignature: 'Signatur',
    messagesDeliveryReceipt: 'Zustellbestätigung anfordern (DSN)',
    messagesReadReceipt: 'Lesebestätigung anfordern',
  },
  problems: {
    required: '„{{field}}“ muss ausgefüllt sein.',
    invalidAddress: '„{{field}}“ ist keine gültige E-Mail-Adresse.',
    invalidHost: '„{{field}}“ ist kein gültiger Servername bzw. keine gültige https-Adresse.',
    authRequired: '„{{field}}“: Für diese Verbindungsart ist eine Anmeldung nötig.',
    oauthOnly: 'Die Microsoft Graph API verlangt die Anmeldung mit OAuth 2.0.',
    authNotUsed: 'Diese Verbindungsart verwendet keine Anmeldung; bitte „Keine Anmeldung“ wählen.',
  },
  report: {
    tlsImplicit: 'verschlüsselt ({{version}}, von Anfang an – SslOnConnect)',
    tlsStarttls: 'verschlüsselt ({{version}}, per STARTTLS)',
    tlsNone: 'NICHT verschlüsselt',
    authNone: 'keine Anmeldung',
    authDone: 'angemeldet als {{user}} ({{mechanism}})',
    sizeLimit: '{{size}} KB',
    sizeNone: 'keine Angabe',
    connection: 'Verbindung',
    encryption: 'Verschlüsselung',
    authentication: 'Anmeldung',
    serverLimit: 'Größenlimit des Servers',
    server: 'Server',
    testMailbox: 'Testpostfach (es wird nichts versendet; Nachrichten landen als .eml-Datei in {{folder}})',
    plainWarning:
      'Achtung: Diese Verbindung war nicht verschlüsselt. Wer die Leitung mitliest, kann Nachrichten lesen.',
    // Zustellbestätigung
    dsn: 'Zustellbestätigung (DSN)',
    dsnOffered: 'vom Server angeboten',
    dsnNotOffered:
      'vom Server NICHT angeboten – Zustellbestätigungen können über diesen Server nicht angefordert werden; die Nachrichten werden trotzdem gesendet',
  },
  kinds: {
    smtp: 'SMTP',
    graph: 'Microsoft Graph API',
    'system-mail': 'Mailprogramm des Systems',
    'windows-standard': 'Windows-Standard (Simple MAPI)',
    outlook: 'Outlook',
    'test-mailbox': 'Testpostfach',
  } satisfies Record<ConnectionKind, string>,
  handoff: {
    program: 'Mailprogramm',
    method: 'Übergabe',
    methods: {
      compose: 'Verfassen-Fenster öffnen (Sie prüfen und senden dort)',
      draft: 'als Entwurf (.eml-Datei) öffnen – Sie senden im Mailprogramm',
      direct: 'vom Mailprogramm direkt gesendet',
    },
    notKnowable:
      'Ob die Nachricht im Mailprogramm wirklich gesendet wurde, kann OPOS Mail nicht wissen – bitte dort im Ordner „Gesendet“ prüfen.',
    draftFile: 'Entwurf: {{file}}',
    unknownProgram: 'unbekanntes Mailprogramm ({{id}})',
    systemOpener: 'das Programm, das das System für .eml-Dateien verwendet',
    windowsDefault: 'das Standard-Mailprogramm von Windows',
  },
} as const;
