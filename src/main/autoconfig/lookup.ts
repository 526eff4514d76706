// A new profile from an e-mail address: finds the outgoing server, its security and the sign-in, in
// this order of trust — (1) Microsoft 365 / Google Workspace by MX, (2) the provider's autoconfig file
// over https, (3) RFC 6186/8314 SRV records, (4) the bundled ISPDB by domain and by MX host, (5)
// guesses confirmed by the connection test. Steps 1–4 run at the same time with short time-outs; the
// guesses only when they found nothing trustworthy (they open connections to hosts that may not be the
// provider's). The first trustworthy answer in step order wins; every other answer is kept as an
// alternative, and every step reports what it asked and what came of it.
import { domainToASCII } from 'node:url';
import type {
  LookupResult,
  LookupStep,
  Proposal,
  StepReason,
  StepReport,
  StepStatus,
} from '../../shared/autoconfig.js';
import { isValidAddress } from '../../shared/address.js';
import { MailError } from '../errors/mail-error.js';
import { readExtraCa } from '../transports/smtp-security.js';
import type { TransportContext } from '../transports/transport.js';
import { configuredHostResolver, createResolver, lookupWith } from '../platform/dns.js';
import { mxHosts, mxProposals, providerOfMx } from './dns-mx.js';
import { guessAndProbe } from './guess.js';
import { findInIspdb, ispdbProposals } from './ispdb.js';
import { providerConfig } from './provider-config.js';
import { configuredDnsServers, DEFAULT_LIMITS, setupPorts, type LookupLimits } from './settings.js';
import { srvLookup } from './srv.js';

export interface LookupOptions {
  /** Where the probes' transports live (data folder, keychain: a probe never logs in). */
  context: Pick<TransportContext, 'dataFolder' | 'secrets'>;
  env?: NodeJS.ProcessEnv;
  limits?: Partial<LookupLimits>;
  /** An extra CA certificate file (PEM) to trust for autoconfig and the probes (an internal CA). */
  caFile?: string;
}

interface StepOutcome {
  status: StepStatus;
  detail: string;
  reason?: StepReason;
  proposals: Proposal[];
}

/** The address's domain in its ASCII (punycode) form; invalidAddress otherwise. */
export function domainOf(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  if (!isValidAddress(trimmed) || at < 1) throw new MailError('invalidAddress', { address: trimmed });
  const domain = domainToASCII(trimmed.slice(at + 1).toLowerCase());
  if (!domain || !domain.includes('.')) throw new MailError('invalidAddress', { address: trimmed });
  return domain;
}

function withDeadline<T>(promise: Promise<T>, deadline: number, fallback: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback()), Math.max(0, deadline - Date.now()));
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** What an autoconfig answer can be refused for (as opposed to there being none). */
const REFUSALS = new Set<StepReason>([
  'redirectToHttp',
  'tooManyRedirects',
  'tooLarge',
  'malformed',
  'badHostname',
  'tlsFailed',
]);

function dnsReason(e: unknown): StepReason {
  return (e as { code?: string }).code === 'ETIMEOUT' ? 'timeout' : 'dnsFailed';
}

