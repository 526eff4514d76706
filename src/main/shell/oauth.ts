// Connects the OAuth sign-in (src/main/oauth, when this build has it) to the shell's guarded opener.
import type { BrowserOpener } from '../oauth/oauth-controller.js';
import type { MailService } from '../service/mail-service.js';

export function attachOAuth(_service: MailService, _opener: BrowserOpener): void {
  // The OAuth implementation is wired here once src/main/oauth provides a controller factory;
  // until then service.oauth stays undefined and the dialog explains that sign-in is unavailable.
}
