// Messages of the Windows hand-off kinds (Simple MAPI "Windows-Standard" and "Outlook"), German; spread
// into the core catalogue's `errors`. One per MAPI return code: what happened and what to do.
export const windowsHandoffErrorsDe = {
  handoffCancelled:
    'Das Fenster des Mailprogramms wurde ohne Senden geschlossen; die Nachricht wurde nicht versendet. Übergeben Sie sie erneut, wenn sie hinausgehen soll (in einem Mahnlauf bietet der nächste Lauf sie wieder an).',
  noDefaultMailClient:
    'Unter Windows ist kein Standard-Mailprogramm eingetragen, an das die Nachricht übergeben werden kann. Bitte legen Sie in den Windows-Einstellungen (Standard-Apps → E-Mail) ein Mailprogramm wie Outlook oder Thunderbird fest, oder senden Sie per SMTP, Microsoft 365 oder Graph API.',
  newOutlookOnly:
    'Hier ist nur das neue Outlook für Windows vorhanden; es bietet weder Simple MAPI noch eine Programmierschnittstelle, an die OPOS Mail Nachrichten übergeben könnte. Bitte verwenden Sie die Verbindungsart SMTP, Microsoft 365 (OAuth 2.0) oder Microsoft Graph API, oder installieren Sie das klassische Outlook.',
  mapiUnavailable:
    'Die Simple-MAPI-Schnittstelle des Mailprogramms lässt sich nicht laden ({{detail}}). Bitte prüfen Sie, ob ein Mailprogramm mit MAPI-Unterstützung (klassisches Outlook, Thunderbird) installiert und als Standard festgelegt ist, oder senden Sie per SMTP, Microsoft 365 oder Graph API.',
  mapiProviderCrashed:
    'Die MAPI-Komponente des Mailprogramms ist abgestürzt ({{detail}}). OPOS Mail läuft weiter, die Nachricht ist im Postausgang von OPOS Mail gespeichert. Bitte prüfen Sie im Postausgang und unter „Gesendete Elemente“ des Mailprogramms, ob sie hinausging, bevor Sie sie erneut senden; reparieren oder aktualisieren Sie das Mailprogramm, oder senden Sie per SMTP, Microsoft 365 oder Graph API.',
  handoffHelperFailed:
    'Der Hilfsprozess für die Übergabe an das Mailprogramm ist fehlgeschlagen ({{detail}}). Die Nachricht wurde nicht übergeben. Bitte versuchen Sie es erneut; tritt der Fehler wieder auf, installieren Sie OPOS Mail neu.',
  mapiFailure:
    'Das Mailprogramm hat die Übergabe mit einem allgemeinen Fehler abgelehnt (MAPI-Code {{mapiCode}}). Bitte öffnen Sie das Mailprogramm einmal von Hand, prüfen Sie, ob es als Standard-Mailprogramm eingetragen ist, und versuchen Sie es erneut.',
  mapiLoginFailure:
    'Das Mailprogramm konnte sich nicht anmelden (MAPI-Code {{mapiCode}}). Bitte öffnen Sie das Mailprogramm, melden Sie sich dort an bzw. wählen Sie ein Profil, und versuchen Sie es erneut.',
  mapiDiskFull:
    'Auf dem Datenträger ist kein Platz mehr (MAPI-Code {{mapiCode}}). Bitte schaffen Sie Platz (z. B. im Postfach oder auf Laufwerk C:) und versuchen Sie es erneut.',
  mapiInsufficientMemory:
    'Dem Mailprogramm fehlt Arbeitsspeicher (MAPI-Code {{mapiCode}}). Bitte schließen Sie andere Programme und versuchen Sie es erneut.',
  mapiAccessDenied:
    'Das Mailprogramm hat den Zugriff verweigert (MAPI-Code {{mapiCode}}). Bitte prüfen Sie, ob eine Richtlinie (z. B. PromptSimpleMAPISend) das Senden durch andere Programme verbietet, und fragen Sie ggf. Ihre Administration.',
  mapiTooManySessions:
    'Das Mailprogramm hat zu viele offene Sitzungen (MAPI-Code {{mapiCode}}). Bitte schließen Sie offene Verfassen-Fenster oder starten Sie das Mailprogramm neu und versuchen Sie es erneut.',
  mapiTooManyFiles:
    'Die Nachricht hat mehr Anhänge, als das Mailprogramm annimmt (MAPI-Code {{mapiCode}}). Bitte verteilen Sie die Anhänge auf mehrere Nachrichten.',
  mapiTooManyRecipients:
    'Die Nachricht hat mehr Empfänger, als das Mailprogramm annimmt (MAPI-Code {{mapiCode}}). Bitte verteilen Sie die Empfänger auf mehrere Nachrichten.',
  mapiAttachmentNotFound:
    'Das Mailprogramm hat einen Anhang nicht gefunden (MAPI-Code {{mapiCode}}). Bitte prüfen Sie, ob die PDF-Dateien noch vorhanden sind, und versuchen Sie es erneut.',
  mapiAttachmentOpenFailure:
    'Das Mailprogramm konnte einen Anhang nicht öffnen (MAPI-Code {{mapiCode}}). Bitte prüfen Sie die Zugriffsrechte der PDF-Dateien und ob ein anderes Programm sie gesperrt hält.',
  mapiAttachmentWriteFailure:
    'Das Mailprogramm konnte einen Anhang nicht zwischenspeichern (MAPI-Code {{mapiCode}}). Bitte prüfen Sie den freien Platz im Temp-Ordner und versuchen Sie es erneut.',
  mapiUnknownRecipient:
    'Das Mailprogramm kennt einen Empfänger nicht (MAPI-Code {{mapiCode}}). Bitte prüfen Sie die Empfängeradressen.',
  mapiBadRecipType:
    'Das Mailprogramm hat eine Empfängerart (An/Cc/Bcc) abgelehnt (MAPI-Code {{mapiCode}}). Bitte senden Sie ohne Cc/Bcc oder per SMTP, und melden Sie den Fehler.',
  mapiNoMessages:
    'Das Mailprogramm meldet „keine Nachrichten“ (MAPI-Code {{mapiCode}}). Bitte versuchen Sie es erneut; tritt der Fehler wieder auf, melden Sie ihn.',
  mapiInvalidMessage:
    'Das Mailprogramm hat die Nachricht als ungültig abgelehnt (MAPI-Code {{mapiCode}}). Bitte prüfen Sie Betreff, Text und Anhänge, oder senden Sie per SMTP, und melden Sie den Fehler.',
  mapiTextTooLarge:
    'Der Nachrichtentext ist für das Mailprogramm zu lang (MAPI-Code {{mapiCode}}). Bitte kürzen Sie den Text oder legen Sie ihn als PDF bei.',
  mapiInvalidSession:
    'Die Sitzung mit dem Mailprogramm ist ungültig (MAPI-Code {{mapiCode}}). Bitte starten Sie das Mailprogramm neu und versuchen Sie es erneut.',
  mapiTypeNotSupported:
    'Das Mailprogramm unterstützt diese Art von Nachricht nicht (MAPI-Code {{mapiCode}}). Bitte senden Sie per SMTP, Microsoft 365 oder Graph API, und melden Sie den Fehler.',
  mapiAmbiguousRecipient:
    'Ein Empfänger ist im Adressbuch des Mailprogramms nicht eindeutig (MAPI-Code {{mapiCode}}). Bitte geben Sie die vollständige E-Mail-Adresse an.',
  mapiMessageInUse:
    'Die Nachricht wird im Mailprogramm gerade bearbeitet (MAPI-Code {{mapiCode}}). Bitte schließen Sie das Fenster und versuchen Sie es erneut.',
  mapiNetworkFailure:
    'Das Mailprogramm meldet einen Netzwerkfehler (MAPI-Code {{mapiCode}}). Bitte prüfen Sie die Netzwerkverbindung des Mailprogramms und versuchen Sie es erneut.',
  mapiInvalidEditFields:
    'Das Mailprogramm hat die Felder des Verfassen-Fensters abgelehnt (MAPI-Code {{mapiCode}}). Bitte wählen Sie „Verfassen-Fenster öffnen“ statt „direkt senden“ oder umgekehrt, und melden Sie den Fehler.',
  mapiInvalidRecips:
    'Das Mailprogramm hat die Empfänger abgelehnt (MAPI-Code {{mapiCode}}). Bitte prüfen Sie die Empfängeradressen.',
  mapiNotSupported:
    'Das Mailprogramm unterstützt diese Übergabe nicht (MAPI-Code {{mapiCode}}), z. B. das direkte Senden ohne Fenster. Bitte wählen Sie „Verfassen-Fenster öffnen“, oder senden Sie per SMTP, Microsoft 365 oder Graph API.',
  mapiUnicodeNotSupported:
    'Das Mailprogramm unterstützt keine Unicode-Übergabe (MAPI-Code {{mapiCode}}). Bitte aktualisieren Sie das Mailprogramm, oder senden Sie per SMTP, Microsoft 365 oder Graph API.',
  mapiAttachmentTooLarge:
    'Ein Anhang ist für das Mailprogramm zu groß (MAPI-Code {{mapiCode}}). Bitte verkleinern Sie die PDF-Datei oder verteilen Sie die Anhänge auf mehrere Nachrichten.',
  mapiUnknownCode:
    'Das Mailprogramm hat einen unbekannten MAPI-Code ({{mapiCode}}) gemeldet; ob die Nachricht übernommen wurde, ist unklar. Bitte prüfen Sie das Mailprogramm und melden Sie den Code.',
  outlookNotInstalled:
    'Das klassische Outlook ist auf diesem Rechner nicht installiert ({{detail}}). Bitte installieren Sie das klassische Outlook, oder wählen Sie die Verbindungsart Windows-Standard, SMTP, Microsoft 365 oder Graph API.',
  outlookGuardDenied:
    'Outlook hat den Zugriff durch OPOS Mail verweigert (Sicherheitsabfrage abgelehnt oder per Richtlinie gesperrt). Bitte erlauben Sie den Zugriff in der Abfrage, oder lassen Sie Ihre Administration die Richtlinie PromptOOMSend bzw. einen aktuellen Virenschutz einrichten.',
  outlookElevated:
    'OPOS Mail und Outlook laufen mit unterschiedlichen Rechten (eines „als Administrator“), daher ist keine Verbindung möglich. Bitte starten Sie beide Programme ohne „Als Administrator ausführen“.',
  outlookProfileUnknown:
    'Das Outlook-Profil „{{outlookProfile}}“ gibt es nicht. Bitte tragen Sie im Feld „Profil“ den Namen eines vorhandenen Outlook-Profils ein (Systemsteuerung → E-Mail → Profile anzeigen) oder lassen Sie „Anmelden“ aus.',
  outlookLogonFailed:
    'Die Anmeldung am Outlook-Profil „{{outlookProfile}}“ ist fehlgeschlagen ({{detail}}). Bitte prüfen Sie Profil und Passwort.',
  outlookAccountNotFound:
    'In Outlook gibt es kein Konto für die Absenderadresse „{{from}}“ und kein Standardkonto. Bitte richten Sie das Konto in Outlook ein oder ändern Sie die Absenderadresse des Profils.',
  outlookRecipientsUnresolved:
    'Outlook konnte diese Empfänger nicht auflösen: {{names}}. Bitte prüfen Sie die Adressen.',
  outlookAttachmentUnreadable:
    'Outlook konnte den Anhang „{{file}}“ nicht anfügen ({{detail}}). Bitte prüfen Sie, ob die Datei vorhanden und lesbar ist.',
  outlookFailed:
    'Outlook hat die Übergabe mit einem Fehler abgebrochen ({{detail}}). Bitte öffnen Sie Outlook einmal von Hand und versuchen Sie es erneut.',
};
