// Login, plain-text refusal, certificate trust, size limits, header injection and intact German
// content, against real SMTP servers through the `opos-mail` command.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { domainToASCII, domainToUnicode } from 'node:url';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from '../helpers/certs.js';
import { runCli, SAMPLE_PDF, tempHome } from '../helpers/cli.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

const USER = 'buchhaltung@firma.example';
const PASSWORD = 'richtig-Pässwort';
let ca: TestCa;
let starttls: TestSmtpServer;
let plain: TestSmtpServer;
let open: TestSmtpServer;
const started: TestSmtpServer[] = [];

beforeAll(async () => {
  ca = createTestCa();
  const tls = ca.issue('server', ['127.0.0.1', 'localhost']);
  starttls = await startSmtpServer({ mode: 'starttls', tls, users: { [USER]: PASSWORD } });
  plain = await startSmtpServer({ mode: 'plain', users: { [USER]: PASSWORD } });
  open = await startSmtpServer({ mode: 'starttls', tls });
  started.push(starttls, plain, open);
});
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
});

async function profile(server: TestSmtpServer, args: string[], password?: string): Promise<string> {
  const home = tempHome();
  const r = await runCli(
    [
      'profile',
      'add',
      'Firma',
      '--host',
      server.host,
      '--port',
      String(server.port),
      '--from',
      USER,
      '--from-name',
      'Müller & Söhne Buchhaltung',
      '--use',
      ...(password !== undefined ? ['--login', '--user', USER, '--password-stdin'] : []),
      ...args,
    ],
    { home, ...(password !== undefined ? { input: password } : {}) },
  );
  expect(r.code, r.stderr).toBe(0);
  return home;
}

function bySubject(server: TestSmtpServer, subject: string) {
  return server.messages.filter((m) => m.raw.toString('latin1').includes(`Subject: ${subject}\r\n`));
}

describe('login', () => {
  it('logs in with the stored password and reports the mechanism', async () => {
    const home = await profile(starttls, ['--security', 'StartTls', '--ca-file', ca.caFile], PASSWORD);
    const r = await runCli(['test', '--json'], { home });
    expect(r.code, r.stderr).toBe(0);
    const c = r.json<{
      connection: { auth: { used: boolean; mechanism: string; user: string }; tls: { mode: string } };
    }>().connection;
    expect(c.auth).toMatchObject({ used: true, user: USER });
    expect(['PLAIN', 'LOGIN']).toContain(c.auth.mechanism);
    expect(c.tls.mode).toBe('starttls');
    expect(starttls.sessions.some((s) => s.user === USER && s.secure)).toBe(true);
    // human output says it in words
    const human = await runCli(['test'], { home });
    expect(human.stdout).toContain('verschlüsselt (TLSv1.3, per STARTTLS)');
    expect(human.stdout).toContain(`angemeldet als ${USER}`);
  });

  it('a wrong password gives exit 3 and delivers nothing', async () => {
    const home = await profile(starttls, ['--security', 'StartTls', '--ca-file', ca.caFile], 'falsch');
    const r = await runCli(['send', '--to', 'kunde@example.org', '--subject', 'wrong password', '--json'], {
      home,
    });
    expect(r.code).toBe(3);
    expect(r.json<{ error: { code: string; response: string } }>().error).toMatchObject({
      code: 'authFailed',
    });
    expect(r.stderr).toContain('Anmeldung am Server wurde abgelehnt');
    expect(r.stderr).not.toContain('falsch');
    expect(bySubject(starttls, 'wrong password')).toHaveLength(0);
  });

  it('a server that demands a login says to turn on "Anmelden" (exit 3)', async () => {
    const home = await profile(starttls, ['--security', 'StartTls', '--ca-file', ca.caFile]);
    const r = await runCli(['send', '--to', 'kunde@example.org', '--subject', 'no login', '--json'], {
      home,
    });
    expect(r.code).toBe(3);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('loginRequired');
    expect(r.stderr).toContain('--login');
  });

  it('login without a stored password says how to store one (exit 3)', async () => {
    const home = await profile(starttls, [
      '--security',
      'StartTls',
      '--ca-file',
      ca.caFile,
      '--login',
      '--user',
      USER,
    ]);
    const r = await runCli(['test'], { home });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--password-stdin');
  });

  it('never sends the password over plain text unless the profile allows it', async () => {
    const before = plain.sessions.reduce((n, s) => n + s.authAttempts, 0);
    const home = await profile(plain, ['--security', 'StartTlsWhenAvailable'], PASSWORD);
    const refused = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'plain refused', '--json'],
      { home },
    );
    expect(refused.code).toBe(4);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('plaintextAuthRefused');
    expect(refused.stderr).toContain('--allow-plaintext-auth');
    expect(plain.sessions.reduce((n, s) => n + s.authAttempts, 0)).toBe(before); // no AUTH reached the server
    expect(bySubject(plain, 'plain refused')).toHaveLength(0);

    const edit = await runCli(['profile', 'edit', 'Firma', '--allow-plaintext-auth'], { home });
    expect(edit.code, edit.stderr).toBe(0);
    const allowed = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'plain allowed', '--json'],
      { home },
    );
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.json<{ tls: { used: boolean } }>().tls.used).toBe(false);
    expect(bySubject(plain, 'plain allowed')).toHaveLength(1);
    expect(plain.sessions.some((s) => s.authOverPlainText && s.user === USER)).toBe(true);
  });
});

