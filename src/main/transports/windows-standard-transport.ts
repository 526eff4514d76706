// "Windows-Standard": hands each message to Windows' default mail program through Simple MAPI
// (src/main/handoff/windows). Opening the session finds the program (and the dead ends: none
// registered, only the new Outlook); each send opens its compose window, or lets it send directly
// ("direkt senden"), from a child process. The outcome is `handedOff`: the program has the message.
import type { ConnectionReport, HandoffInfo, SendResult } from '../../shared/mail.js';
import type { Profile } from '../../shared/profile.js';
import { createI18n } from '../../shared/i18n/index.js';
import { pruneHandoffs } from '../handoff/handoff-folder.js';
import { windowsHandoffDraft } from '../handoff/windows/handoff-draft.js';
import { checkMailClient, handOffViaMapi, mapiLibrary } from '../handoff/windows/mapi-handoff.js';
import type { PreparedMessage } from '../mail/compose.js';
import { MailError } from '../errors/mail-error.js';
import { handedOffResult } from '../handoff/handed-off-result.js';
import type { Transport, TransportContext, TransportSession } from './transport.js';

export class WindowsStandardTransport implements Transport {
  constructor(
    readonly profile: Profile,
    private readonly ctx: TransportContext,
  ) {}

  async openSession(): Promise<TransportSession> {
    const library = mapiLibrary();
    if (!library) throw new MailError('notSupportedHere', { kind: 'windows-standard', detail: 'Windows' });
    const client = await checkMailClient();
    const mode = this.profile.handoff.mode;
    const info: HandoffInfo = {
      // the journal keeps the program's name; German is the default where the user's language is unknown
      program: client?.program ?? createI18n('de').t('core:handoff.windowsDefault'),
      programId: client?.dll ?? library,
      method: mode === 'compose' ? 'compose' : 'direct',
    };
    const report: ConnectionReport = {
      kind: 'windows-standard',
      tls: { used: false, mode: 'none' },
      auth: { used: false },
      handoff: info,
    };
    const { dataFolder } = this.ctx;
    const helpers = this.ctx.handoffHelpers;
    const profile = this.profile;
    await pruneHandoffs(dataFolder);
    return {
      report,
      async send(message: PreparedMessage): Promise<SendResult> {
        const draft = await windowsHandoffDraft(message, dataFolder, profile.fromAddress);
        await handOffViaMapi(draft, {
          mode,
          library,
          precheck: false,
          ...(helpers ? { launcher: helpers.launchNodeScript, childScript: helpers.mapiChildScript } : {}),
        });
        return handedOffResult(
          message,
          report,
          info,
          `handed off to ${info.program} (${info.method}) via Simple MAPI`,
        );
      },
      async close() {},
    };
  }
}
