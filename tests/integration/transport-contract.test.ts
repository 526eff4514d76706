// The contract every transport keeps, checked for every connection kind of the registry (a kind
// without a fixture here is a compile error): opening a session gives a report of its own kind with the
// TLS and authentication facts; close() can be called twice; and every failure is a MailError with a
// code of the closed table. Real parts: an SMTP server on loopback, the real xdg-utils with a recording
// mail program, the data folder. Graph gets its token from a scripted token source (the sign-in itself
// is covered by the OAuth tests) and, like every other kind here, opens its session without sending.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailError } from '../../src/main/errors/mail-error.js';
import type { SecretStore } from '../../src/main/secrets/secret-store.js';
import { createTransport, TRANSPORTS } from '../../src/main/transports/registry.js';
import type { TransportContext } from '../../src/main/transports/transport.js';
import { ERROR_CODES } from '../../src/shared/errors.js';
import { profileSchema, type ConnectionKind, type Profile } from '../../src/shared/profile.js';
import { fakeDesktop } from '../helpers/fake-desktop.js';
import { buildMapiDouble, MAPI_CHILD } from '../helpers/mapi-double.js';
import { powershellAnswering } from '../helpers/powershell-double.js';
import { spawnNodeScript } from '../../src/main/handoff/child-process.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import { tempDir } from '../helpers/temp.js';
import { writeFileSync } from 'node:fs';

const noSecrets: SecretStore = {
  get: () => Promise.resolve(null),
  set: () => Promise.resolve(),
  delete: () => Promise.resolve(false),
  deleteAll: () => Promise.resolve(),
};

function profile(values: Record<string, unknown>): Profile {
  return profileSchema.parse({
    id: 'contract-0001',
    name: 'Contract',
    fromAddress: 'a@firma.example',
    ...values,
  });
}

let smtp: TestSmtpServer;
const desk = fakeDesktop('thunderbird');
const savedEnv = { ...process.env };

beforeAll(async () => {
  smtp = await startSmtpServer({ mode: 'plain', authOptional: true });
  Object.assign(process.env, desk.env);
});
afterAll(async () => {
  process.env = savedEnv;
  await smtp.close();
});

interface Fixture {
  /** Built by the registry's own factory, past its platform gate (a Windows-only kind off Windows). */
  direct?: boolean;
  ok: () => { profile: Profile; ctx?: Partial<TransportContext>; env?: NodeJS.ProcessEnv };
  failing: () => { profile: Profile; ctx?: Partial<TransportContext>; env?: NodeJS.ProcessEnv };
}

const FIXTURES: Record<ConnectionKind, Fixture> = {
  smtp: {
    ok: () => ({
      profile: profile({ connection: 'smtp', host: '127.0.0.1', port: smtp.port, security: 'None' }),
    }),
    failing: () => ({
      profile: profile({ connection: 'smtp', host: '127.0.0.1', port: 9, security: 'None' }),
    }),
  },
  graph: {
    ok: () => ({
      profile: profile({
        connection: 'graph',
        auth: 'oauth',
        oauth: { clientId: 'app-id', tenantId: 'firma.example' },
      }),
      ctx: { tokens: { accessToken: () => Promise.resolve({ token: 'scripted', user: 'a@firma.example' }) } },
    }),
    failing: () => ({ profile: profile({ connection: 'graph', auth: 'oauth' }) }),
  },
  'system-mail': {
    ok: () => ({ profile: profile({ connection: 'system-mail' }) }),
    failing: () => ({
      profile: profile({ connection: 'system-mail' }),
      env: { DISPLAY: '', WAYLAND_DISPLAY: '' },
    }),
  },
  // Windows only: Simple MAPI against the gcc-built TEST DOUBLE of mapi32.dll (opening a session finds
  // the program, sending nothing); without a MAPI library the kind is not available
  'windows-standard': {
    direct: true,
    ok: () => ({
      profile: profile({ connection: 'windows-standard' }),
      env: { OPOS_MAIL_MAPI_LIBRARY: mapiDouble() },
    }),
    failing: () => ({
      profile: profile({ connection: 'windows-standard' }),
      env: { OPOS_MAIL_MAPI_LIBRARY: '' },
    }),
  },
  // Windows only: Outlook's script answered by a TEST DOUBLE of powershell.exe
  outlook: {
    direct: true,
    ok: () => ({
      profile: profile({ connection: 'outlook' }),
      ctx: outlookCtx({
        ok: true,
        action: 'test',
        program: 'Microsoft Outlook 16.0',
        profile: 'Outlook',
        account: 'a@firma.example',
        accountFallback: false,
      }),
    }),
    failing: () => ({
      profile: profile({ connection: 'outlook' }),
      ctx: outlookCtx({ ok: false, stage: 'create', hresult: '0x80040154', detail: 'Class not registered' }),
    }),
  },
  'test-mailbox': {
    ok: () => ({ profile: profile({ connection: 'test-mailbox' }) }),
    failing: () => {
      const blocked = path.join(tempDir('opos-contract-'), 'file');
      writeFileSync(blocked, 'not a folder');
      return { profile: profile({ connection: 'test-mailbox' }), ctx: { dataFolder: blocked } };
    },
  },
};

let mapiLibrary: string | undefined;
function mapiDouble(): string {
  return (mapiLibrary ??= buildMapiDouble());
}

function outlookCtx(answer: object): Partial<TransportContext> {
  return {
    handoffHelpers: {
      launchNodeScript: spawnNodeScript,
      mapiChildScript: MAPI_CHILD,
      powershell: powershellAnswering(answer),
    },
  };
}

function open(kind: ConnectionKind, p: Profile, ctx: TransportContext) {
  return (FIXTURES[kind].direct ? TRANSPORTS[kind](p, ctx) : createTransport(p, ctx)).openSession();
}

function context(extra: Partial<TransportContext> = {}): TransportContext {
  return { dataFolder: tempDir('opos-contract-'), secrets: noSecrets, ...extra };
}

describe('transport contract', () => {
  for (const kind of Object.keys(FIXTURES) as ConnectionKind[]) {
    it(`${kind}: a report of its own kind, close() twice`, async () => {
      const { profile: p, ctx, env } = FIXTURES[kind].ok();
      const before = { ...process.env };
      Object.assign(process.env, env ?? {});
      try {
        const session = await open(kind, p, context(ctx));
        expect(session.report.kind).toBe(kind);
        expect(typeof session.report.tls.used).toBe('boolean');
        expect(['implicit', 'starttls', 'none']).toContain(session.report.tls.mode);
        expect(typeof session.report.auth.used).toBe('boolean');
        await session.close();
        await session.close();
      } finally {
        process.env = before;
      }
    });

    it(`${kind}: a failure is a MailError with a known code`, async () => {
      const { profile: p, ctx, env } = FIXTURES[kind].failing();
      const before = { ...process.env };
      Object.assign(process.env, env ?? {});
      try {
        const error = await open(kind, p, context(ctx))
          .then(() => null)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MailError);
        expect(Object.keys(ERROR_CODES)).toContain((error as MailError).code);
        expect((error as MailError).code).not.toBe('unexpected');
      } finally {
        process.env = before;
      }
    });
  }
});
