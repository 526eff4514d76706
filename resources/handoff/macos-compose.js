// OPOS Mail: hands one message to Apple Mail or Outlook for Mac (JavaScript for Automation).
// Run as: osascript -l JavaScript macos-compose.js <"Mail"|"Microsoft Outlook"> <message.json>
// The message comes only from the JSON file (written by OPOS Mail into its hand-off folder): this script
// text never contains user data. Fields: to, cc, bcc (address lists), subject, text, files (paths).
ObjC.import('Foundation');

function readMessage(file) {
  const text = $.NSString.stringWithContentsOfFileEncodingError(file, $.NSUTF8StringEncoding, null);
  return JSON.parse(ObjC.unwrap(text));
}

function appleMail(m) {
  const Mail = Application('Mail');
  const msg = Mail.OutgoingMessage({ subject: m.subject, content: m.text, visible: true });
  Mail.outgoingMessages.push(msg);
  m.to.forEach((a) => msg.toRecipients.push(Mail.ToRecipient({ address: a })));
  m.cc.forEach((a) => msg.ccRecipients.push(Mail.CcRecipient({ address: a })));
  m.bcc.forEach((a) => msg.bccRecipients.push(Mail.BccRecipient({ address: a })));
  m.files.forEach((f) => msg.content.attachments.push(Mail.Attachment({ fileName: Path(f) })));
  Mail.activate();
}

function outlook(m) {
  const Outlook = Application('Microsoft Outlook');
  const msg = Outlook.make({
    new: 'outgoingMessage',
    withProperties: { subject: m.subject, plainTextContent: m.text },
  });
  const add = (kind, a) =>
    Outlook.make({ new: kind, at: msg, withProperties: { emailAddress: { address: a } } });
  m.to.forEach((a) => add('toRecipient', a));
  m.cc.forEach((a) => add('ccRecipient', a));
  m.bcc.forEach((a) => add('bccRecipient', a));
  m.files.forEach((f) => Outlook.make({ new: 'attachment', at: msg, withProperties: { file: Path(f) } }));
  msg.open();
  Outlook.activate();
}

// eslint-disable-next-line no-unused-vars
function run(argv) {
  const m = readMessage(argv[1]);
  if (argv[0] === 'Microsoft Outlook') outlook(m);
  else appleMail(m);
}
