// The payload schemas of the desktop app's IPC contract: every request the renderer can make is
// checked against one of these in the main process before anything else happens (and again by the
// core). Pure zod: runs in Node and in the browser.
import { z } from 'zod';
import { GUIDES } from '../guides.js';
import { LANGUAGES } from '../i18n/types.js';
import { mailTemplateSchema, TEMPLATE_NAME_MAX } from '../mail-templates.js';
import { OUTBOX_STATES, SEARCH_MIN_LENGTH } from '../outbox.js';
import {
  MAIL_KINDS,
  PROFILE_NAME_MAX,
  oauthSettingsSchema,
  handoffSettingsSchema,
  messageSettingsSchema,
  profileSchema,
  throttleSchema,
  type ProfilePatch,
} from '../profile.js';

/** Upper bounds that keep a misbehaving renderer from sending huge payloads. */
export const IPC_LIMITS = {
  recipients: 100,
  address: 320,
  subject: 998,
  text: 1_000_000,
  reference: 200,
  password: 1024,
  attachments: 50,
  path: 4096,
  retryIds: 1000,
  /** The Postausgang shows at most this many (newest) messages at a time, whatever the history. */
  outboxPage: 1000,
} as const;

const none = z.object({}).strict();
const profileName = z
  .string()
  .min(1)
  .max(PROFILE_NAME_MAX * 2);
const password = z
  .string()
  .min(1)
  .max(IPC_LIMITS.password)
  .refine((s) => !s.includes('\u0000'), { message: 'control-characters' });
const token = z.uuid();
const templateName = z
  .string()
  .min(1)
  .max(TEMPLATE_NAME_MAX * 2);
/** An outbox message's id as the core hands it out (a UUID), never a path. */
const outboxId = z.uuid();
const runId = z.uuid();
/** A local day as the date fields give it (YYYY-MM-DD), a real calendar day. */
const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) => {
      const [y, m, d] = s.split('-').map(Number) as [number, number, number];
      const date = new Date(y, m - 1, d);
      return y >= 1970 && date.getMonth() === m - 1 && date.getDate() === d;
    },
    { message: 'not a calendar day' },
  );
/** The renderer's name for one cancellable wait (a UUID it made up). */
const operationId = z.uuid();

/** Every field of a profile except its id (the store assigns ids; renaming keeps them). */
export const editableProfileSchema = profileSchema.omit({ id: true }).strict();

/** A shape whose fields are all optional and without their defaults: a patch leaves out what it keeps
 *  (zod's `.partial()` would fill every left-out field with its default and so reset it). */
function patchShape(shape: Record<string, z.ZodType>): Record<string, z.ZodType> {
  return Object.fromEntries(
    Object.entries(shape).map(([k, s]) => [
      k,
      (s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType) : s).optional(),
    ]),
  );
}
export const profilePatchSchema = z
  .object({
    ...patchShape(
      profileSchema.omit({ id: true, oauth: true, throttle: true, handoff: true, messages: true }).shape,
    ),
    oauth: z.object(patchShape(oauthSettingsSchema.shape)).strict().optional(),
    throttle: z.object(patchShape(throttleSchema.shape)).strict().optional(),
    handoff: z.object(patchShape(handoffSettingsSchema.shape)).strict().optional(),
    messages: z.object(patchShape(messageSettingsSchema.shape)).strict().optional(),
  })
  .strict() as unknown as z.ZodType<ProfilePatch, ProfilePatch>;

const addressList = z.array(z.string().max(IPC_LIMITS.address)).max(IPC_LIMITS.recipients);

