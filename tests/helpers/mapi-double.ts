// The Simple MAPI TEST DOUBLE (mapi-double.c) built with gcc at test time, and what it recorded. The
// real hand-off code loads it through koffi exactly as it loads mapi32.dll on Windows.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';
import { tempDir } from './temp.js';

/** The compiled mapi-child.js the hand-off code starts (out/node: `npm run build:node`). */
export const MAPI_CHILD = path.join(ROOT, 'out', 'node', 'main', 'handoff', 'windows', 'mapi-child.js');

/** Compiles the double into a fresh folder and returns the shared library's path. */
export function buildMapiDouble(): string {
  if (!existsSync(MAPI_CHILD)) throw new Error(`${MAPI_CHILD} is missing: run npm run build:node`);
  const lib = path.join(tempDir('opos-mapi-double-'), 'libmapidouble.so');
  execFileSync('gcc', [
    '-shared',
    '-fPIC',
    '-O1',
    '-Wall',
    '-Werror',
    '-o',
    lib,
    path.join(ROOT, 'tests', 'helpers', 'mapi-double.c'),
  ]);
  return lib;
}

export interface MapiRecord {
  session: number;
  uiParam: number;
  flags: number;
  reserved: number;
  messageReserved: number;
  messageFlags: number;
  subject: string | null;
  noteText: string | null;
  messageType: string | null;
  originator: true | null;
  recipients: { class: number; name: string | null; address: string | null; eidSize: number }[];
  files: {
    flags: number;
    position: number;
    path: string | null;
    name: string | null;
    fileType: true | null;
  }[];
}

export function readMapiRecord(file: string): MapiRecord {
  return JSON.parse(readFileSync(file, 'utf8')) as MapiRecord;
}
