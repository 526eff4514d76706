// Messages of the Windows hand-off kinds (Simple MAPI "Windows-Standard" and "Outlook"), English.
import type { windowsHandoffErrorsDe } from './windows-handoff.de.js';

export const windowsHandoffErrorsEn: Record<keyof typeof windowsHandoffErrorsDe, string> = {
  handoffCancelled:
    'The mail program’s window was closed without sending; the message was not sent. Hand it over again if it should go out (in a batch run, the next run offers it again).',
  noDefaultMailClient:
    'No default mail program is registered in Windows to hand the message to. Please choose one such as Outlook or Thunderbird in the Windows settings (Default apps → Email), or send via SMTP, Microsoft 365 or the Graph API.',
  newOutlookOnly:
    'Only the new Outlook for Windows is present here; it offers neither Simple MAPI nor a programming interface OPOS Mail could hand messages to. Please use the connection kind SMTP, Microsoft 365 (OAuth 2.0) or Microsoft Graph API, or install classic Outlook.',
  mapiUnavailable:
    'The mail program’s Simple MAPI interface cannot be loaded ({{detail}}). Please check that a mail program with MAPI support (classic Outlook, Thunderbird) is installed and set as default, or send via SMTP, Microsoft 365 or the Graph API.',
  mapiProviderCrashed:
    'The mail program’s MAPI component crashed ({{detail}}). OPOS Mail keeps running and the message is stored in OPOS Mail’s outbox. Please check the mail program’s Outbox and Sent Items to see whether it went out before you send it again; repair or update the mail program, or send via SMTP, Microsoft 365 or the Graph API.',
  handoffHelperFailed:
    'The helper process that hands the message to the mail program failed ({{detail}}). The message was not handed over. Please try again; if it happens again, reinstall OPOS Mail.',
  mapiFailure:
    'The mail program refused the hand-off with a general failure (MAPI code {{mapiCode}}). Please open the mail program once by hand, check that it is the default mail program, and try again.',
  mapiLoginFailure:
    'The mail program could not log on (MAPI code {{mapiCode}}). Please open the mail program, sign in or choose a profile there, and try again.',
  mapiDiskFull:
    'The disk is full (MAPI code {{mapiCode}}). Please free some space (e.g. in the mailbox or on drive C:) and try again.',
  mapiInsufficientMemory:
    'The mail program ran out of memory (MAPI code {{mapiCode}}). Please close other programs and try again.',
  mapiAccessDenied:
    'The mail program denied access (MAPI code {{mapiCode}}). Please check whether a policy (e.g. PromptSimpleMAPISend) forbids sending by other programs, and ask your administrator if needed.',
  mapiTooManySessions:
    'The mail program has too many open sessions (MAPI code {{mapiCode}}). Please close open compose windows or restart the mail program and try again.',
  mapiTooManyFiles:
    'The message has more attachments than the mail program accepts (MAPI code {{mapiCode}}). Please spread the attachments over several messages.',
  mapiTooManyRecipients:
    'The message has more recipients than the mail program accepts (MAPI code {{mapiCode}}). Please spread the recipients over several messages.',
  mapiAttachmentNotFound:
    'The mail program did not find an attachment (MAPI code {{mapiCode}}). Please check that the PDF files still exist and try again.',
  mapiAttachmentOpenFailure:
    'The mail program could not open an attachment (MAPI code {{mapiCode}}). Please check the PDF files’ permissions and whether another program keeps them locked.',
  mapiAttachmentWriteFailure:
    'The mail program could not store an attachment temporarily (MAPI code {{mapiCode}}). Please check the free space in the temp folder and try again.',
  mapiUnknownRecipient:
    'The mail program does not know a recipient (MAPI code {{mapiCode}}). Please check the recipient addresses.',
  mapiBadRecipType:
    'The mail program refused a recipient type (To/Cc/Bcc) (MAPI code {{mapiCode}}). Please send without Cc/Bcc or via SMTP, and report the error.',
  mapiNoMessages:
    'The mail program reports “no messages” (MAPI code {{mapiCode}}). Please try again; if it happens again, report it.',
  mapiInvalidMessage:
    'The mail program refused the message as invalid (MAPI code {{mapiCode}}). Please check subject, text and attachments, or send via SMTP, and report the error.',
  mapiTextTooLarge:
    'The message text is too long for the mail program (MAPI code {{mapiCode}}). Please shorten the text or attach it as a PDF.',
  mapiInvalidSession:
    'The session with the mail program is invalid (MAPI code {{mapiCode}}). Please restart the mail program and try again.',
  mapiTypeNotSupported:
    'The mail program does not support this type of message (MAPI code {{mapiCode}}). Please send via SMTP, Microsoft 365 or the Graph API, and report the error.',
  mapiAmbiguousRecipient:
    'A recipient is ambiguous in the mail program’s address book (MAPI code {{mapiCode}}). Please give the full e-mail address.',
  mapiMessageInUse:
    'The message is being edited in the mail program (MAPI code {{mapiCode}}). Please close that window and try again.',
  mapiNetworkFailure:
    'The mail program reports a network failure (MAPI code {{mapiCode}}). Please check the mail program’s network connection and try again.',
  mapiInvalidEditFields:
    'The mail program refused the compose window’s fields (MAPI code {{mapiCode}}). Please choose “open the compose window” instead of “send directly” or the other way round, and report the error.',
  mapiInvalidRecips:
    'The mail program refused the recipients (MAPI code {{mapiCode}}). Please check the recipient addresses.',
  mapiNotSupported:
    'The mail program does not support this hand-off (MAPI code {{mapiCode}}), e.g. sending directly without a window. Please choose “open the compose window”, or send via SMTP, Microsoft 365 or the Graph API.',
  mapiUnicodeNotSupported:
    'The mail program does not support a Unicode hand-off (MAPI code {{mapiCode}}). Please update the mail program, or send via SMTP, Microsoft 365 or the Graph API.',
  mapiAttachmentTooLarge:
    'An attachment is too large for the mail program (MAPI code {{mapiCode}}). Please make the PDF smaller or spread the attachments over several messages.',
  mapiUnknownCode:
    'The mail program reported an unknown MAPI code ({{mapiCode}}); whether it took the message is unclear. Please check the mail program and report the code.',
  outlookNotInstalled:
    'Classic Outlook is not installed on this computer ({{detail}}). Please install classic Outlook, or choose the connection kind Windows-Standard, SMTP, Microsoft 365 or the Graph API.',
  outlookGuardDenied:
    'Outlook denied OPOS Mail access (security prompt declined or blocked by policy). Please allow access in the prompt, or have your administrator set the PromptOOMSend policy or keep the antivirus up to date.',
  outlookElevated:
    'OPOS Mail and Outlook run with different rights (one “as administrator”), so they cannot connect. Please start both without “Run as administrator”.',
  outlookProfileUnknown:
    'There is no Outlook profile “{{outlookProfile}}”. Please enter the name of an existing Outlook profile in the “Profile” field (Control Panel → Mail → Show Profiles) or turn off “Log in”.',
  outlookLogonFailed:
    'Logging on to the Outlook profile “{{outlookProfile}}” failed ({{detail}}). Please check profile and password.',
  outlookAccountNotFound:
    'Outlook has no account for the sender address “{{from}}” and no default account. Please set up the account in Outlook or change the profile’s sender address.',
  outlookRecipientsUnresolved:
    'Outlook could not resolve these recipients: {{names}}. Please check the addresses.',
  outlookAttachmentUnreadable:
    'Outlook could not attach “{{file}}” ({{detail}}). Please check that the file exists and is readable.',
  outlookFailed:
    'Outlook stopped the hand-off with an error ({{detail}}). Please open Outlook once by hand and try again.',
};
