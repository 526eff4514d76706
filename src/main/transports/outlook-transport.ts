// "Outlook": hands each message to classic Outlook through its object model, by the PowerShell script
// in resources/windows (src/main/handoff/windows/outlook-handoff.ts). Opening the session asks Outlook
// which profile and account would send (nothing is sent: that is also "Verbindung testen"); each send
// shows the message in Outlook's window, or sends it into Outlook's Outbox ("direkt senden"). The
// sender address picks the account; without a match Outlook's default account sends, with a warning.
import type { ConnectionReport, HandoffInfo, SendResult } from '../../shared/mail.js';
import type { Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { pruneHandoffs } from '../handoff/handoff-folder.js';
import { windowsHandoffDraft } from '../handoff/windows/handoff-draft.js';
import {
  outlookAction,
  runOutlook,
  type OutlookResult,
  type OutlookSettings,
} from '../handoff/windows/outlook-handoff.js';
import type { PreparedMessage } from '../mail/compose.js';
import { handedOffResult } from '../handoff/handed-off-result.js';
import type { Transport, TransportContext, TransportSession } from './transport.js';

/** What the result says besides the hand-off: the account used, and why it is not the sender's. */
export function outlookResponse(info: HandoffInfo, r: OutlookResult, from: string): string {
  const parts = [`handed off to ${info.program} (${info.method})`];
  if (r.account) parts.push(`account "${r.account}"`);
  if (r.accountFallback)
    parts.push(`warning: no Outlook account for ${from}, Outlook's default account used`);
  if (r.unresolved.length) parts.push(`warning: Outlook could not resolve ${r.unresolved.join(', ')}`);
  return parts.join('; ');
}

export class OutlookTransport implements Transport {
  constructor(
    readonly profile: Profile,
    private readonly ctx: TransportContext,
  ) {}

  private async settings(): Promise<OutlookSettings> {
    const p = this.profile;
    if (p.auth !== 'password') return { from: p.fromAddress || null, logon: null };
    const password = await this.ctx.secrets.get(p.id, 'password');
    if (password === null) throw new MailError('passwordMissing', { profile: p.name });
    return { from: p.fromAddress || null, logon: { profile: p.user, password } };
  }

  async openSession(): Promise<TransportSession> {
    // Windows only: the registry refuses the kind elsewhere before a transport exists
    const settings = await this.settings();
    const powershell = this.ctx.handoffHelpers?.powershell;
    const options = { ...settings, ...(powershell ? { powershell } : {}) };
    const probe = await runOutlook(null, 'test', options);
    const mode = this.profile.handoff.mode;
    const info: HandoffInfo = {
      program: probe.program,
      ...(probe.profile ? { programId: `Outlook profile ${probe.profile}` } : {}),
      method: mode === 'compose' ? 'compose' : 'direct',
    };
    const report: ConnectionReport = {
      kind: 'outlook',
      tls: { used: false, mode: 'none' },
      auth: settings.logon ? { used: true, user: settings.logon.profile } : { used: false },
      handoff: info,
      ...(probe.account ? { mailbox: probe.account } : {}),
    };
    const { dataFolder } = this.ctx;
    const from = this.profile.fromAddress;
    await pruneHandoffs(dataFolder);
    return {
      report,
      async send(message: PreparedMessage): Promise<SendResult> {
        const draft = await windowsHandoffDraft(message, dataFolder, from);
        const r = await runOutlook(draft, outlookAction(mode), options);
        return handedOffResult(message, report, info, outlookResponse(info, r, from));
      },
      async close() {},
    };
  }
}
