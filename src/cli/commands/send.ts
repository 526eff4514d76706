// `opos-mail send`: one message, with PDF attachments, through a profile.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { LANGUAGES } from '../../shared/i18n/types.js';
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
  /** An e-mail template (Vorlage) by name, its placeholder values and the debtor's language. */
  template?: string;
  field?: string[];
  language?: string;
  /** This message's Zustellbestätigung / Lesebestätigung, instead of the profile's. */
  deliveryReceipt?: boolean;
  readReceipt?: boolean;
  json?: boolean;
}

/** `--field K=V` options as placeholder values. */
export function fieldsFromOptions(list: string[] = []): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const item of list) {
    const at = item.indexOf('=');
    if (at <= 0) throw new MailError('invalidOption', { detail: `--field ${item} (expected NAME=VALUE)` });
    fields[item.slice(0, at).trim()] = item.slice(at + 1);
  }
  return fields;
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
    ...(opts.deliveryReceipt !== undefined || opts.readReceipt !== undefined
      ? {
          receipts: {
            ...(opts.deliveryReceipt !== undefined ? { delivery: opts.deliveryReceipt } : {}),
            ...(opts.readReceipt !== undefined ? { read: opts.readReceipt } : {}),
          },
        }
      : {}),
  };
}

export function addSendOptions(cmd: Command): Command {
  return cmd
    .option('--profile <name>', 'profile to send with (default: the active one)')
    .option('--to <address>', 'recipient (repeatable)', collect)
    .option('--cc <address>', 'copy recipient (repeatable)', collect)
    .option('--bcc <address>', 'blind copy recipient (repeatable)', collect)
    .option('--reply-to <address>', 'reply-to address (repeatable)', collect)
    .option('--subject <text>', 'subject (required unless --template gives one)')
    .option('--body <text>', 'plain-text body')
    .option('--body-file <file>', 'read the plain-text body from a UTF-8 file')
    .option('--html-file <file>', 'HTML body from a UTF-8 file')
    .option('--attach <file>', 'attachment, e.g. the PDF (repeatable)', collect)
    .option('--kind <kind>', `mahnung | zahlungsavis`)
    .option('--reference <text>', 'reference, e.g. debtor or invoice number')
    .option('--template <name>', 'e-mail template (Vorlage): subject, text and attachment name')
    .option(
      '--field <name=value>',
      'placeholder value for the template, e.g. Name=Müller (repeatable)',
      collect,
    )
    .option('--language <lang>', 'the template language: de | en | nl (default de)')
    .option(
      '--delivery-receipt',
      "ask for a delivery receipt (DSN) for this message (default: the profile's)",
    )
    .option('--no-delivery-receipt', 'no delivery receipt for this message')
    .option('--read-receipt', "ask for a read receipt for this message (default: the profile's)")
    .option('--no-read-receipt', 'no read receipt for this message')
    .option('--json', 'print one JSON object');
}

export function registerSendCommand(program: Command, ctx: CliContext): void {
  addSendOptions(
    program.command('send').description('send one message (e.g. a Mahnung with its PDF)'),
  ).action(async (opts: SendOptions) => {
    let draft = await draftFromOptions(opts);
    if (opts.template !== undefined) {
      const language = opts.language !== undefined ? oneOf('--language', LANGUAGES, opts.language) : 'de';
      draft = await ctx
        .service()
        .draftFromTemplate(opts.template, draft, fieldsFromOptions(opts.field), language);
    } else {
      if (opts.field?.length || opts.language !== undefined)
        throw new MailError('invalidOption', { detail: '--field / --language need --template NAME' });
      if (opts.subject === undefined)
        throw new MailError('invalidOption', {
          detail: "required option '--subject <text>' not specified (or --template NAME)",
        });
    }
    const result = await ctx.service().send(draft, opts.profile);
    // refused recipients never pass for sent: their own exit code (10), whatever the output
    if (result.status === 'partial') ctx.exitCode = EXIT_CODES.partial;
    if (opts.json) return ctx.json(sendResultJson(result));
    for (const line of sendResultLines(ctx.t, result)) ctx.out(line);
  });
}
