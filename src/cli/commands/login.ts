// `opos-mail login` / `opos-mail logout`, and the OAuth sign-in wired into the CLI's core service:
// "OAuth mit Dialog" opens the system browser (or the BROWSER command) and prints the address too,
// for users on a remote session; `profile show` reports who is signed in and until when.
import type { Command } from 'commander';
import type { Language } from '../../shared/i18n/types.js';
import type { SignInStatus } from '../../shared/oauth.js';
import type { Profile } from '../../shared/profile.js';
import { MailError } from '../../main/errors/mail-error.js';
import { OAuthService } from '../../main/oauth/oauth-service.js';
import { systemBrowserOpener } from '../../main/oauth/system-browser.js';
import { CliContext } from '../context.js';
import { profileShowExtras } from './profile.js';

const TEXT: Record<
  Language,
  {
    openBrowser: string;
    browserFailed: string;
    signedIn: string;
    signedOut: string;
    notOAuth: string;
    status: (s: SignInStatus, p: Profile) => string;
    until: string;
  }
> = {
  de: {
    openBrowser:
      'Bitte melden Sie sich im Browser an. Falls sich kein Browser öffnet, rufen Sie diese Adresse auf:',
    browserFailed:
      'Der Browser konnte nicht gestartet werden ({{detail}}). Bitte öffnen Sie die Adresse selbst.',
    signedIn: 'Angemeldet als {{account}} (Token gültig bis {{until}}).',
    signedOut: 'Abgemeldet: Die gespeicherte Anmeldung des Profils „{{profile}}“ wurde gelöscht.',
    notOAuth:
      'Das Profil „{{profile}}“ verwendet kein OAuth 2.0. Stellen Sie es um: opos-mail profile edit „{{profile}}“ --oauth dialog --provider microsoft|google',
    status: (s) => (s.signedIn ? `angemeldet als ${s.account ?? '?'}` : 'nicht angemeldet'),
    until: 'Token gültig bis',
  },
  en: {
    openBrowser: 'Please sign in in your browser. If no browser opens, visit this address:',
    browserFailed: 'The browser could not be started ({{detail}}). Please open the address yourself.',
    signedIn: 'Signed in as {{account}} (token valid until {{until}}).',
    signedOut: 'Signed out: the stored sign-in of profile "{{profile}}" was deleted.',
    notOAuth:
      'Profile "{{profile}}" does not use OAuth 2.0. Switch it: opos-mail profile edit "{{profile}}" --oauth dialog --provider microsoft|google',
    status: (s) => (s.signedIn ? `signed in as ${s.account ?? '?'}` : 'not signed in'),
    until: 'token valid until',
  },
  nl: {
    openBrowser: 'Meld u aan in de browser. Opent er geen browser, ga dan naar dit adres:',
    browserFailed: 'De browser kon niet worden gestart ({{detail}}). Open het adres zelf.',
    signedIn: 'Aangemeld als {{account}} (token geldig tot {{until}}).',
    signedOut: 'Afgemeld: de opgeslagen aanmelding van profiel "{{profile}}" is verwijderd.',
    notOAuth:
      'Profiel "{{profile}}" gebruikt geen OAuth 2.0. Stel het om: opos-mail profile edit "{{profile}}" --oauth dialog --provider microsoft|google',
    status: (s) => (s.signedIn ? `aangemeld als ${s.account ?? '?'}` : 'niet aangemeld'),
    until: 'token geldig tot',
  },
};

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => params[k] ?? '');
}

function localTime(iso: string | undefined, lang: Language): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : lang === 'nl' ? 'nl-NL' : 'de-DE');
}

import { usesOAuth } from '../../shared/connection-kinds.js';
export { usesOAuth };

// The CLI's core service gets the sign-in controller: the browser is the platform's (or $BROWSER),
// and the address is printed on stderr first (remote sessions, headless machines).
CliContext.serviceHooks.push((service, ctx) => {
  const text = TEXT[ctx.lang];
  const open = systemBrowserOpener(ctx.io.env);
  service.oauth = new OAuthService({
    dataFolder: service.dataFolder,
    secrets: service.secrets,
    language: ctx.lang,
    openBrowser: async (url) => {
      ctx.err(text.openBrowser);
      ctx.err(`  ${url}`);
      try {
        await open(url);
      } catch (e) {
        ctx.err(fill(text.browserFailed, { detail: e instanceof Error ? e.message : String(e) }));
      }
    },
  });
});

profileShowExtras.push(async (ctx, p) => {
  if (!usesOAuth(p)) return {};
  const oauth = ctx.service().oauth;
  if (!oauth) return {};
  let status: SignInStatus;
  try {
    status = await oauth.status(p);
  } catch (e) {
    if (e instanceof MailError && e.code === 'oauthNotConfigured') status = { signedIn: false };
    else throw e;
  }
  const text = TEXT[ctx.lang];
  const mode = p.oauth.mode === 'dialog' ? 'OAuth mit Dialog' : 'OAuth 2.0';
  const provider = p.oauth.provider === 'microsoft' ? 'Microsoft' : 'Google';
  const line = `${provider}, „${mode}“ – ${text.status(status, p)}${
    status.signedIn && status.expiresAt ? ` (${text.until} ${localTime(status.expiresAt, ctx.lang)})` : ''
  }`;
  return { signIn: status, OAuth: line };
});

export function registerLoginCommands(program: Command, ctx: CliContext): void {
  program
    .command('login')
    .description(
      'sign in with OAuth 2.0 (Microsoft or Google) in the system browser; BROWSER names another command',
    )
    .option('--profile <name>', 'profile (default: the active one)')
    .option('--json', 'print JSON')
    .action(async (opts: { profile?: string; json?: boolean }) => {
      const service = ctx.service();
      const p = await service.profiles.resolve(opts.profile);
      const text = TEXT[ctx.lang];
      if (!usesOAuth(p))
        throw new MailError('invalidOption', { detail: fill(text.notOAuth, { profile: p.name }) });
      const status = await service.oauth!.signIn(p);
      if (opts.json) return ctx.json({ status: 'signedIn', profile: p.name, ...status });
      ctx.out(
        fill(text.signedIn, { account: status.account ?? '?', until: localTime(status.expiresAt, ctx.lang) }),
      );
    });

  program
    .command('logout')
    .description('sign out: delete the encrypted token cache and its key from the keychain')
    .option('--profile <name>', 'profile (default: the active one)')
    .option('--json', 'print JSON')
    .action(async (opts: { profile?: string; json?: boolean }) => {
      const service = ctx.service();
      const p = await service.profiles.resolve(opts.profile);
      await service.oauth!.signOut(p);
      if (opts.json) return ctx.json({ status: 'signedOut', profile: p.name });
      ctx.out(fill(TEXT[ctx.lang].signedOut, { profile: p.name }));
    });
}
