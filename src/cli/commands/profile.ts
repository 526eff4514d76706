// `opos-mail profile list|show|use|remove|add|edit`
import type { Command } from 'commander';
import { effectivePort, mayEndInPlainText, type Profile, type ProfileField } from '../../shared/profile.js';
import { fieldApplies, kindSpec } from '../../shared/connection-kinds.js';
import type { CliContext } from '../context.js';
import { addProfileFlags, patchFromOptions } from '../profile-flags.js';
import { readSecretFromStdin } from '../read-secret.js';
import { MailError } from '../../main/errors/mail-error.js';
import { oauthSmtpDefaults } from '../../main/oauth/config.js';

/** Extra facts `profile show` prints; features (e.g. OAuth sign-in state) add theirs. */
export const profileShowExtras: Array<(ctx: CliContext, p: Profile) => Promise<Record<string, unknown>>> = [];

function publicProfile(p: Profile, active: string) {
  return { ...p, active: p.name === active, effectivePort: effectivePort(p) };
}

function describe(ctx: CliContext, p: Profile, active: string): string[] {
  const t = ctx.t;
  const lines = [`${p.name}${p.name === active ? ` (${t('cli:activeMark')})` : ''}`];
  const row = (label: string, value: string | number) =>
    lines.push(`  ${label}: ${value === '' ? t('cli:none') : value}`);
  const applies = (f: ProfileField) => fieldApplies(p.connection, f, p.auth);
  row(t('core:fields.connection'), `${p.connection} (${t(`core:kinds.${p.connection}`)})`);
  row(t('core:fields.fromAddress'), p.fromAddress);
  row(t('core:fields.fromName'), p.fromName);
  if (applies('handoff')) {
    row(t('core:fields.handoffMode'), p.handoff.mode);
    row(t('core:fields.handoffMaxBatchRows'), p.handoff.maxBatchRows);
  }
  if (applies('host')) {
    row(t('core:fields.host'), p.host);
    row(t('core:fields.port'), p.port || t('cli:defaultPort', { port: effectivePort(p), mode: p.security }));
    row(t('core:fields.security'), p.security);
    row(
      t('core:fields.auth'),
      p.auth === 'none' ? t('cli:no') : p.auth === 'password' ? t('cli:yes') : 'OAuth 2.0',
    );
    if (p.auth !== 'none') row(t('core:fields.user'), p.user);
    if (p.auth === 'password')
      row(t('core:fields.allowPlaintextAuth'), p.allowPlaintextAuth ? t('cli:yes') : t('cli:no'));
    row(t('core:fields.caFile'), p.caFile);
  }
  row(t('core:fields.maxSizeKb'), p.maxSizeKb || '0 (∞)');
  return lines;
}

