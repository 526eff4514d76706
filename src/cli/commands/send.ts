// `opos-mail send`: one message, with PDF attachments, through a profile.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { splitAddressList } from '../../shared/address.js';
import { EXIT_CODES } from '../../shared/errors.js';
import { MAIL_KINDS } from '../../shared/profile.js';
import type { MailDraft } from '../../shared/mail.js';
import { MailError } from '../../main/errors/mail-error.js';
import type { CliContext } from '../context.js';
import { sendResultJson, sendResultLines } from '../output.js';
import { oneOf } from '../profile-flags.js';

const collect = (value: string, previous: string[] = []) => previous.concat(value);

async function readTextFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new MailError('attachmentMissing', { file });
    throw new MailError('attachmentUnreadable', { file, detail: code ?? 'error' });
  }
}

export interface SendOptions {
  profile?: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  subject?: string;
  body?: string;
  bodyFile?: string;
  htmlFile?: string;
  attach?: string[];
  kind?: string;
  reference?: string;
  json?: boolean;
}

/** The draft a `send` invocation describes (shared with features that queue instead of sending). */
export async function draftFromOptions(opts: SendOptions): Promise<MailDraft> {
  if (opts.body !== undefined && opts.bodyFile !== undefined)
    throw new MailError('invalidOption', { detail: '--body / --body-file' });
  const text = opts.bodyFile !== undefined ? await readTextFile(opts.bodyFile) : (opts.body ?? '');
  const html = opts.htmlFile !== undefined ? await readTextFile(opts.htmlFile) : undefined;
  return {
    // each flag may hold a list (`"Weiß, Jörg" <j@firma.de>; b@firma.de`), as ERPs and people write it
    to: (opts.to ?? []).flatMap(splitAddressList),
    cc: (opts.cc ?? []).flatMap(splitAddressList),
    bcc: (opts.bcc ?? []).flatMap(splitAddressList),
    replyTo: (opts.replyTo ?? []).flatMap(splitAddressList),
    subject: opts.subject ?? '',
    text,
    ...(html !== undefined ? { html } : {}),
    attachments: (opts.attach ?? []).map((p) => ({ path: path.resolve(p) })),
    ...(opts.kind ? { kind: oneOf('--kind', MAIL_KINDS, opts.kind) } : {}),
    ...(opts.reference ? { reference: opts.reference } : {}),
  };
}

export function addSendOptions(cmd: Command): Command {
  return cmd
    .option('--profile <name>', 'profile to send with (default: the active one)')
    .option('--to <address>', 'recipient (repeatable)', collect)
    .option('--cc <address>', 'copy recipient (repeatable)', collect)
    .option('--bcc <address>', 'blind copy recipient (repeatable)', collect)
    .option('--reply-to <address>', 'reply-to address (repeatable)', collect)
    .requiredOption('--subject <text>', 'subject')
    .option('--body <text>', 'plain-text body')
    .option('--body-file <file>', 'read the plain-text body from a UTF-8 file')
    .option('--html-file <file>', 'HTML body from a UTF-8 file')
    .option('--attach <file>', 'attachment, e.g. the PDF (repeatable)', collect)
    .option('--kind <kind>', `mahnung | zahlungsavis`)
    .option('--reference <text>', 'reference, e.g. debtor or invoice number')
    .option('--json', 'print one JSON object');
}

export function registerSendCommand(program: Command, ctx: CliContext): void {
  addSendOptions(
    program.command('send').description('send one message (e.g. a Mahnung with its PDF)'),
  ).action(async (opts: SendOptions) => {
    const draft = await draftFromOptions(opts);
    const result = await ctx.service().send(draft, opts.profile);
    // refused recipients never pass for sent: their own exit code (10), whatever the output
    if (result.status === 'partial') ctx.exitCode = EXIT_CODES.partial;
    if (opts.json) return ctx.json(sendResultJson(result));
    for (const line of sendResultLines(ctx.t, result)) ctx.out(line);
  });
}
