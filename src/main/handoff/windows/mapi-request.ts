// What the parent hands the Simple MAPI child process (JSON on its stdin) and what the child answers (one
// JSON line on its stdout), and how a message becomes such a request: `SMTP:` addresses, CRLF line ends,
// every attachment with its path and the name shown.
import { z } from 'zod';
import type { NormalisedDraft } from '../../mail/compose.js';
import { MAPI_DIALOG, MAPI_LOGON_UI } from './mapi-codes.js';

/** compose: the mail program's window opens and the user sends; send: "direkt senden", no window. */
export type HandoffMode = 'compose' | 'send';

export const MAPI_TO = 1;
export const MAPI_CC = 2;
export const MAPI_BCC = 3;

export const mapiRequestSchema = z.object({
  library: z.string().min(1),
  /** Initialise COM as a single-threaded apartment first (Windows). */
  comSta: z.boolean(),
  flags: z.number().int().nonnegative(),
  subject: z.string(),
  body: z.string(),
  recipients: z.array(
    z.object({
      recipClass: z.union([z.literal(MAPI_TO), z.literal(MAPI_CC), z.literal(MAPI_BCC)]),
      name: z.string(),
      address: z.string().min(1),
    }),
  ),
  attachments: z.array(z.object({ path: z.string().min(1), name: z.string().min(1) })),
});
export type MapiRequest = z.infer<typeof mapiRequestSchema>;

/** The child's answer: the call's return code, or the stage that failed before the call. */
export const mapiAnswerSchema = z.union([
  z.object({
    stage: z.literal('called'),
    code: z.number().int().nonnegative(),
    comResult: z.number().optional(),
  }),
  z.object({ stage: z.enum(['request', 'load', 'com']), detail: z.string() }),
]);
export type MapiAnswer = z.infer<typeof mapiAnswerSchema>;

/** The line prefix that marks the child's answer (a MAPI provider may print to stdout too). */
export const ANSWER_MARK = 'OPOS-MAPI-ANSWER ';
/** Written just before MAPISendMailW: a crash after it is the provider's, and its outcome unknown. */
export const CALLING_MARK = 'OPOS-MAPI-CALLING';

export function mapiFlags(mode: HandoffMode): number {
  return mode === 'compose' ? MAPI_DIALOG | MAPI_LOGON_UI : MAPI_LOGON_UI;
}

export type HandoffDraft = Pick<NormalisedDraft, 'to' | 'cc' | 'bcc' | 'subject' | 'text'> & {
  attachments: { path: string; filename: string }[];
};

export function mapiRequestFor(
  draft: HandoffDraft,
  mode: HandoffMode,
  library: string,
  comSta: boolean,
): MapiRequest {
  const recipient = (recipClass: 1 | 2 | 3) => (address: string) => ({
    recipClass,
    name: address,
    address: `SMTP:${address}`,
  });
  return {
    library,
    comSta,
    flags: mapiFlags(mode),
    subject: draft.subject,
    // Windows mail programs expect CRLF; a lone LF shows as one long line in some of them
    body: draft.text.replace(/\r?\n/g, '\r\n'),
    recipients: [
      ...draft.to.map(recipient(MAPI_TO)),
      ...draft.cc.map(recipient(MAPI_CC)),
      ...draft.bcc.map(recipient(MAPI_BCC)),
    ],
    attachments: draft.attachments.map((a) => ({ path: a.path, name: a.filename })),
  };
}