describe('certificates', () => {
  it('refuses an untrusted certificate (exit 4) and trusts it through --ca-file', async () => {
    const home = await profile(starttls, ['--security', 'StartTls'], PASSWORD);
    const r = await runCli(['send', '--to', 'kunde@example.org', '--subject', 'untrusted', '--json'], {
      home,
    });
    expect(r.code).toBe(4);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('certUntrusted');
    expect(r.stderr).toContain('--ca-file');
    expect(bySubject(starttls, 'untrusted')).toHaveLength(0);

    const edit = await runCli(['profile', 'edit', 'Firma', '--ca-file', ca.caFile], { home });
    expect(edit.code, edit.stderr).toBe(0);
    const ok = await runCli(['send', '--to', 'kunde@example.org', '--subject', 'trusted', '--json'], {
      home,
    });
    expect(ok.code, ok.stderr).toBe(0);
    expect(bySubject(starttls, 'trusted')).toHaveLength(1);
  });

  it('refuses a certificate issued for another name', async () => {
    const other = await startSmtpServer({ mode: 'implicit', tls: ca.issue('other', ['mail.example.net']) });
    started.push(other);
    const home = await profile(other, ['--security', 'SslOnConnect', '--ca-file', ca.caFile]);
    const r = await runCli(['test', '--json'], { home });
    expect(r.code).toBe(4);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('certHostname');
  });

  it('refuses a CA file that holds no certificate (exit 2)', async () => {
    const bad = path.join(tempHome(), 'not-a-cert.pem');
    writeFileSync(bad, 'hello');
    const home = tempHome();
    const r = await runCli(
      ['profile', 'add', 'X', '--host', 'smtp.example.org', '--from', USER, '--ca-file', bad],
      { home },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not-a-cert.pem');
  });
});

describe('message size', () => {
  it('checks the profile limit on the encoded message before connecting (exit 7)', async () => {
    const pdf = path.join(tempHome(), 'gross.pdf');
    writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(8 * 1024, 7)]));
    const sessionsBefore = starttls.sessions.length;
    // 8 KB raw is below 10 KB, but base64 makes it larger than the limit: the encoded size counts
    const home = await profile(starttls, [
      '--security',
      'StartTls',
      '--ca-file',
      ca.caFile,
      '--max-size-kb',
      '10',
    ]);
    const r = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'too large local', '--attach', pdf, '--json'],
      { home },
    );
    expect(r.code).toBe(7);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('tooLargeLocal');
    expect(starttls.sessions.length).toBe(sessionsBefore); // never connected
  });

  it("honours the server's announced SIZE (exit 7, nothing delivered)", async () => {
    const small = await startSmtpServer({
      mode: 'starttls',
      tls: ca.issue('small', ['127.0.0.1']),
      size: 4000,
    });
    started.push(small);
    const home = await profile(small, ['--security', 'StartTls', '--ca-file', ca.caFile]);
    const t = await runCli(['test', '--json'], { home });
    expect(t.json<{ connection: { serverSizeLimit: number } }>().connection.serverSizeLimit).toBe(4000);
    const r = await runCli(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--subject',
        'too large server',
        '--attach',
        SAMPLE_PDF,
        '--attach',
        SAMPLE_PDF,
        '--attach',
        SAMPLE_PDF,
        '--json',
      ],
      { home },
    );
    expect(r.code).toBe(7);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('tooLargeServer');
    expect(small.messages).toHaveLength(0);
  });
});