export const sendDraftSchema = z
  .object({
    to: addressList.min(1),
    cc: addressList.default([]),
    bcc: addressList.default([]),
    subject: z.string().max(IPC_LIMITS.subject),
    text: z.string().max(IPC_LIMITS.text).default(''),
    kind: z.enum(MAIL_KINDS),
    reference: z.string().max(IPC_LIMITS.reference).optional(),
    /** Opaque tokens handed out by chooseAttachments / addDroppedFiles, never paths. */
    attachments: z.array(token).max(IPC_LIMITS.attachments).default([]),
    /** This message's Zustellbestätigung / Lesebestätigung instead of the profile's. */
    receipts: z
      .object({ delivery: z.boolean().optional(), read: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();
export type SendDraft = z.infer<typeof sendDraftSchema>;

export const requestSchemas = {
  appInfo: none,
  listProfiles: none,
  createProfile: z.object({ profile: editableProfileSchema, password: password.optional() }).strict(),
  updateProfile: z
    .object({
      name: profileName,
      patch: profilePatchSchema,
      password: password.optional(),
      clearPassword: z.boolean().optional(),
    })
    .strict()
    .refine((r) => !(r.password !== undefined && r.clearPassword), {
      message: 'password and clearPassword exclude each other',
    }),
  duplicateProfile: z.object({ name: profileName, newName: profileName }).strict(),
  removeProfile: z.object({ name: profileName }).strict(),
  useProfile: z.object({ name: profileName }).strict(),
  /** Tests the form as it is (saved or not); the stored password of `existing` is used unless one is typed. */
  testConnection: z
    .object({
      profile: editableProfileSchema,
      existing: profileName.optional(),
      password: password.optional(),
      /** Names the wait so that cancelOperation can end it (the dialog's Abbrechen). */
      operationId: operationId.optional(),
    })
    .strict(),
  send: z
    .object({ profile: profileName, draft: sendDraftSchema, operationId: operationId.optional() })
    .strict(),
  chooseAttachments: none,
  /** The extra CA certificate of a profile, chosen in the main process's open dialog. */
  chooseCaFile: none,
  /** Only the preload calls this, with paths Electron gave it for files the user dropped. */
  addDroppedPaths: z
    .object({ paths: z.array(z.string().min(1).max(IPC_LIMITS.path)).min(1).max(IPC_LIMITS.attachments) })
    .strict(),
  releaseAttachments: z.object({ tokens: z.array(token).max(IPC_LIMITS.attachments) }).strict(),
  oauthStatus: z.object({ name: profileName }).strict(),
  signIn: z.object({ name: profileName }).strict(),
  signOut: z.object({ name: profileName }).strict(),
  /** Ends a sign-in that waits for the browser; the pending signIn then fails with oauthCancelled. */
  cancelSignIn: z.object({ name: profileName }).strict(),
  // Postausgang / Versandjournal
  /**
   * One page of the Postausgang, newest first: filtered by state, creation day (von/bis, both
   * included) and a search over reference, recipient and subject; `before` is the cursor a page
   * answered as `older`.
   */
  outboxPage: z
    .object({
      state: z.enum(OUTBOX_STATES).optional(),
      since: localDay.optional(),
      until: localDay.optional(),
      // shorter would read every message (SEARCH_MIN_LENGTH): the view does not ask for it
      search: z
        .string()
        .trim()
        .max(IPC_LIMITS.reference)
        .refine((s) => [...s].length >= SEARCH_MIN_LENGTH)
        .optional(),
      before: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
      limit: z.number().int().min(1).max(IPC_LIMITS.outboxPage).optional(),
    })
    .strict(),
  /** What pruning before this day would delete (counts), and whether it is less than six years back. */
  outboxPrunePreview: z.object({ before: localDay }).strict(),
  /**
   * Deletes the stored copies (with `withJournal` the journal rows too) of messages that left the
   * queue before this day; a day less than six years back only with `force` (the user's override).
   */
  outboxPrune: z
    .object({ before: localDay, withJournal: z.boolean().optional(), force: z.boolean().optional() })
    .strict(),
  outboxShow: z.object({ id: outboxId }).strict(),
  /** Puts failed (or, only with resendUnknown, unknown) messages back in the queue and sends them. */
  outboxRetry: z
    .object({ ids: z.array(outboxId).min(1).max(IPC_LIMITS.retryIds), resendUnknown: z.boolean().optional() })
    .strict(),
  /** Opens the stored copy (.eml) of a message with the system's mail program; by id, never by path. */
  outboxOpen: z.object({ id: outboxId }).strict(),
  /** Saves the journal as CSV (`;`, UTF-8 with BOM) where the user chooses in a save dialog. */
  journalExport: z.object({ language: z.enum(LANGUAGES) }).strict(),
  // Mahnlauf
  /** The manifest (CSV/JSON), chosen in the main process's open dialog; answered with a token. */
  chooseManifest: none,
  batchCheck: z.object({ manifest: token, profile: profileName }).strict(),
  /** Starts a run and answers at once with its id; progress through batchStatus. */
  batchStart: z
    .object({
      manifest: token,
      profile: profileName,
      dryRun: z.boolean().optional(),
      redirectTo: z.string().min(1).max(IPC_LIMITS.address).optional(),
      resendUnknown: z.boolean().optional(),
    })
    .strict(),
  /** The run's state and counts, with the per-row outcomes from index `after` on. */
  batchStatus: z.object({ runId, after: z.number().int().min(0).max(10_000_000).optional() }).strict(),
  /** Finishes the message in flight and stops. */
  batchCancel: z.object({ runId }).strict(),
  // e-mail templates (Vorlagen)
  listMailTemplates: none,
  /** Adds or replaces a template; `previousName` renames it (in place). */
  saveMailTemplate: z
    .object({ template: mailTemplateSchema, previousName: templateName.optional() })
    .strict(),
  removeMailTemplate: z.object({ name: templateName }).strict(),
  /** Looks up server, security and sign-in for an address (MX, autoconfig, SRV, ISPDB, guesses); saves nothing. */
  setupLookup: z.object({ address: z.string().min(3).max(IPC_LIMITS.address) }).strict(),
  /** The running (or last) run of this process: the Mahnlauf view reconnects to it. */
  batchCurrent: none,
  /**
   * Ends a connection test's or a send's wait (connecting, greeting, sign-in in the browser) at once
   * with operationCancelled; a message whose bytes are already going out is finished.
   */
  cancelOperation: z.object({ operationId }).strict(),
  /** Opens one of the guides shipped with the app (by name, never by path) with the system's viewer. */
  openGuide: z.object({ guide: z.enum(GUIDES) }).strict(),
} as const;

export type RequestSchemas = typeof requestSchemas;
export type IpcMethod = keyof RequestSchemas;
/** What the caller passes (defaults may be left out). */
export type IpcRequest<M extends IpcMethod> = z.input<RequestSchemas[M]>;
/** What a handler receives after validation. */
export type IpcParsed<M extends IpcMethod> = z.output<RequestSchemas[M]>;
