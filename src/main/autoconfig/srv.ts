// Step 3: RFC 6186 / RFC 8314 SRV records — `_submissions._tcp.<domain>` (implicit TLS, preferred) and
// `_submission._tcp.<domain>` (STARTTLS). A target of "." means "not offered here" (RFC 2782). A target
// outside the address's domain is shown with a warning (RFC 6186 §6: the user should confirm it).
import type { Proposal, ProposalWarning, StepReason } from '../../shared/autoconfig.js';
import type { Resolver } from '../platform/dns.js';
import { checkOffer, proposalOf, type SocketType } from './offers.js';

export interface SrvResult {
  proposals: Proposal[];
  names: string[];
  reason?: StepReason;
}

const SERVICES: Array<{ prefix: string; socketType: SocketType }> = [
  { prefix: '_submissions._tcp', socketType: 'SSL' },
  { prefix: '_submission._tcp', socketType: 'STARTTLS' },
];

function inDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export async function srvLookup(resolver: Resolver, address: string, domain: string): Promise<SrvResult> {
  const names = SERVICES.map((s) => `${s.prefix}.${domain}`);
  const answers = await Promise.all(
    names.map((n) =>
      resolver.resolveSrv(n).then(
        (records) => ({ records, error: undefined as unknown }),
        (error: unknown) => ({ records: [], error }),
      ),
    ),
  );
  const proposals: Proposal[] = [];
  let reason: StepReason | undefined;
  for (const [i, { records, error }] of answers.entries()) {
    const code = (error as { code?: string } | undefined)?.code;
    if (error && code !== 'ENOTFOUND' && code !== 'ENODATA')
      reason ??= code === 'ETIMEOUT' ? 'timeout' : 'dnsFailed';
    const sorted = [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight);
    for (const r of sorted) {
      if (!r.name || r.name === '.' || r.port === 0) continue;
      const checked = checkOffer({
        hostname: r.name,
        port: r.port,
        socketType: SERVICES[i]!.socketType,
        auth: 'password',
        // RFC 6186 names no user: the address is the usual one (its source says so)
        username: '',
      });
      if (!checked.ok) {
        reason ??= checked.reason;
        continue;
      }
      const warnings: ProposalWarning[] = inDomain(checked.offer.hostname, domain) ? [] : ['otherDomain'];
      proposals.push(
        proposalOf(checked.offer, { step: 'srv', source: 'dns-srv', origin: names[i]!, address }, warnings),
      );
    }
  }
  return { proposals, names, ...(reason ? { reason } : {}) };
}
