// The Simple MAPI hand-off child process: reads one request (JSON on stdin, or the first message on the
// parent port when it runs as an Electron utility process), initialises COM as a single-threaded
// apartment on its main thread (Windows), calls MAPISendMailW and answers with one marked JSON line on
// stdout. It runs apart from the app and the CLI so that a compose window that stays open for an hour
// blocks nothing, and a MAPI provider that crashes takes only this process down.
import { writeSync } from 'node:fs';
import {
  ANSWER_MARK,
  CALLING_MARK,
  mapiRequestSchema,
  type MapiAnswer,
  type MapiRequest,
} from './mapi-request.js';

interface ParentPort {
  once(event: 'message', listener: (e: { data: unknown }) => void): void;
}

async function readRequest(): Promise<string> {
  const port = (process as { parentPort?: ParentPort }).parentPort;
  if (port) return new Promise((resolve) => port.once('message', (e) => resolve(String(e.data))));
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// written synchronously (pipes are asynchronous on Windows): the parent must see a mark even when the
// provider takes the process down right after it
function mark(line: string): void {
  writeSync(1, `${line}\n`);
}

function answer(a: MapiAnswer): void {
  mark(`${ANSWER_MARK}${JSON.stringify(a)}`);
  // a provider may leave threads behind: this process has done its one job
  process.exit(0);
}

const message = (req: MapiRequest) => ({
  ulReserved: 0,
  lpszSubject: req.subject,
  lpszNoteText: req.body,
  lpszMessageType: null,
  lpszDateReceived: null,
  lpszConversationID: null,
  flFlags: 0,
  lpOriginator: null,
  nRecipCount: req.recipients.length,
  lpRecips: req.recipients.length
    ? req.recipients.map((r) => ({
        ulReserved: 0,
        ulRecipClass: r.recipClass,
        lpszName: r.name,
        lpszAddress: r.address,
        ulEIDSize: 0,
        lpEntryID: null,
      }))
    : null,
  nFileCount: req.attachments.length,
  lpFiles: req.attachments.length
    ? req.attachments.map((f) => ({
        ulReserved: 0,
        flFlags: 0,
        // (ULONG)-1: not placed inside the text
        nPosition: 0xffffffff,
        lpszPathName: f.path,
        // always set: some programs refuse a NULL name (LibreOffice senddoc)
        lpszFileName: f.name,
        lpFileType: null,
      }))
    : null,
});

const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function main(): Promise<void> {
  let req: MapiRequest;
  try {
    req = mapiRequestSchema.parse(JSON.parse(await readRequest()));
  } catch (e) {
    return answer({ stage: 'request', detail: detailOf(e) });
  }
  let structs: typeof import('./mapi-structs.js');
  let send: import('./mapi-structs.js').MapiSendMailW;
  try {
    structs = await import('./mapi-structs.js');
    send = structs.loadMapiSendMailW(req.library);
  } catch (e) {
    return answer({ stage: 'load', detail: `${req.library}: ${detailOf(e)}` });
  }
  let com: { hr: number; uninitialize: () => void } | undefined;
  if (req.comSta)
    try {
      com = structs.initComSta();
    } catch (e) {
      return answer({ stage: 'com', detail: detailOf(e) });
    }
  mark(CALLING_MARK);
  // session 0 (a new one), no parent window: the compose window belongs to the mail program
  const code = send(0, 0, message(req), req.flags, 0);
  com?.uninitialize();
  answer({ stage: 'called', code, ...(com ? { comResult: com.hr } : {}) });
}

void main();