export function registerProfileCommands(program: Command, ctx: CliContext): void {
  const profile = program.command('profile').description('manage connection profiles (Verbindungsprofile)');

  profile
    .command('list')
    .description('list the profiles; the active one is marked')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { profiles, active } = await ctx.service().profiles.list();
      if (opts.json) return ctx.json({ active, profiles: profiles.map((p) => publicProfile(p, active)) });
      for (const p of profiles)
        ctx.out(`${p.name === active ? '*' : ' '} ${p.name}  [${p.connection}${p.host ? ' ' + p.host : ''}]`);
    });

  profile
    .command('show')
    .argument('<name>', 'profile name')
    .description('show one profile (and whether a password is stored)')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      const service = ctx.service();
      const { active } = await service.profiles.list();
      const p = await service.profiles.get(name);
      const passwordStored = p.auth === 'password' ? await service.hasPassword(p) : false;
      const extras: Record<string, unknown> = {};
      for (const extra of profileShowExtras) Object.assign(extras, await extra(ctx, p));
      if (opts.json) return ctx.json({ ...publicProfile(p, active), passwordStored, ...extras });
      for (const line of describe(ctx, p, active)) ctx.out(line);
      if (p.auth === 'password')
        ctx.out(
          `  ${ctx.t('core:fields.password')}: ${passwordStored ? ctx.t('cli:passwordStored') : ctx.t('cli:passwordNotStored')}`,
        );
      for (const [k, v] of Object.entries(extras)) if (typeof v === 'string') ctx.out(`  ${k}: ${v}`);
    });

  profile
    .command('use')
    .argument('<name>', 'profile name')
    .description('make a profile the active one (used when --profile is not given, by the CLI and the app)')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      const p = await ctx.service().profiles.use(name);
      if (opts.json) return ctx.json({ active: p.name });
      ctx.out(ctx.t('cli:profileActive', { name: p.name }));
    });

  profile
    .command('remove')
    .argument('<name>', 'profile name')
    .description('remove a profile and its secrets from the keychain')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      const p = await ctx.service().removeProfile(name);
      if (opts.json) return ctx.json({ removed: p.name });
      ctx.out(ctx.t('cli:profileRemoved', { name: p.name }));
    });

  const add = profile
    .command('add')
    .argument('<name>', 'profile name')
    .description('create a profile')
    .option('--password-stdin', 'read the password from standard input (never from an argument)')
    .option('--use', 'make it the active profile')
    .option('--json', 'print JSON');
  addProfileFlags(add).action(async (name: string, opts: Record<string, unknown>) => {
    const patch = patchFromOptions(opts);
    if (!patch.connection) patch.connection = 'smtp';
    if (patch.auth === undefined)
      // a user name means "Anmelden" where the kind allows it; else the kind's default
      patch.auth =
        patch.user && kindSpec(patch.connection).auth.includes('password')
          ? 'password'
          : kindSpec(patch.connection).auth[0];
    if (patch.connection === 'smtp' && patch.auth === 'oauth' && !patch.host) {
      // Microsoft 365: smtp.office365.com:587 StartTls; Gmail: smtp.gmail.com:465 SslOnConnect
      const d = oauthSmtpDefaults(patch.oauth?.provider ?? 'microsoft', patch.oauth?.cloud ?? 'global');
      patch.host = d.host;
      if (patch.port === undefined && patch.security === undefined) Object.assign(patch, d);
    }
    const password = opts.passwordStdin
      ? await readSecretFromStdin(ctx.io, ctx.t('cli:passwordPrompt'))
      : undefined;
    const clientSecret = await readClientSecret(ctx, opts);
    const service = ctx.service();
    const p = await service.addProfile({ ...patch, name }, password !== undefined ? { password } : {});
    if (clientSecret !== undefined) {
      try {
        await service.secrets.set(p.id, 'client-secret', clientSecret);
      } catch (e) {
        await service.removeProfile(p.name).catch(() => undefined);
        throw e;
      }
    }
    if (opts.use) await service.profiles.use(p.name);
    warnPlainText(ctx, p, Boolean(opts.json));
    if (opts.json)
      return ctx.json(publicProfile(p, opts.use ? p.name : (await service.profiles.list()).active));
    ctx.out(ctx.t('cli:profileAdded', { name: p.name }));
  });

  const edit = profile
    .command('edit')
    .argument('<name>', 'profile name')
    .description('change a profile')
    .option('--rename <new-name>', 'give the profile a new name (its secrets stay with it)')
    .option('--password-stdin', 'read a new password from standard input')
    .option('--forget-password', 'remove the stored password from the keychain')
    .option('--json', 'print JSON');
  addProfileFlags(edit).action(async (name: string, opts: Record<string, unknown>) => {
    const patch = patchFromOptions(opts);
    if (typeof opts.rename === 'string') patch.name = opts.rename;
    const password = opts.passwordStdin
      ? await readSecretFromStdin(ctx.io, ctx.t('cli:passwordPrompt'))
      : undefined;
    const clientSecret = await readClientSecret(ctx, opts);
    const service = ctx.service();
    if (clientSecret !== undefined)
      await service.secrets.set((await service.profiles.get(name)).id, 'client-secret', clientSecret);
    const p = await service.updateProfile(name, patch, {
      ...(password !== undefined ? { password } : {}),
      ...(opts.forgetPassword ? { clearPassword: true } : {}),
    });
    warnPlainText(ctx, p, Boolean(opts.json));
    if (opts.json) return ctx.json(publicProfile(p, (await service.profiles.list()).active));
    ctx.out(ctx.t('cli:profileUpdated', { name: p.name }));
  });
}

/** `--client-secret-stdin`: Google's desktop client secret, read like a password (never from argv). */
async function readClientSecret(ctx: CliContext, opts: Record<string, unknown>): Promise<string | undefined> {
  if (!opts.clientSecretStdin) return undefined;
  if (opts.passwordStdin)
    throw new MailError('invalidOption', { detail: '--password-stdin / --client-secret-stdin' });
  return (await readSecretFromStdin(ctx.io, 'Client secret: ')).trim();
}

function warnPlainText(ctx: CliContext, p: Profile, json: boolean): void {
  if (fieldApplies(p.connection, 'security', p.auth) && mayEndInPlainText(p.security) && !json)
    ctx.err(ctx.t('cli:plainTextWarning', { mode: p.security }));
}