describe('message content', () => {
  it('refuses CR/LF header injection in any field (exit 2) and sends nothing', async () => {
    const home = await profile(open, ['--security', 'StartTls', '--ca-file', ca.caFile]);
    const cases: string[][] = [
      ['--subject', 'Mahnung\r\nBcc: opfer@example.org'],
      ['--subject', 'ok', '--to', 'kunde@example.org\r\nBcc: x@example.org'],
      ['--subject', 'ok', '--reference', 'R1\nX-Evil: 1'],
    ];
    for (const extra of cases) {
      const r = await runCli(['send', '--to', 'kunde@example.org', ...extra, '--json'], { home });
      expect(r.code, JSON.stringify(extra)).toBe(2);
    }
    const badName = await runCli(
      ['profile', 'edit', 'Firma', '--from-name', 'Buchhaltung\r\nBcc: x@example.org'],
      { home },
    );
    expect(badName.code).toBe(2);
    expect(open.messages.some((m) => m.raw.toString('latin1').includes('opfer@example.org'))).toBe(false);
  });

  it('refuses invalid recipients (exit 2) and accepts internationalised domains', async () => {
    const home = await profile(open, ['--security', 'StartTls', '--ca-file', ca.caFile]);
    for (const bad of [
      'kunde',
      'kunde@',
      '@example.org',
      'kunde@exa mple.org',
      'kunde@@example.org',
      'kunde@example',
    ]) {
      const r = await runCli(['send', '--to', bad, '--subject', 'x'], { home });
      expect(r.code, bad).toBe(2);
    }
    const idn = await runCli(['send', '--to', 'info@müller-gmbh.de', '--subject', 'IDN', '--json'], { home });
    expect(idn.code, idn.stderr).toBe(0);
    const got = bySubject(open, 'IDN')[0]!;
    // sent in ASCII (punycode) form; the server may show it decoded
    expect(got.raw.toString('latin1')).toContain(`To: info@${domainToASCII('müller-gmbh.de')}`);
    expect(got.to.map((a) => domainToUnicode(a.split('@')[1]!))).toEqual(['müller-gmbh.de']);
  });

  it('delivers a German subject, names and an umlaut PDF file name intact', async () => {
    const home = await profile(open, ['--security', 'StartTls', '--ca-file', ca.caFile]);
    const dir = tempHome();
    const pdf = path.join(dir, 'Zahlungsavis_Müller_Öl & Söhne.pdf');
    writeFileSync(pdf, readFileSync(SAMPLE_PDF));
    const subject = 'Zahlungsavis für Müller – Überweisung 1.234,56 €';
    const r = await runCli(
      [
        'send',
        '--to',
        'Jürgen.Weiß@example.org',
        '--cc',
        'kopie@example.org',
        '--bcc',
        'geheim@example.org',
        '--subject',
        subject,
        '--body',
        'Grüße aus Köln: äöüß ÄÖÜ €',
        '--attach',
        pdf,
        '--kind',
        'zahlungsavis',
        '--reference',
        'D-4711',
        '--json',
      ],
      { home },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<{ messageId: string; response: string; accepted: string[]; size: number }>();
    expect(out.response).toMatch(/^250 /);
    expect(out.accepted.sort()).toEqual(
      ['Jürgen.Weiß@example.org', 'geheim@example.org', 'kopie@example.org'].sort(),
    );
    const received = open.messages.find((m) => m.raw.toString('latin1').includes(out.messageId));
    expect(received).toBeDefined();
    expect(received!.raw.length).toBe(out.size);
    const mail = await PostalMime.parse(received!.raw);
    expect(mail.subject).toBe(subject);
    expect(mail.from?.name).toBe('Müller & Söhne Buchhaltung');
    expect(mail.text?.trim()).toBe('Grüße aus Köln: äöüß ÄÖÜ €');
    expect(mail.messageId).toBe(out.messageId);
    expect(mail.date).toBeTruthy();
    expect(mail.bcc ?? []).toEqual([]); // Bcc only in the envelope, never in the headers
    expect(received!.raw.toString('latin1')).not.toContain('geheim@example.org');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe('Zahlungsavis_Müller_Öl & Söhne.pdf');
    expect(mail.attachments[0]!.mimeType).toBe('application/pdf');
    expect(Buffer.from(mail.attachments[0]!.content as ArrayBuffer).equals(readFileSync(SAMPLE_PDF))).toBe(
      true,
    );
    expect(mail.headers.find((h) => h.key === 'x-opos-kind')?.value).toBe('zahlungsavis');
  });

  it('a body with lines of dots and mixed line ends arrives whole and exactly as stored', async () => {
    const home = await profile(open, ['--security', 'StartTls', '--ca-file', ca.caFile]);
    // a line holding only a dot would end the data early if it were not stuffed; the stored copy
    // must hold the bytes the server got, so line ends are CRLF already when it is written
    const body = 'Sehr geehrte Damen und Herren,\n.\n..zwei Punkte\n.Punkt am Zeilenanfang\r\n.\r\nEnde.';
    const r = await runCli(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--subject',
        'Punkte',
        '--body',
        body,
        '--attach',
        SAMPLE_PDF,
        '--json',
      ],
      { home },
    );
    expect(r.code, r.stderr).toBe(0);
    const { messageId } = r.json<{ messageId: string }>();
    const received = open.messages.find((m) => m.raw.toString('latin1').includes(messageId));
    expect(received).toBeDefined();
    const mail = await PostalMime.parse(received!.raw);
    expect(mail.text?.replace(/\r\n/g, '\n').trim()).toBe(body.replace(/\r\n/g, '\n'));
    expect(Buffer.from(mail.attachments[0]!.content as ArrayBuffer).equals(readFileSync(SAMPLE_PDF))).toBe(
      true,
    );
    const [entry] = (await runCli(['journal', '--json'], { home })).lines<{ file: string }>();
    expect(readFileSync(entry!.file).equals(received!.raw)).toBe(true);
  });
});
