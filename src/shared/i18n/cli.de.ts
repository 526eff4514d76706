// German texts of the `opos-mail` command (namespace `cli`).
export const cliDe = {
  sent: 'Gesendet an {{accepted}}.',
  accepted: 'Von der Graph API angenommen (in Zustellung, noch nicht zugestellt) für {{accepted}}.',
  stored: 'Im Testpostfach abgelegt (nichts wurde versendet): {{file}}',
  handedOff: 'An das Mailprogramm „{{program}}“ übergeben – bitte prüfen und senden Sie die Nachricht dort.',
  partlyRejected: 'Achtung: Diese Empfänger wurden abgelehnt: {{rejected}}',
  messageId: 'Message-ID',
  response: 'Antwort des Servers',
  size: 'Größe',
  testOk: 'Verbindungstest erfolgreich – es wurde nichts gesendet.',
  profileAdded: 'Profil „{{name}}“ angelegt.',
  profileUpdated: 'Profil „{{name}}“ gespeichert.',
  profileRemoved: 'Profil „{{name}}“ und seine gespeicherten Geheimnisse wurden entfernt.',
  profileActive: 'Aktives Profil ist jetzt „{{name}}“.',
  activeMark: 'aktiv',
  passwordStored: 'ein Passwort ist im Schlüsselbund gespeichert',
  passwordNotStored: 'kein Passwort gespeichert',
  passwordPrompt: 'Passwort: ',
  plainTextWarning:
    'Hinweis: Die Sicherheit „{{mode}}“ kann unverschlüsselt enden (ein Angreifer kann STARTTLS unterdrücken). Empfohlen: StartTls oder SslOnConnect.',
  demoDone:
    'Die Beispiel-Mahnung wurde im Testpostfach abgelegt:\n  {{file}}\nÖffnen Sie die Datei mit Ihrem Mailprogramm, um sie anzusehen.',
  demoSubject: 'Mahnung zur Rechnung 2026-0815',
  demoBody:
    'Sehr geehrte Damen und Herren,\n\nbei der Durchsicht unserer Buchhaltung haben wir festgestellt, dass die Rechnung 2026-0815 über 1.234,56 € noch offen ist. Bitte überweisen Sie den Betrag bis zum 06.12.2026.\n\nMit freundlichen Grüßen\nIhre Buchhaltung',
  noTestMailbox:
    'Es gibt kein Profil der Verbindungsart „test-mailbox“. Legen Sie eines an: opos-mail profile add Testpostfach --connection test-mailbox',
  yes: 'ja',
  no: 'nein',
  none: '—',
  defaultPort: '{{port}} (Standard für {{mode}})',
  // partial delivery (issue 13)
  partial: 'Nur teilweise zugestellt – erhalten hat die Nachricht nur: {{accepted}}.',
  refusedLine: 'ABGELEHNT: {{address}} – {{response}}',
} as const;
