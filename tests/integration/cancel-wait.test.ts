// Every wait can be cancelled: a connection test and a send against a server that accepts the
// connection and then says nothing (real sockets) end at once when the dialog's Abbrechen calls
// cancelOperation; the socket is closed, nothing is sent, the message is failed as cancelled (never
// sent later behind the user's back). Through the typed IPC handlers and MailService, as the app does.
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcHandlers, type IpcHandlers } from '../../src/main/ipc/handlers.js';
import { MailService } from '../../src/main/service/mail-service.js';
import type { ErrorInfo } from '../../src/shared/errors.js';
import { profileSchema } from '../../src/shared/profile.js';
import { tempDir } from '../helpers/temp.js';

let server: net.Server;
let port: number;
const sockets: net.Socket[] = [];
const closed: net.Socket[] = [];
let handlers: IpcHandlers;
let service: MailService;

beforeAll(async () => {
  // accepts, never greets: the client waits for "220 …" (30 s before it gives up on its own)
  server = net.createServer((s) => {
    sockets.push(s);
    s.on('close', () => closed.push(s));
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as net.AddressInfo).port;
  service = new MailService({ dataFolder: path.join(tempDir('opos-cancel-'), 'data') });
  handlers = createIpcHandlers(service, {
    version: '0',
    locale: 'de-DE',
    choosePdfFiles: () => Promise.resolve([]),
    chooseCaFile: () => Promise.resolve(null),
    chooseManifestFile: () => Promise.resolve(null),
    chooseSaveFile: () => Promise.resolve(null),
    openPath: () => Promise.resolve(),
  });
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

function silentProfile(name: string) {
  const { id: _id, ...rest } = profileSchema.parse({
    id: 'cancel-test-0000',
    name,
    connection: 'smtp',
    host: '127.0.0.1',
    port,
    security: 'None',
    fromAddress: 'buchhaltung@firma.example',
  });
  return rest;
}

const waitFor = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return cond();
};

describe('Abbrechen ends a wait at once', () => {
  it('connection test against a silent server: operationCancelled within a second, socket closed', async () => {
    const operationId = '11111111-1111-4111-8111-111111111111';
    const before = sockets.length;
    const started = Date.now();
    const pending = handlers.testConnection({ profile: silentProfile('Stumm'), operationId });
    expect(await waitFor(() => sockets.length > before)).toBe(true); // really connected
    const cancelledAt = Date.now();
    expect(await handlers.cancelOperation({ operationId })).toEqual({ ok: true, value: null });
    const r = (await pending) as { ok: false; error: ErrorInfo };
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('operationCancelled');
    expect(Date.now() - cancelledAt).toBeLessThan(1500);
    expect(Date.now() - started).toBeLessThan(10_000); // far below the 30 s time-out
    expect(await waitFor(() => closed.includes(sockets.at(-1)!))).toBe(true);
  });

  it('send while connecting: cancelled, nothing sent, the message failed as cancelled (not queued)', async () => {
    await service.addProfile({ ...silentProfile('Stumm Senden') });
    const operationId = '22222222-2222-4222-8222-222222222222';
    const before = sockets.length;
    const pending = handlers.send({
      profile: 'Stumm Senden',
      operationId,
      draft: { to: ['kunde@example.org'], subject: 'Mahnung', text: 'x', kind: 'mahnung' },
    });
    expect(await waitFor(() => sockets.length > before)).toBe(true);
    await handlers.cancelOperation({ operationId });
    const r = (await pending) as { ok: false; error: ErrorInfo };
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('operationCancelled');
    const entries = await service.outbox.list();
    expect(entries.map((e) => [e.state, e.error?.code])).toEqual([['failed', 'operationCancelled']]);
    // a later delivery run does not send it behind the user's back
    const run = await service.outbox.run();
    expect(run.sent).toBe(0);
  });

  it('an unknown or finished operation id is ignored', async () => {
    expect(await handlers.cancelOperation({ operationId: '33333333-3333-4333-8333-333333333333' })).toEqual({
      ok: true,
      value: null,
    });
  });
});
