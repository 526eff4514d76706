// The templates that ship with the app: Mahnung levels 1, 2, 3 and "letzte Mahnung", and the
// Zahlungsavis, each in German, English and Dutch. A data folder without a templates file uses these;
// the first change writes them, edited, into the file.
import type { MailTemplate } from '../../shared/mail-templates.js';

const mahnungName = {
  de: 'Mahnung_{{Referenz}}.pdf',
  en: 'Reminder_{{Referenz}}.pdf',
  nl: 'Aanmaning_{{Referenz}}.pdf',
};

export const DEFAULT_TEMPLATES: readonly MailTemplate[] = [
  {
    name: 'Mahnung 1',
    kind: 'mahnung',
    level: '1',
    texts: {
      de: {
        subject: 'Zahlungserinnerung {{Referenz}}',
        text:
          'Sehr geehrte Damen und Herren,\n\n' +
          'sicher haben Sie es nur übersehen: Der Betrag von {{Betrag}} zu {{Referenz}} war am {{Fällig}} fällig und ist bei uns noch nicht eingegangen.\n\n' +
          'Bitte überweisen Sie ihn in den nächsten Tagen. Die Aufstellung finden Sie im Anhang. Hat sich Ihre Zahlung mit diesem Schreiben überschnitten, betrachten Sie es bitte als gegenstandslos.\n\n' +
          'Mit freundlichen Grüßen',
        attachmentName: mahnungName.de,
      },
      en: {
        subject: 'Payment reminder {{Referenz}}',
        text:
          'Dear Sir or Madam,\n\n' +
          'perhaps this has escaped your attention: the amount of {{Betrag}} for {{Referenz}} was due on {{Fällig}} and we have not yet received it.\n\n' +
          'Please transfer it within the next few days. The statement is attached. If your payment has crossed with this letter, please disregard it.\n\n' +
          'Kind regards',
        attachmentName: mahnungName.en,
      },
      nl: {
        subject: 'Betalingsherinnering {{Referenz}}',
        text:
          'Geachte heer, mevrouw,\n\n' +
          'wellicht is het aan uw aandacht ontsnapt: het bedrag van {{Betrag}} voor {{Referenz}} was op {{Fällig}} verschuldigd en is nog niet door ons ontvangen.\n\n' +
          'Wij verzoeken u het binnen enkele dagen over te maken. Het overzicht vindt u in de bijlage. Heeft uw betaling deze brief gekruist, dan kunt u deze als niet verzonden beschouwen.\n\n' +
          'Met vriendelijke groet',
        attachmentName: mahnungName.nl,
      },
    },
  },
  {
    name: 'Mahnung 2',
    kind: 'mahnung',
    level: '2',
    texts: {
      de: {
        subject: '2. Mahnung {{Referenz}}',
        text:
          'Sehr geehrte Damen und Herren,\n\n' +
          'auf unsere Zahlungserinnerung haben wir leider keinen Zahlungseingang feststellen können. Der Betrag von {{Betrag}} zu {{Referenz}} ist seit dem {{Fällig}} fällig.\n\n' +
          'Bitte überweisen Sie den Betrag innerhalb von 10 Tagen. Die Aufstellung finden Sie im Anhang.\n\n' +
          'Mit freundlichen Grüßen',
        attachmentName: mahnungName.de,
      },
      en: {
        subject: 'Second reminder {{Referenz}}',
        text:
          'Dear Sir or Madam,\n\n' +
          'unfortunately we have not received any payment after our reminder. The amount of {{Betrag}} for {{Referenz}} has been due since {{Fällig}}.\n\n' +
          'Please transfer the amount within 10 days. The statement is attached.\n\n' +
          'Kind regards',
        attachmentName: mahnungName.en,
      },
      nl: {
        subject: 'Tweede aanmaning {{Referenz}}',
        text:
          'Geachte heer, mevrouw,\n\n' +
          'helaas hebben wij na onze herinnering geen betaling ontvangen. Het bedrag van {{Betrag}} voor {{Referenz}} is sinds {{Fällig}} verschuldigd.\n\n' +
          'Wij verzoeken u het bedrag binnen 10 dagen over te maken. Het overzicht vindt u in de bijlage.\n\n' +
          'Met vriendelijke groet',
        attachmentName: mahnungName.nl,
      },
    },
  },
  {
    name: 'Mahnung 3',
    kind: 'mahnung',
    level: '3',
    texts: {
      de: {
        subject: '3. Mahnung {{Referenz}}',
        text:
          'Sehr geehrte Damen und Herren,\n\n' +
          'trotz zweier Mahnungen ist der Betrag von {{Betrag}} zu {{Referenz}} (fällig seit {{Fällig}}) noch immer offen.\n\n' +
          'Wir bitten Sie dringend, ihn innerhalb von 7 Tagen zu überweisen. Die Aufstellung finden Sie im Anhang.\n\n' +
          'Mit freundlichen Grüßen',
        attachmentName: mahnungName.de,
      },
      en: {
        subject: 'Third reminder {{Referenz}}',
        text:
          'Dear Sir or Madam,\n\n' +
          'despite two reminders, the amount of {{Betrag}} for {{Referenz}} (due since {{Fällig}}) is still outstanding.\n\n' +
          'We urgently ask you to transfer it within 7 days. The statement is attached.\n\n' +
          'Kind regards',
        attachmentName: mahnungName.en,
      },
      nl: {
        subject: 'Derde aanmaning {{Referenz}}',
        text:
          'Geachte heer, mevrouw,\n\n' +
          'ondanks twee aanmaningen staat het bedrag van {{Betrag}} voor {{Referenz}} (verschuldigd sinds {{Fällig}}) nog steeds open.\n\n' +
          'Wij verzoeken u dringend het binnen 7 dagen over te maken. Het overzicht vindt u in de bijlage.\n\n' +
          'Met vriendelijke groet',
        attachmentName: mahnungName.nl,
      },
    },
  },
  {
    name: 'Letzte Mahnung',
    kind: 'mahnung',
    level: 'final',
    texts: {
      de: {
        subject: 'Letzte Mahnung {{Referenz}}',
        text:
          'Sehr geehrte Damen und Herren,\n\n' +
          'der Betrag von {{Betrag}} zu {{Referenz}} ist seit dem {{Fällig}} fällig und trotz mehrfacher Mahnung nicht beglichen.\n\n' +
          'Dies ist unsere letzte Mahnung. Geht der Betrag nicht innerhalb von 7 Tagen bei uns ein, übergeben wir die Forderung ohne weitere Ankündigung an ein Inkassounternehmen bzw. leiten gerichtliche Schritte ein. Die Aufstellung finden Sie im Anhang.\n\n' +
          'Mit freundlichen Grüßen',
        attachmentName: 'Letzte_Mahnung_{{Referenz}}.pdf',
      },
      en: {
        subject: 'Final reminder {{Referenz}}',
        text:
          'Dear Sir or Madam,\n\n' +
          'the amount of {{Betrag}} for {{Referenz}} has been due since {{Fällig}} and remains unpaid despite several reminders.\n\n' +
          'This is our final reminder. If we do not receive the amount within 7 days, we will pass the claim to a collection agency or take legal action without further notice. The statement is attached.\n\n' +
          'Kind regards',
        attachmentName: 'Final_reminder_{{Referenz}}.pdf',
      },
      nl: {
        subject: 'Laatste aanmaning {{Referenz}}',
        text:
          'Geachte heer, mevrouw,\n\n' +
          'het bedrag van {{Betrag}} voor {{Referenz}} is sinds {{Fällig}} verschuldigd en ondanks herhaalde aanmaningen niet voldaan.\n\n' +
          'Dit is onze laatste aanmaning. Ontvangen wij het bedrag niet binnen 7 dagen, dan dragen wij de vordering zonder verdere aankondiging over aan een incassobureau of starten wij een gerechtelijke procedure. Het overzicht vindt u in de bijlage.\n\n' +
          'Met vriendelijke groet',
        attachmentName: 'Laatste_aanmaning_{{Referenz}}.pdf',
      },
    },
  },
  {
    name: 'Zahlungsavis',
    kind: 'zahlungsavis',
    texts: {
      de: {
        subject: 'Zahlungsavis {{Referenz}}',
        text:
          'Sehr geehrte Damen und Herren,\n\n' +
          'wir überweisen Ihnen am {{Fällig}} den Betrag von {{Betrag}}. Welche Rechnungen die Zahlung begleicht, entnehmen Sie bitte dem Zahlungsavis im Anhang.\n\n' +
          'Mit freundlichen Grüßen',
        attachmentName: 'Zahlungsavis_{{Referenz}}.pdf',
      },
      en: {
        subject: 'Payment advice {{Referenz}}',
        text:
          'Dear Sir or Madam,\n\n' +
          'on {{Fällig}} we will transfer the amount of {{Betrag}} to you. The attached payment advice lists the invoices this payment settles.\n\n' +
          'Kind regards',
        attachmentName: 'Payment_advice_{{Referenz}}.pdf',
      },
      nl: {
        subject: 'Betalingsadvies {{Referenz}}',
        text:
          'Geachte heer, mevrouw,\n\n' +
          'op {{Fällig}} maken wij het bedrag van {{Betrag}} aan u over. Welke facturen met deze betaling worden voldaan, vindt u in het betalingsadvies in de bijlage.\n\n' +
          'Met vriendelijke groet',
        attachmentName: 'Betalingsadvies_{{Referenz}}.pdf',
      },
    },
  },
];