export async function lookupMailSettings(rawAddress: string, options: LookupOptions): Promise<LookupResult> {
  const started = Date.now();
  const env = options.env ?? process.env;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const deadline = started + limits.totalMs;
  const address = rawAddress.trim();
  const domain = domainOf(address);
  const ports = setupPorts(env);
  const ca = options.caFile ? readExtraCa(options.caFile) : undefined;
  const resolver = createResolver({ timeoutMs: limits.dnsTimeoutMs, tries: limits.dnsTries }, env);
  const ownDns = configuredDnsServers(env) !== undefined;
  const timings = new Map<LookupStep, number>();
  const timed = <T>(step: LookupStep, p: Promise<T>): Promise<T> =>
    p.finally(() => timings.set(step, Date.now() - started));
  const timeoutOutcome = (detail: string) => (): StepOutcome => ({
    status: 'failed',
    detail,
    reason: 'timeout',
    proposals: [],
  });

  // 1. MX
  const mxAnswer = timed(
    'mx',
    withDeadline(
      mxHosts(resolver, domain).then(
        (hosts) => ({ hosts, error: undefined as StepReason | undefined }),
        (e: unknown) => ({ hosts: [] as string[], error: dnsReason(e) }),
      ),
      deadline,
      () => ({ hosts: [] as string[], error: 'timeout' as StepReason }),
    ),
  );
  const mxStep: Promise<StepOutcome> = mxAnswer.then(({ hosts, error }) => {
    const detail = hosts.length ? `MX ${domain}: ${hosts.join(', ')}` : `MX ${domain}`;
    if (error) return { status: 'failed', detail, reason: error, proposals: [] };
    if (!hosts.length) return { status: 'nothing', detail, reason: 'noRecords', proposals: [] };
    const provider = providerOfMx(hosts);
    if (!provider) return { status: 'nothing', detail, reason: 'notProvider', proposals: [] };
    return { status: 'found', detail, proposals: mxProposals(provider, address, domain, hosts[0]!) };
  });

  // 2. the provider's configuration file
  const autoconfigStep: Promise<StepOutcome> = timed(
    'autoconfig',
    withDeadline(
      providerConfig(address, domain, ports.https, {
        ...(ownDns ? { lookup: lookupWith(resolver) } : {}),
        ...(ca ? { ca } : {}),
        timeoutMs: Math.min(limits.httpTimeoutMs, deadline - Date.now()),
        maxBytes: limits.maxConfigBytes,
        maxRedirects: limits.maxRedirects,
      }).then((r): StepOutcome => {
        const detail = r.tried.map((t) => t.url).join(' · ');
        const refusal = r.tried.map((t) => t.reason).find((x) => x && REFUSALS.has(x));
        if (r.proposals.length)
          return { status: 'found', detail, ...(refusal ? { reason: refusal } : {}), proposals: r.proposals };
        if (refusal) return { status: 'refused', detail, reason: refusal, proposals: [] };
        const reason = r.tried.find((t) => t.reason)?.reason ?? 'noRecords';
        return { status: reason === 'timeout' ? 'failed' : 'nothing', detail, reason, proposals: [] };
      }),
      deadline,
      timeoutOutcome(`https://autoconfig.${domain}/…`),
    ),
  );

  // 3. SRV
  const srvStep: Promise<StepOutcome> = timed(
    'srv',
    withDeadline(
      srvLookup(resolver, address, domain).then((r): StepOutcome => {
        const detail = r.names.join(' · ');
        if (r.proposals.length) return { status: 'found', detail, proposals: r.proposals };
        if (r.reason === 'badHostname') return { status: 'refused', detail, reason: r.reason, proposals: [] };
        if (r.reason) return { status: 'failed', detail, reason: r.reason, proposals: [] };
        return { status: 'nothing', detail, reason: 'noRecords', proposals: [] };
      }),
      deadline,
      timeoutOutcome(`_submissions._tcp.${domain}`),
    ),
  );

  // 4. ISPDB, by domain and by MX host
  const ispdbStep: Promise<StepOutcome> = timed(
    'ispdb',
    mxAnswer.then(({ hosts }): StepOutcome => {
      const match = findInIspdb(domain, hosts);
      if (!match) return { status: 'nothing', detail: domain, reason: 'notInIspdb', proposals: [] };
      const detail = match.by === 'mx' ? `${match.provider.id} (MX ${match.key})` : match.provider.id;
      return { status: 'found', detail, proposals: ispdbProposals(match, address) };
    }),
  );

  const early = await Promise.all([mxStep, autoconfigStep, srvStep, ispdbStep]);
  const earlySteps: LookupStep[] = ['mx', 'autoconfig', 'srv', 'ispdb'];
  const found = early.flatMap((o) => o.proposals);

  // 5. guesses, only when nothing so far is trustworthy
  let guessOutcome: StepOutcome;
  if (found.some((p) => p.trustworthy)) {
    guessOutcome = { status: 'skipped', detail: '', reason: 'notNeeded', proposals: [] };
  } else {
    const hosts = (await mxAnswer).hosts;
    const remaining = deadline - Date.now();
    guessOutcome = await timed(
      'guess',
      withDeadline(
        guessAndProbe(address, domain, hosts, {
          ports,
          context: {
            ...options.context,
            setupTimeoutMs: Math.max(500, Math.min(limits.probeTimeoutMs, remaining - 300)),
            ...(ownDns ? { resolveHost: configuredHostResolver(env)! } : {}),
          },
          ...(options.caFile ? { caFile: options.caFile } : {}),
        }).then((r): StepOutcome => {
          const detail = r.probed.join(' · ');
          if (r.proposals.some((p) => p.trustworthy))
            return { status: 'found', detail, proposals: r.proposals };
          if (r.proposals.length)
            return { status: 'refused', detail, reason: 'plainTextOnly', proposals: r.proposals };
          return { status: 'nothing', detail, reason: 'connectFailed', proposals: [] };
        }),
        deadline,
        timeoutOutcome(`smtp.${domain}`),
      ),
    );
  }

  const outcomes = [...early, guessOutcome];
  const stepNames: LookupStep[] = [...earlySteps, 'guess'];
  const steps: StepReport[] = outcomes.map((o, i) => {
    const step = stepNames[i]!;
    // a step whose every offer was plain text says so
    const plainOnly = o.proposals.length > 0 && o.proposals.every((p) => p.warnings.includes('plainText'));
    return {
      step,
      status: plainOnly ? 'refused' : o.status,
      detail: o.detail,
      ...(plainOnly ? { reason: 'plainTextOnly' as const } : o.reason ? { reason: o.reason } : {}),
      ms: timings.get(step) ?? 0,
    };
  });
  const all = outcomes.flatMap((o) => o.proposals);
  const proposal = all.find((p) => p.trustworthy) ?? null;
  return {
    address,
    domain,
    proposal,
    alternatives: all.filter((p) => p !== proposal),
    steps,
    ms: Date.now() - started,
  };
}
