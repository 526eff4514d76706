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
import { createTransport } from '../../src/main/transports/registry.js';
import type { TransportContext } from '../../src/main/transports/transport.js';
import { ERROR_CODES } from '../../src/shared/errors.js';
import { profileSchema, type ConnectionKind, type Profile } from '../../src/shared/profile.js';
import { fakeDesktop } from '../helpers/fake-desktop.js';
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
  ok: () => { profile: Profile; ctx?: Partial<TransportContext> };
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
  'test-mailbox': {
    ok: () => ({ profile: profile({ connection: 'test-mailbox' }) }),
    failing: () => {
      const blocked = path.join(tempDir('opos-contract-'), 'file');
      writeFileSync(blocked, 'not a folder');
      return { profile: profile({ connection: 'test-mailbox' }), ctx: { dataFolder: blocked } };
    },
  },
};

function context(extra: Partial<TransportContext> = {}): TransportContext {
  return { dataFolder: tempDir('opos-contract-'), secrets: noSecrets, ...extra };
}

describe('transport contract', () => {
  for (const kind of Object.keys(FIXTURES) as ConnectionKind[]) {
    it(`${kind}: a report of its own kind, close() twice`, async () => {
      const { profile: p, ctx } = FIXTURES[kind].ok();
      const session = await createTransport(p, context(ctx)).openSession();
      expect(session.report.kind).toBe(kind);
      expect(typeof session.report.tls.used).toBe('boolean');
      expect(['implicit', 'starttls', 'none']).toContain(session.report.tls.mode);
      expect(typeof session.report.auth.used).toBe('boolean');
      await session.close();
      await session.close();
    });

    it(`${kind}: a failure is a MailError with a known code`, async () => {
      const { profile: p, ctx, env } = FIXTURES[kind].failing();
      const before = { ...process.env };
      Object.assign(process.env, env ?? {});
      try {
        const error = await createTransport(p, context(ctx))
          .openSession()
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
