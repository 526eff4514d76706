// Connects the OAuth 2.0 sign-in (src/main/oauth) to the shell: the system browser is opened with
// shell.openExternal, wrapped by the AuthorizationUrlGuard so that only the chosen provider's https
// authorisation URL can ever be opened.
import { OAuthService } from '../oauth/oauth-service.js';
import type { BrowserOpener } from '../oauth/oauth-controller.js';
import type { MailService } from '../service/mail-service.js';
import { languageFromLocale } from '../../shared/i18n/index.js';

export function attachOAuth(service: MailService, openBrowser: BrowserOpener, locale: string): void {
  service.oauth = new OAuthService({
    dataFolder: service.dataFolder,
    secrets: service.secrets,
    openBrowser,
    language: languageFromLocale(locale),
  });
}
