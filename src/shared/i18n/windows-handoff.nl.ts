// Messages of the Windows hand-off kinds (Simple MAPI "Windows-Standard" and "Outlook"), Dutch.
import type { windowsHandoffErrorsDe } from './windows-handoff.de.js';

export const windowsHandoffErrorsNl: Record<keyof typeof windowsHandoffErrorsDe, string> = {
  handoffCancelled:
    'Het venster van het mailprogramma is gesloten zonder te verzenden; het bericht is niet verzonden. Draag het opnieuw over als het toch weg moet (bij een aanmaningsrun biedt de volgende run het opnieuw aan).',
  noDefaultMailClient:
    'In Windows is geen standaard-mailprogramma ingesteld waaraan het bericht kan worden overgedragen. Kies er een, zoals Outlook of Thunderbird, in de Windows-instellingen (Standaard-apps → E-mail), of verzend via SMTP, Microsoft 365 of de Graph API.',
  newOutlookOnly:
    'Hier is alleen de nieuwe Outlook voor Windows aanwezig; die biedt geen Simple MAPI en geen programmeerinterface waaraan OPOS Mail berichten kan overdragen. Gebruik het verbindingstype SMTP, Microsoft 365 (OAuth 2.0) of Microsoft Graph API, of installeer de klassieke Outlook.',
  mapiUnavailable:
    'De Simple MAPI-interface van het mailprogramma kan niet worden geladen ({{detail}}). Controleer of een mailprogramma met MAPI-ondersteuning (klassieke Outlook, Thunderbird) is geïnstalleerd en als standaard is ingesteld, of verzend via SMTP, Microsoft 365 of de Graph API.',
  mapiProviderCrashed:
    'Het MAPI-onderdeel van het mailprogramma is vastgelopen ({{detail}}). OPOS Mail blijft werken en het bericht staat in de wachtrij (outbox) van OPOS Mail. Controleer in het Postvak UIT en bij Verzonden items van het mailprogramma of het is verzonden voordat u het opnieuw verstuurt; herstel of werk het mailprogramma bij, of verzend via SMTP, Microsoft 365 of de Graph API.',
  handoffHelperFailed:
    'Het hulpproces dat het bericht aan het mailprogramma overdraagt is mislukt ({{detail}}). Het bericht is niet overgedragen. Probeer het opnieuw; gebeurt het weer, installeer OPOS Mail dan opnieuw.',
  mapiFailure:
    'Het mailprogramma weigerde de overdracht met een algemene fout (MAPI-code {{mapiCode}}). Open het mailprogramma één keer met de hand, controleer of het het standaard-mailprogramma is en probeer het opnieuw.',
  mapiLoginFailure:
    'Het mailprogramma kon niet aanmelden (MAPI-code {{mapiCode}}). Open het mailprogramma, meld u daar aan of kies een profiel, en probeer het opnieuw.',
  mapiDiskFull:
    'De schijf is vol (MAPI-code {{mapiCode}}). Maak ruimte vrij (bijv. in de mailbox of op station C:) en probeer het opnieuw.',
  mapiInsufficientMemory:
    'Het mailprogramma heeft te weinig geheugen (MAPI-code {{mapiCode}}). Sluit andere programma’s en probeer het opnieuw.',
  mapiAccessDenied:
    'Het mailprogramma weigerde de toegang (MAPI-code {{mapiCode}}). Controleer of een beleid (bijv. PromptSimpleMAPISend) verzenden door andere programma’s verbiedt, en vraag zo nodig uw beheerder.',
  mapiTooManySessions:
    'Het mailprogramma heeft te veel open sessies (MAPI-code {{mapiCode}}). Sluit open opstelvensters of start het mailprogramma opnieuw en probeer het opnieuw.',
  mapiTooManyFiles:
    'Het bericht heeft meer bijlagen dan het mailprogramma aanneemt (MAPI-code {{mapiCode}}). Verdeel de bijlagen over meerdere berichten.',
  mapiTooManyRecipients:
    'Het bericht heeft meer ontvangers dan het mailprogramma aanneemt (MAPI-code {{mapiCode}}). Verdeel de ontvangers over meerdere berichten.',
  mapiAttachmentNotFound:
    'Het mailprogramma vond een bijlage niet (MAPI-code {{mapiCode}}). Controleer of de PDF-bestanden nog bestaan en probeer het opnieuw.',
  mapiAttachmentOpenFailure:
    'Het mailprogramma kon een bijlage niet openen (MAPI-code {{mapiCode}}). Controleer de rechten van de PDF-bestanden en of een ander programma ze vergrendeld houdt.',
  mapiAttachmentWriteFailure:
    'Het mailprogramma kon een bijlage niet tijdelijk opslaan (MAPI-code {{mapiCode}}). Controleer de vrije ruimte in de tijdelijke map en probeer het opnieuw.',
  mapiUnknownRecipient:
    'Het mailprogramma kent een ontvanger niet (MAPI-code {{mapiCode}}). Controleer de adressen van de ontvangers.',
  mapiBadRecipType:
    'Het mailprogramma weigerde een soort ontvanger (Aan/Cc/Bcc) (MAPI-code {{mapiCode}}). Verzend zonder Cc/Bcc of via SMTP, en meld de fout.',
  mapiNoMessages:
    'Het mailprogramma meldt „geen berichten” (MAPI-code {{mapiCode}}). Probeer het opnieuw; gebeurt het weer, meld het dan.',
  mapiInvalidMessage:
    'Het mailprogramma weigerde het bericht als ongeldig (MAPI-code {{mapiCode}}). Controleer onderwerp, tekst en bijlagen, of verzend via SMTP, en meld de fout.',
  mapiTextTooLarge:
    'De berichttekst is te lang voor het mailprogramma (MAPI-code {{mapiCode}}). Maak de tekst korter of voeg hem toe als PDF.',
  mapiInvalidSession:
    'De sessie met het mailprogramma is ongeldig (MAPI-code {{mapiCode}}). Start het mailprogramma opnieuw en probeer het opnieuw.',
  mapiTypeNotSupported:
    'Het mailprogramma ondersteunt dit soort bericht niet (MAPI-code {{mapiCode}}). Verzend via SMTP, Microsoft 365 of de Graph API, en meld de fout.',
  mapiAmbiguousRecipient:
    'Een ontvanger is niet eenduidig in het adresboek van het mailprogramma (MAPI-code {{mapiCode}}). Geef het volledige e-mailadres op.',
  mapiMessageInUse:
    'Het bericht wordt in het mailprogramma bewerkt (MAPI-code {{mapiCode}}). Sluit dat venster en probeer het opnieuw.',
  mapiNetworkFailure:
    'Het mailprogramma meldt een netwerkfout (MAPI-code {{mapiCode}}). Controleer de netwerkverbinding van het mailprogramma en probeer het opnieuw.',
  mapiInvalidEditFields:
    'Het mailprogramma weigerde de velden van het opstelvenster (MAPI-code {{mapiCode}}). Kies „opstelvenster openen” in plaats van „direct versturen” of omgekeerd, en meld de fout.',
  mapiInvalidRecips:
    'Het mailprogramma weigerde de ontvangers (MAPI-code {{mapiCode}}). Controleer de adressen van de ontvangers.',
  mapiNotSupported:
    'Het mailprogramma ondersteunt deze overdracht niet (MAPI-code {{mapiCode}}), bijv. direct verzenden zonder venster. Kies „opstelvenster openen”, of verzend via SMTP, Microsoft 365 of de Graph API.',
  mapiUnicodeNotSupported:
    'Het mailprogramma ondersteunt geen Unicode-overdracht (MAPI-code {{mapiCode}}). Werk het mailprogramma bij, of verzend via SMTP, Microsoft 365 of de Graph API.',
  mapiAttachmentTooLarge:
    'Een bijlage is te groot voor het mailprogramma (MAPI-code {{mapiCode}}). Maak de PDF kleiner of verdeel de bijlagen over meerdere berichten.',
  mapiUnknownCode:
    'Het mailprogramma meldde een onbekende MAPI-code ({{mapiCode}}); of het het bericht heeft aangenomen is onduidelijk. Controleer het mailprogramma en meld de code.',
  outlookNotInstalled:
    'De klassieke Outlook is niet geïnstalleerd op deze computer ({{detail}}). Installeer de klassieke Outlook, of kies het verbindingstype Windows-Standard, SMTP, Microsoft 365 of de Graph API.',
  outlookGuardDenied:
    'Outlook weigerde OPOS Mail de toegang (beveiligingsvraag geweigerd of door beleid geblokkeerd). Sta de toegang toe in de vraag, of laat uw beheerder het beleid PromptOOMSend instellen of de virusscanner bijwerken.',
  outlookElevated:
    'OPOS Mail en Outlook draaien met verschillende rechten (één „als administrator”), daardoor is geen verbinding mogelijk. Start beide zonder „Als administrator uitvoeren”.',
  outlookProfileUnknown:
    'Er is geen Outlook-profiel „{{outlookProfile}}”. Vul in het veld „Profiel” de naam van een bestaand Outlook-profiel in (Configuratiescherm → E-mail → Profielen weergeven) of zet „Aanmelden” uit.',
  outlookLogonFailed:
    'Aanmelden bij het Outlook-profiel „{{outlookProfile}}” is mislukt ({{detail}}). Controleer profiel en wachtwoord.',
  outlookAccountNotFound:
    'Outlook heeft geen account voor het afzenderadres „{{from}}” en geen standaardaccount. Stel het account in Outlook in of wijzig het afzenderadres van het profiel.',
  outlookRecipientsUnresolved:
    'Outlook kon deze ontvangers niet herleiden: {{names}}. Controleer de adressen.',
  outlookAttachmentUnreadable:
    'Outlook kon „{{file}}” niet toevoegen ({{detail}}). Controleer of het bestand bestaat en leesbaar is.',
  outlookFailed:
    'Outlook brak de overdracht af met een fout ({{detail}}). Open Outlook één keer met de hand en probeer het opnieuw.',
};
