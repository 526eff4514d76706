// The extra CA certificate of a profile, as the desktop app may set it: only a file the user chose in
// the main process's own open dialog (like attachments, the dialog's answer is the grant), the one the
// profile already has, or none. A path the window names by itself is refused, so a compromised
// renderer cannot make the main process read (or trust) any file it likes.
import { MailError } from '../errors/mail-error.js';

export class CaFileRegistry {
  private readonly chosen = new Set<string>();

  /** Records a file the dialog handed out. */
  grant(file: string): void {
    this.chosen.add(file);
  }

  /** Refuses `caFile` unless it is empty, the profile's stored one, or chosen in the dialog. */
  check(caFile: string | undefined, stored?: string): void {
    if (!caFile || caFile === stored || this.chosen.has(caFile)) return;
    throw new MailError('invalidOption', { detail: 'caFile: choose the certificate with the button' });
  }
}
