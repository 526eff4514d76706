// "Mailprogramm des Systems": hands each message to the mail program on the desk instead of sending it.
// The program's compose window opens with recipients, subject, text and the PDFs (copies in the data
// folder's hand-off folder), or, for programs without such a command line, an `.eml` draft opens. The
// user reviews and sends it there; whether they did cannot be known, so the outcome is `handedOff`.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ConnectionReport, HandoffInfo, SendResult } from '../../shared/mail.js';
import type { Profile } from '../../shared/profile.js';
import { createI18n } from '../../shared/i18n/index.js';
import { emlDraft } from '../handoff/eml-draft.js';
import { newHandoffDir, pruneHandoffs } from '../handoff/handoff-folder.js';
import { handoffMessage, readAll } from '../handoff/handoff-message.js';
import { launch } from '../handoff/launch.js';
import { resolveProgram } from '../handoff/program-choice.js';
import type { PreparedMessage } from '../mail/compose.js';
import { handedOffResult } from '../handoff/handed-off-result.js';
import type { Transport, TransportContext, TransportSession } from './transport.js';

let openerName: string | undefined;
/** The journal keeps the program's name; the user's language is not known here, German is the default. */
function systemOpenerName(): string {
  return (openerName ??= createI18n('de').t('core:handoff.systemOpener'));
}

export class SystemMailTransport implements Transport {
  constructor(
    readonly profile: Profile,
    private readonly ctx: TransportContext,
  ) {}

  async openSession(): Promise<TransportSession> {
    const choice = await resolveProgram({ systemOpener: systemOpenerName() });
    const report: ConnectionReport = {
      kind: 'system-mail',
      tls: { used: false, mode: 'none' },
      auth: { used: false },
      handoff: choice.info,
    };
    const dataFolder = this.ctx.dataFolder;
    const profile = this.profile;
    await pruneHandoffs(dataFolder);
    return {
      report,
      async send(message: PreparedMessage): Promise<SendResult> {
        const raw = await readAll(message.raw());
        const dir = await newHandoffDir(dataFolder, message.draft.reference ?? message.draft.subject);
        const m = await handoffMessage(message, raw, dir, profile.fromAddress);
        let dataFile: string | undefined;
        if (choice.needsDataFile) {
          dataFile = path.join(dir, 'message.json');
          await fs.writeFile(dataFile, JSON.stringify(m), { mode: 0o600, flag: 'wx' });
        }
        const step = choice.stepFor(m, dataFile);
        let handoff: HandoffInfo;
        if (step.method === 'draft') {
          const file = path.join(dir, 'Entwurf.eml');
          await fs.writeFile(file, emlDraft(raw, m.bcc, Boolean(profile.fromAddress)), {
            mode: 0o600,
            flag: 'wx',
          });
          const l = step.open(file);
          await launch(l);
          handoff = { program: l.program, ...programId(choice.info), method: 'draft', file };
        } else {
          await launch(step.launch);
          handoff = { program: step.launch.program, ...programId(choice.info), method: step.method };
        }
        return handedOffResult(
          message,
          report,
          handoff,
          `handed off to ${handoff.program} (${handoff.method})`,
        );
      },
      async close() {},
    };
  }
}

function programId(info: HandoffInfo): { programId?: string } {
  return info.programId ? { programId: info.programId } : {};
}
