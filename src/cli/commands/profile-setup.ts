// `opos-mail profile setup ADDRESS [--name NAME] [--use] [--json] [--password-stdin]`: a new profile
// from an e-mail address. Looks up the server, security and sign-in (src/main/autoconfig), shows each
// setting with its source, runs the connection test and only then saves. Without a terminal it never
// asks: a password server then needs --password-stdin.
import type { Command } from 'commander';
import type { TFunction } from 'i18next';
import {
  PROPOSED_FIELD_LABEL_KEYS,
  proposedValue,
  type LookupResult,
  type Proposal,
  type ProposedField,
} from '../../shared/autoconfig.js';
import { PROFILE_NAME_MAX, effectivePort } from '../../shared/profile.js';
import { MailError } from '../../main/errors/mail-error.js';
import { sameProfileName } from '../../main/profiles/profile-store.js';
import type { CliContext } from '../context.js';
import { errorJson, errorMessage, reportLines } from '../output.js';
import { readSecretFromStdin } from '../read-secret.js';

function fieldValue(t: TFunction, p: Proposal, field: ProposedField): string {
  if (field !== 'auth') return proposedValue(p, field);
  if (p.profile.auth === 'oauth') return 'OAuth 2.0';
  return p.profile.auth === 'password' ? t('core:fields.password') : t('cli:no');
}

export function proposalLines(t: TFunction, p: Proposal): string[] {
  const lines = [t('setup:proposal', { label: p.label })];
  if (p.provider) lines.push(`  ${t('setup:provider', { provider: p.provider })}`);
  for (const [field, source] of Object.entries(p.sources) as Array<[ProposedField, string]>)
    lines.push(
      `  ${t(PROPOSED_FIELD_LABEL_KEYS[field])}: ${fieldValue(t, p, field)}  (${t(`setup:sources.${source}`)})`,
    );
  for (const w of p.warnings) lines.push(`  ${t(`setup:warnings.${w}`)}`);
  return lines;
}

export function lookupLines(t: TFunction, r: LookupResult): string[] {
  const lines = r.proposal ? proposalLines(t, r.proposal) : [t('setup:nothingTrustworthy')];
  if (r.alternatives.length) {
    lines.push(t('setup:alternatives'));
    for (const a of r.alternatives)
      lines.push(
        `  - ${a.label} (${t(`setup:sources.${a.source}`)})${a.warnings.map((w) => ' ' + t(`setup:warnings.${w}`)).join('')}`,
      );
  }
  lines.push(t('setup:stepsTitle'));
  for (const s of r.steps)
    lines.push(
      `  ${t(`setup:steps.${s.step}`)}: ${t(`setup:status.${s.status}`)}${s.reason ? ` – ${t(`setup:reasons.${s.reason}`)}` : ''}${s.detail ? ` [${s.detail}]` : ''}`,
    );
  lines.push(t('setup:took', { ms: r.ms }));
  return lines;
}

function defaultName(address: string): string {
  return address.trim().slice(0, PROFILE_NAME_MAX);
}

export function registerProfileSetupCommand(program: Command, ctx: CliContext): void {
  const profile = program.commands.find((c) => c.name() === 'profile');
  if (!profile) return;
  profile
    .command('setup')
    .argument('<address>', 'the e-mail address to send from')
    .description(
      'create a profile from an e-mail address: find server, security and sign-in, test, then save',
    )
    .option('--name <name>', 'profile name (default: the address)')
    .option('--use', 'make it the active profile')
    .option('--password-stdin', 'read the password from standard input (never from an argument)')
    .option('--json', 'print JSON')
    .action(
      async (
        address: string,
        opts: { name?: string; use?: boolean; passwordStdin?: boolean; json?: boolean },
      ) => {
        const service = ctx.service();
        if (!opts.json) ctx.err(ctx.t('setup:lookingUp', { address }));
        const lookup = await service.lookupProfile(address);
        if (!opts.json) for (const line of lookupLines(ctx.t, lookup)) ctx.err(line);
        const fail = (e: MailError) => {
          if (opts.json) ctx.json({ ...errorJson(ctx.t, e), lookup });
          else ctx.err(errorMessage(ctx.t, e));
          ctx.exitCode = e.exitCode;
        };
        const proposal = lookup.proposal;
        if (!proposal) return fail(new MailError('setupNothingFound', { domain: lookup.domain }));

        const name = opts.name ?? defaultName(lookup.address);
        // a taken name is said before the password is asked for
        const { profiles } = await service.profiles.list();
        if (profiles.some((p) => sameProfileName(p.name, name)))
          return fail(new MailError('profileExists', { profile: name.trim() }));
        let password: string | undefined;
        if (proposal.profile.auth === 'password') {
          if (opts.passwordStdin || ctx.io.stdin.isTTY)
            password = await readSecretFromStdin(ctx.io, ctx.t('cli:passwordPrompt'));
          if (!password)
            return fail(
              new MailError('setupPasswordNeeded', {
                host: `${proposal.profile.host ?? ''}:${proposal.profile.port ?? ''}`,
              }),
            );
        }
        if (!opts.json && proposal.profile.auth !== 'oauth') ctx.err(ctx.t('setup:testing'));
        const { profile: saved, report } = await service.setupProfile({
          profile: { ...proposal.profile, name },
          ...(password !== undefined ? { password } : {}),
          use: Boolean(opts.use),
        });
        const active = (await service.profiles.list()).active;
        if (opts.json)
          return ctx.json({
            status: 'created',
            tested: report !== null,
            profile: { ...saved, active: saved.name === active, effectivePort: effectivePort(saved) },
            ...(report ? { connection: report } : {}),
            lookup,
          });
        if (report) for (const line of reportLines(ctx.t, report)) ctx.out(line);
        ctx.out(ctx.t(report ? 'setup:saved' : 'setup:savedOauth', { name: saved.name }));
      },
    );
}
