// Which mail program receives a hand-off on this system, and how: one resolver per operating system.
// Linux: the desktop's default for mailto (xdg-mime), with the program's own command line where we know
// it, a mailto URL (xdg-open) for others without attachments, else an `.eml` draft opened with xdg-open. macOS:
// Apple Mail and Outlook for Mac through a JavaScript-for-Automation script, others the draft (open).
// Windows: the draft (the Simple MAPI and Outlook kinds are their own connection kinds).
import path from 'node:path';
import type { HandoffInfo, HandoffMethod } from '../../shared/mail.js';
import { MailError } from '../errors/mail-error.js';
import { resourceFile } from '../platform/resources.js';
import { defaultEntryFor, outputOf } from './desktop-entry.js';
import type { Launch } from './launch.js';
import { knownProgram, mailtoUrl, type HandoffMessage } from './mail-programs.js';

export type HandoffStep =
  | { method: Exclude<HandoffMethod, 'draft'>; launch: Launch }
  /** Write the draft, then open it with this launch. */
  | { method: 'draft'; open: (draftFile: string) => Launch; script?: undefined };

export interface ProgramChoice {
  /** What a message with attachments (a Mahnung) gets: shown by "Verbindung testen". */
  info: HandoffInfo;
  stepFor(m: HandoffMessage, dataFile?: string): HandoffStep;
  /** macOS scripts read the message as a JSON file. */
  needsDataFile?: boolean;
}

type Resolver = (names: { systemOpener: string }) => Promise<ProgramChoice>;

const linux: Resolver = async (names) => {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    throw new MailError('handoffNoProgram', { detail: 'DISPLAY / WAYLAND_DISPLAY' });
  const [mailto, eml] = await Promise.all([
    defaultEntryFor('x-scheme-handler/mailto'),
    defaultEntryFor('message/rfc822'),
  ]);
  if (!mailto && !eml)
    throw new MailError('handoffNoProgram', { detail: 'xdg-mime: x-scheme-handler/mailto' });
  const entry = mailto?.entry;
  const known = entry ? knownProgram(mailto.id, entry.command[0] ?? '') : undefined;
  if (entry && known)
    return {
      info: { program: known.name, programId: mailto.id, method: known.method },
      stepFor: (m) => ({
        method: 'compose',
        launch: {
          command: entry.command[0]!,
          args: [...entry.command.slice(1), ...known.args(m)],
          program: known.name,
        },
      }),
    };
  const draftProgram = eml?.entry?.name ?? mailto?.entry?.name ?? names.systemOpener;
  const composeProgram = mailto?.entry?.name ?? mailto?.id ?? draftProgram;
  return {
    info: { program: draftProgram, ...(eml ? { programId: eml.id } : {}), method: 'draft' },
    stepFor: (m) =>
      m.files.length === 0 && mailto
        ? {
            method: 'compose',
            // our own mailto URL through xdg-open: xdg-email loses non-ASCII text outside a UTF-8 locale
            launch: { command: 'xdg-open', args: [mailtoUrl(m, null)], program: composeProgram },
          }
        : { method: 'draft', open: (file) => ({ command: 'xdg-open', args: [file], program: draftProgram }) },
  };
};

/** The bundle id of the default mailto handler (LaunchServices); Apple Mail when none is set. */
async function macMailtoHandler(): Promise<string> {
  const out = await outputOf('defaults', [
    'read',
    'com.apple.LaunchServices/com.apple.launchservices.secure',
    'LSHandlers',
  ]);
  const block = out?.split('}').find((b) => /LSHandlerURLScheme\s*=\s*"?mailto"?;/.test(b));
  const id = block && /LSHandlerRoleAll\s*=\s*"?([\w.-]+)"?;/.exec(block)?.[1];
  return (id || 'com.apple.mail').toLowerCase();
}

const MAC_SCRIPTED: Record<string, { name: string; app: string }> = {
  'com.apple.mail': { name: 'Apple Mail', app: 'Mail' },
  'com.microsoft.outlook': { name: 'Microsoft Outlook', app: 'Microsoft Outlook' },
};

const darwin: Resolver = async (names) => {
  const id = await macMailtoHandler();
  const scripted = MAC_SCRIPTED[id];
  if (scripted) {
    const script = resourceFile(path.join('handoff', 'macos-compose.js'));
    return {
      info: { program: scripted.name, programId: id, method: 'compose' },
      needsDataFile: true,
      stepFor: (_m, dataFile) => ({
        method: 'compose',
        launch: {
          command: 'osascript',
          args: ['-l', 'JavaScript', script, scripted.app, dataFile ?? ''],
          program: scripted.name,
        },
      }),
    };
  }
  return {
    info: { program: names.systemOpener, programId: id, method: 'draft' },
    stepFor: () => ({
      method: 'draft',
      open: (file) => ({ command: 'open', args: [file], program: names.systemOpener }),
    }),
  };
};

const win32: Resolver = (names) =>
  Promise.resolve({
    info: { program: names.systemOpener, method: 'draft' },
    // explorer.exe opens a file with the program registered for its type; classic Outlook shows an
    // X-Unsent .eml as a compose window
    stepFor: () => ({
      method: 'draft',
      open: (file) => ({ command: 'explorer.exe', args: [file], program: names.systemOpener }),
    }),
  });

const RESOLVERS: Record<string, Resolver> = { linux, darwin, win32 };

export function resolveProgram(
  names: { systemOpener: string },
  platform = process.platform,
): Promise<ProgramChoice> {
  const r = RESOLVERS[platform] ?? linux;
  return r(names);
}
