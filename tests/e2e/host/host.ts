// The browser test host: serves the built renderer (out/renderer) and answers the desktop app's typed
// IPC contract over a WebSocket, with the real core (MailService, real keychain, real transports)
// behind the very handlers the Electron shell registers (src/main/ipc). Bound to 127.0.0.1; test
// infrastructure only, never part of the app's runtime.
//
// TEST DOUBLES (the only faked parts): the platform hooks. The open-file dialogs answer with the
// paths a test queued (`host.nextFiles`, `host.nextCaFile`, `host.nextManifest`), the save dialog with
// `host.nextSaveFile`, the system's "open with the mail program" (shell.openPath) only records the
// path it was given (`host.opened`), dropped files are written to a temp folder
// in place of Electron's webUtils.getPathForFile, and the system-browser opener is whatever the test
// passes (`opener`). The outbox's change notifications are the core's own (MailService.watchOutbox),
// pushed to the page over the same WebSocket as the shell sends IPC_EVENTS.outboxChanged, from the
// moment the page subscribes.
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { IPC_CHANNELS, type IpcEvent, type IpcMethod } from '../../../src/shared/ipc/contract.js';
import { AuthorizationUrlGuard } from '../../../src/main/ipc/authorization-guard.js';
import { createIpcHandlers, type IpcHandlers } from '../../../src/main/ipc/handlers.js';
import { AttachmentRegistry } from '../../../src/main/ipc/attachments.js';
import { BatchRuns } from '../../../src/main/ipc/outbox-batch.js';
import { MailError } from '../../../src/main/errors/mail-error.js';
import { MailService } from '../../../src/main/service/mail-service.js';
import type { OAuthController } from '../../../src/main/oauth/oauth-controller.js';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  resolveAppFile,
} from '../../../src/main/shell/trust.js';
import { removeDir, tempDir } from '../../helpers/cleanup.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RENDERER_DIR = path.join(root, 'out/renderer');
export interface TestHost {
  url: string;
  service: MailService;
  handlers: IpcHandlers;
  guard: AuthorizationUrlGuard;
  /** Paths the next "PDF hinzufügen …" dialog returns (test double of the open-file dialog). */
  nextFiles: string[];
  /** Path the next certificate dialog returns. */
  nextCaFile: string | null;
  /** Path the next manifest dialog returns (test double of the open-file dialog). */
  nextManifest: string | null;
  /** Path the next save dialog returns (test double of the save dialog). */
  nextSaveFile: string | null;
  /** Name the save dialog proposed last time. */
  proposedSaveName: string | null;
  /** Paths handed to the system's "open" (test double of shell.openPath: records, opens nothing). */
  opened: string[];
  /** Every method the page called, in order (to check what crossed the contract). */
  calls: string[];
  close(): Promise<void>;
}

export interface HostOptions {
  dataFolder: string;
  /** The OAuth controller to give the core (its browser opener should go through `guard.wrap`). */
  oauth?: (service: MailService, guard: AuthorizationUrlGuard) => OAuthController;
}

export async function startHost(options: HostOptions): Promise<TestHost> {
  const service = new MailService({ dataFolder: options.dataFolder });
  const guard = new AuthorizationUrlGuard();
  if (options.oauth) service.oauth = options.oauth(service, guard);
  // removed by close(), or with the test's other folders if the host never started
  const dropFolder = tempDir('opos-dropped-');
  const host = {
    nextFiles: [] as string[],
    nextCaFile: null as string | null,
    nextManifest: null as string | null,
    nextSaveFile: null as string | null,
    proposedSaveName: null as string | null,
    opened: [] as string[],
    calls: [] as string[],
  };
  const batches = new BatchRuns(service);
  const handlers = createIpcHandlers(
    service,
    {
      version: '0.0.0-test',
      locale: 'de-DE',
      allowAuthorizationFor: (p) => guard.allowFor(p),
      choosePdfFiles: () => Promise.resolve(host.nextFiles.splice(0)),
      chooseCaFile: () => {
        const f = host.nextCaFile;
        host.nextCaFile = null;
        return Promise.resolve(f);
      },
      chooseManifestFile: () => {
        const f = host.nextManifest;
        host.nextManifest = null;
        return Promise.resolve(f);
      },
      chooseSaveFile: (defaultName) => {
        host.proposedSaveName = defaultName;
        const f = host.nextSaveFile;
        host.nextSaveFile = null;
        return Promise.resolve(f);
      },
      openPath: (file) => {
        host.opened.push(file);
        return Promise.resolve();
      },
    },
    new AttachmentRegistry(),
    batches,
  );

  const server: Server = createServer((req, res) => {
    void (async () => {
      // the shell's own mapping and headers, so the tests load the renderer as the app serves it
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const file = resolveAppFile(RENDERER_DIR, `${APP_ORIGIN}${url.pathname}`);
      if (!file) return res.writeHead(404).end();
      try {
        const body = await fs.readFile(file);
        res.writeHead(200, {
          'content-type': contentTypeOf(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'cache-control': 'no-store',
        });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  const wss = new WebSocketServer({ server, path: '/bridge' });
  // the shell's forwardOutboxChanges: every change of the outbox goes to the page as an event
  let watching: Promise<() => void> | undefined;
  const watchOutbox = () =>
    (watching ??= service.watchOutbox((change) => {
      const event: IpcEvent = 'outboxChanged';
      for (const c of wss.clients) c.send(JSON.stringify({ event, payload: change }));
    }));
  wss.on('connection', (ws, req) => {
    // the stand-in for the shell's sender-frame check: only our own page may talk to the core
    if (req.headers.origin !== origin) return ws.close(1008, 'foreign origin');
    ws.on('message', (data: Buffer) => {
      void (async () => {
        const msg = JSON.parse(data.toString('utf8')) as { id: number; method: string; payload: unknown };
        host.calls.push(msg.method);
        let result: unknown;
        if (msg.method === 'droppedFiles') {
          const { files } = msg.payload as { files: Array<{ name: string; data: string }> };
          const dir = await fs.mkdtemp(path.join(dropFolder, 'd-'));
          const paths = [];
          for (const f of files) {
            const p = path.join(dir, path.basename(f.name));
            await fs.writeFile(p, Buffer.from(f.data, 'base64'));
            paths.push(p);
          }
          result = await handlers.addDroppedPaths({ paths });
        } else if (msg.method === 'watchOutbox') {
          await watchOutbox();
          result = { ok: true, value: null };
        } else if (msg.method in IPC_CHANNELS && msg.method !== 'addDroppedPaths') {
          result = await handlers[msg.method as IpcMethod](msg.payload);
        } else {
          result = {
            ok: false,
            error: new MailError('invalidOption', { detail: 'unknown method' }).toInfo(),
          };
        }
        ws.send(JSON.stringify({ id: msg.id, result }));
      })();
    });
  });

  return Object.assign(host, {
    url: `${origin}/`,
    service,
    handlers,
    guard,
    async close() {
      // runs and background deliveries end before their data folder goes away
      await batches.idle();
      if (watching) (await watching)();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      removeDir(dropFolder);
    },
  });
}

/** The methods the page may call (the preload's list, without the preload-only addDroppedPaths). */
export const PAGE_METHODS = (Object.keys(IPC_CHANNELS) as IpcMethod[]).filter((m) => m !== 'addDroppedPaths');
