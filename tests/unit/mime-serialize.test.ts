// The outbox renders messages with its own one-pass serialiser; it must give exactly the bytes of
// nodemailer's build() for the same tree, for every shape of message we send, and step aside for
// trees it does not cover.
import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { base64LinesInto, base64LinesLength } from '../../src/main/mail/base64-lines.js';
import { isDataSafe, isKnownDataSafe } from '../../src/main/mail/data-safe.js';
import { serializeMime } from '../../src/main/mail/mime-serialize.js';

type Options = ConstructorParameters<typeof MailComposer>[0];

async function both(options: Options): Promise<{ ours: Buffer | undefined; theirs: Buffer }> {
  const tree = new MailComposer(options).compile();
  const ours = serializeMime(tree);
  const theirs = await tree.build();
  return { ours, theirs };
}

const base: Options = {
  from: { name: 'Müller & Söhne Buchhaltung', address: 'buchhaltung@firma.example' },
  to: ['kunde@example.org', 'Jürgen.Weiß@example.org'],
  cc: ['kopie@example.org'],
  bcc: ['geheim@example.org'],
  subject:
    'Zahlungsavis für Müller – Überweisung 1.234,56 € und ein sehr langer Betreff, der gefaltet werden muss',
  messageId: '<1234@firma.example>',
  date: new Date('2026-11-22T10:00:00Z'),
  headers: { 'X-OPOS-Kind': 'mahnung', 'X-OPOS-Reference': 'R-4711' },
  textEncoding: 'quoted-printable',
};

function pdf(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(Math.max(0, size - 9))]).subarray(0, size);
}

describe('MIME serialisation', () => {
  it('writes base64 lines exactly like Node plus MIME line breaks, for every remainder', () => {
    for (const n of [0, 1, 2, 3, 4, 56, 57, 58, 113, 114, 115, 171, 1000, 204_800, 204_801, 204_802]) {
      const src = randomBytes(n);
      const expected = Buffer.from(src.toString('base64').replace(/.{76}(?!$)/g, '$&\r\n'), 'latin1');
      expect(base64LinesLength(n)).toBe(expected.length);
      const out = Buffer.alloc(expected.length + 3);
      expect(base64LinesInto(src, out, 1)).toBe(expected.length + 1);
      expect(out.subarray(1, expected.length + 1).equals(expected), `n=${n}`).toBe(true);
    }
  });

  it('gives the bytes of nodemailer for Mahnungen with PDFs of every size', async () => {
    for (const size of [0, 1, 2, 3, 57, 58, 1000, 204_800, 204_801]) {
      const { ours, theirs } = await both({
        ...base,
        text: 'Sehr geehrte Damen und Herren,\r\noffen sind 1.234,56 €.\r\n.\r\nMit freundlichen Grüßen',
        attachments: [
          { filename: `Mahnung-${size}.pdf`, content: pdf(size), contentType: 'application/pdf' },
        ],
      });
      expect(ours, `PDF of ${size} bytes`).toBeDefined();
      expect(ours!.equals(theirs), `PDF of ${size} bytes`).toBe(true);
    }
  });

  it('gives the bytes of nodemailer for texts, HTML, several and oddly named attachments', async () => {
    const longLine = 'Rechnung '.repeat(40) + '  \r\nzweite Zeile mit Leerzeichen am Ende   \r\n';
    const variants: Options[] = [
      { ...base, text: 'Kurzer Text ohne Umlaute.' }, // 7bit
      { ...base, text: longLine.repeat(300) }, // long lines, beyond one encoder slice
      { ...base, text: 'äöü ÄÖÜ ß €\r\n'.repeat(2000), html: '<p>Grüße</p>\r\n<p>.</p>' },
      {
        ...base,
        text: '',
        attachments: [{ filename: 'a.pdf', content: pdf(10), contentType: 'application/pdf' }],
      },
      {
        ...base,
        text: 'Zwei Anhänge',
        attachments: [
          {
            filename:
              'Zahlungsavis_Müller_Öl & Söhne GmbH & Co. KG – sehr langer Dateiname für die Fortsetzung.pdf',
            content: pdf(3000),
            contentType: 'application/pdf',
          },
          {
            filename: 'liste.txt',
            content: Buffer.from('Zeile 1\r\nZeile 2\r\n'),
            contentType: 'text/plain',
          },
          { filename: 'daten.bin', content: randomBytes(500), contentType: 'application/octet-stream' },
        ],
      },
      { ...base, text: 'Base64-Text äöü', textEncoding: 'base64' },
    ];
    for (const [i, options] of variants.entries()) {
      const { ours, theirs } = await both(options);
      expect(ours, `variant ${i}`).toBeDefined();
      expect(ours!.equals(theirs), `variant ${i}:\n${ours?.toString().slice(0, 2000)}`).toBe(true);
    }
  });

  it('marks a message safe for SMTP DATA exactly when a full check of its bytes finds it safe', async () => {
    // the sending thread trusts the mark instead of searching the message (smtp-data-path.ts)
    const texts = [
      'Sehr geehrte Damen und Herren,\r\noffen sind 1.234,56 €.\r\nMit freundlichen Grüßen',
      'Zeile\r\n.\r\nein Punkt am Zeilenanfang',
      '.beginnt mit einem Punkt',
      'Rechnung '.repeat(40) + '\r\n.'.repeat(3),
      'nur LF\nzweite Zeile',
      'ein CR\rallein',
    ];
    const marks = [];
    for (const text of texts)
      for (const html of [undefined, `<p>${text}</p>`]) {
        const { ours } = await both({
          ...base,
          text,
          ...(html ? { html } : {}),
          attachments: [{ filename: 'Mahnung.pdf', content: pdf(5000), contentType: 'application/pdf' }],
        });
        const mark = isKnownDataSafe(ours!);
        expect(mark, JSON.stringify(text)).toBe(isDataSafe(ours!, false));
        marks.push(mark);
      }
    // both outcomes occur: a plain Mahnung is marked, a line starting with a dot is not
    expect(marks[0]).toBe(true);
    expect(marks[2]).toBe(false);
  });

  it('steps aside for content it does not cover (an attachment read from a file)', () => {
    const tree = new MailComposer({ ...base, text: 'x', attachments: [{ path: __filename }] }).compile();
    expect(serializeMime(tree)).toBeUndefined();
  });
});
