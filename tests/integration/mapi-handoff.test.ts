// "Windows-Standard" (Simple MAPI) through the real koffi marshalling and the real child process,
// against a TEST DOUBLE of mapi32.dll compiled with gcc at test time (tests/helpers/mapi-double.c):
// what the mail program receives, every return code's message and exit code, a crashing provider.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MailError } from '../../src/main/errors/mail-error.js';
import { handOffViaMapi } from '../../src/main/handoff/windows/mapi-handoff.js';
import type { HandoffDraft, HandoffMode } from '../../src/main/handoff/windows/mapi-request.js';
import { EXIT_CODES } from '../../src/shared/errors.js';
import { createI18n } from '../../src/shared/i18n/index.js';
import { buildMapiDouble, MAPI_CHILD, readMapiRecord } from '../helpers/mapi-double.js';
import { tempDir } from '../helpers/temp.js';

let library: string;
beforeAll(() => {
  library = buildMapiDouble();
});

async function pdf(dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, `%PDF-1.4\n% ${name}\n%%EOF\n`);
  return file;
}

function draft(over: Partial<HandoffDraft> = {}): HandoffDraft {
  return {
    to: ['kunde@example.org'],
    cc: [],
    bcc: [],
    subject: 'Mahnung',
    text: 'Text',
    attachments: [],
    ...over,
  };
}

/** One hand-off through the double; resolves what it recorded and the outcome. */
async function handOff(d: HandoffDraft, returns: string, mode: HandoffMode = 'compose') {
  const record = path.join(tempDir('opos-mapi-rec-'), 'record.json');
  const env = {
    ...process.env,
    OPOS_MAIL_MAPI_LIBRARY: library,
    OPOS_MAPI_DOUBLE_RECORD: record,
    OPOS_MAPI_DOUBLE_RETURN: returns,
  };
  const outcome = await handOffViaMapi(d, { mode, env, childScript: MAPI_CHILD }).then(
    (result) => ({ result, error: null }),
    (error: unknown) => ({ result: null, error: error as MailError }),
  );
  return { ...outcome, record: () => readMapiRecord(record) };
}

describe('Simple MAPI hand-off through the real FFI', () => {
  it('hands over Unicode names, To/Cc/Bcc and several PDFs with their shown names, as a compose window', async () => {
    const dir = tempDir('opos-mapi-pdf-');
    const a = await pdf(dir, 'Mahnung Jürgen Müller.pdf');
    const b = await pdf(dir, 'Zahlungsavis 2026-12 (Kopie) ß😀.pdf');
    const { result, error, record } = await handOff(
      draft({
        to: ['jürgen.müller@bäckerei-köln.de', 'zweiter@example.org'],
        cc: ['büro@example.org'],
        bcc: ['archiv@example.org'],
        subject: 'Zahlungserinnerung – Rechnung 4711 „dringend“ 😀',
        text: 'Sehr geehrter Herr Müller,\nbitte überweisen Sie 1.234,56 €.\n\nGrüße',
        attachments: [
          { path: a, filename: 'Mahnung D-1001.pdf' },
          { path: b, filename: 'Zahlungsavis ßäöü 😀.pdf' },
        ],
      }),
      '0',
    );
    expect(error).toBeNull();
    expect(result).toEqual({ mode: 'compose', program: null, library });
    const r = record();
    expect(r.flags).toBe(0x8 | 0x1); // MAPI_DIALOG | MAPI_LOGON_UI
    expect([r.session, r.uiParam, r.reserved, r.messageReserved, r.messageFlags]).toEqual([0, 0, 0, 0, 0]);
    expect(r.subject).toBe('Zahlungserinnerung – Rechnung 4711 „dringend“ 😀');
    expect(r.noteText).toBe('Sehr geehrter Herr Müller,\r\nbitte überweisen Sie 1.234,56 €.\r\n\r\nGrüße');
    expect(r.originator).toBeNull();
    expect(r.recipients).toEqual([
      {
        class: 1,
        name: 'jürgen.müller@bäckerei-köln.de',
        address: 'SMTP:jürgen.müller@bäckerei-köln.de',
        eidSize: 0,
      },
      { class: 1, name: 'zweiter@example.org', address: 'SMTP:zweiter@example.org', eidSize: 0 },
      { class: 2, name: 'büro@example.org', address: 'SMTP:büro@example.org', eidSize: 0 },
      { class: 3, name: 'archiv@example.org', address: 'SMTP:archiv@example.org', eidSize: 0 },
    ]);
    expect(r.files).toEqual([
      { flags: 0, position: 0xffffffff, path: a, name: 'Mahnung D-1001.pdf', fileType: null },
      { flags: 0, position: 0xffffffff, path: b, name: 'Zahlungsavis ßäöü 😀.pdf', fileType: null },
    ]);
  });

  it('"direkt senden" opens no window (only MAPI_LOGON_UI)', async () => {
    const { error, result, record } = await handOff(draft(), '0', 'send');
    expect(error).toBeNull();
    expect(result?.mode).toBe('send');
    expect(record().flags).toBe(0x1);
    expect(record().files).toEqual([]);
  });

  // the user-visible promise: MAPI return code → error code → exit code of `opos-mail`
  const expected: Record<number, [string | null, number]> = {
    0: [null, 0],
    1: ['handoffCancelled', 9],
    2: ['mapiFailure', 4],
    3: ['mapiLoginFailure', 3],
    4: ['mapiDiskFull', 6],
    5: ['mapiInsufficientMemory', 6],
    6: ['mapiAccessDenied', 3],
    8: ['mapiTooManySessions', 6],
    9: ['mapiTooManyFiles', 7],
    10: ['mapiTooManyRecipients', 7],
    11: ['mapiAttachmentNotFound', 2],
    12: ['mapiAttachmentOpenFailure', 2],
    13: ['mapiAttachmentWriteFailure', 6],
    14: ['mapiUnknownRecipient', 2],
    15: ['mapiBadRecipType', 1],
    16: ['mapiNoMessages', 1],
    17: ['mapiInvalidMessage', 1],
    18: ['mapiTextTooLarge', 7],
    19: ['mapiInvalidSession', 6],
    20: ['mapiTypeNotSupported', 1],
    21: ['mapiAmbiguousRecipient', 2],
    22: ['mapiMessageInUse', 6],
    23: ['mapiNetworkFailure', 4],
    24: ['mapiInvalidEditFields', 1],
    25: ['mapiInvalidRecips', 2],
    26: ['mapiNotSupported', 2],
    27: ['mapiUnicodeNotSupported', 2],
    28: ['mapiAttachmentTooLarge', 7],
    99: ['mapiUnknownCode', 1],
  };

  it('maps all 28 return codes (and an unknown one) to a message in de/en/nl and an exit code', async () => {
    expect(EXIT_CODES.cancelled).toBe(9);
    const languages = (['de', 'en', 'nl'] as const).map((l) => createI18n(l).t);
    const seen = new Set<string>();
    const entries = Object.entries(expected);
    const outcomes: Awaited<ReturnType<typeof handOff>>[] = [];
    // four child processes at a time
    for (let i = 0; i < entries.length; i += 4)
      outcomes.push(
        ...(await Promise.all(entries.slice(i, i + 4).map(([mapiCode]) => handOff(draft(), mapiCode)))),
      );
    for (const [i, [mapiCode, [code, exitCode]]] of entries.entries()) {
      const { error } = outcomes[i]!;
      if (code === null) {
        expect(error, `MAPI ${mapiCode}`).toBeNull();
        continue;
      }
      expect(error, `MAPI ${mapiCode}`).toBeInstanceOf(MailError);
      expect([error!.code, error!.exitCode], `MAPI ${mapiCode}`).toEqual([code, exitCode]);
      for (const t of languages) {
        const message = t(`core:errors.${code}`, error!.params);
        expect(message, `MAPI ${mapiCode}`).not.toContain('errors.');
        expect(message, `MAPI ${mapiCode}`).not.toContain('{{');
        // every message but the cancel one names the code for support
        if (code !== 'handoffCancelled') expect(message, `MAPI ${mapiCode}`).toContain(mapiCode);
        seen.add(message);
      }
    }
    // 27 distinct messages in three languages: no two codes share a text
    expect(seen.size).toBe(28 * 3);
  }, 120_000);

  it('a provider that crashes (abort) is a clear error, and the next hand-off works', async () => {
    const { error } = await handOff(draft(), 'abort');
    expect(error).toBeInstanceOf(MailError);
    expect(error!.code).toBe('mapiProviderCrashed');
    expect(error!.exitCode).toBe(4);
    expect(error!.params.detail).toBe('signal SIGABRT');
    expect(createI18n('de').t('core:errors.mapiProviderCrashed', error!.params)).toContain(
      'abgestürzt (signal SIGABRT)',
    );
    const again = await handOff(draft(), '0');
    expect(again.error).toBeNull();
  });

  it('a library without MAPISendMailW, or none at all, is reported as unavailable', async () => {
    const missing = path.join(tempDir('opos-mapi-lib-'), 'missing.so');
    for (const [lib, says] of [
      [missing, 'missing.so'],
      ['libm.so.6', 'MAPISendMailW'],
    ] as const) {
      const env = { ...process.env, OPOS_MAIL_MAPI_LIBRARY: lib };
      const err = await handOffViaMapi(draft(), { mode: 'compose', env, childScript: MAPI_CHILD }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(MailError);
      expect((err as MailError).code).toBe('mapiUnavailable');
      expect((err as MailError).exitCode).toBe(2);
      expect((err as MailError).params.detail).toContain(says);
    }
  });

  it('is not offered off Windows without a library', async () => {
    if (process.platform === 'win32') return;
    const env = { ...process.env };
    delete env.OPOS_MAIL_MAPI_LIBRARY;
    const err = await handOffViaMapi(draft(), { mode: 'compose', env, childScript: MAPI_CHILD }).catch(
      (e: unknown) => e,
    );
    expect((err as MailError).code).toBe('notSupportedHere');
  });
});
