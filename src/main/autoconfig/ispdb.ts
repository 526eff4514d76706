// Step 4: the bundled subset of Thunderbird's ISP database (ispdb/ispdb.json, MPL-2.0, see
// ispdb/LICENSE and docs/setup.md): first by the address's domain, then by the MX hosts' domains — a
// firm's own domain hosted at Strato or Hetzner has MX hosts under rzone.de or your-server.de.
import type { Proposal } from '../../shared/autoconfig.js';
import ispdbData from './ispdb/ispdb.json' with { type: 'json' };
import {
  authOf,
  byPreference,
  checkOffer,
  fillPlaceholders,
  proposalOf,
  type ServerOffer,
} from './offers.js';

interface IspdbServer {
  hostname: string;
  port: number;
  socketType: string;
  authentication: string;
  username: string;
}

export interface IspdbProvider {
  id: string;
  displayName: string;
  domains: string[];
  outgoing: IspdbServer[];
  source: string;
}

export const ISPDB_PROVIDERS: readonly IspdbProvider[] = (ispdbData as { providers: IspdbProvider[] })
  .providers;

const byDomain = new Map<string, IspdbProvider>();
for (const p of ISPDB_PROVIDERS) for (const d of p.domains) byDomain.set(d.toLowerCase(), p);

export function ispdbEntry(domain: string): IspdbProvider | undefined {
  return byDomain.get(domain.toLowerCase());
}

/** `mx00.kundenserver.de` → `mx00.kundenserver.de`, `kundenserver.de` (never the bare top-level domain). */
export function parentDomains(host: string): string[] {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}

export type IspdbMatch = { provider: IspdbProvider; by: 'domain' | 'mx'; key: string };

export function findInIspdb(domain: string, mxHosts: string[]): IspdbMatch | null {
  const direct = ispdbEntry(domain);
  if (direct) return { provider: direct, by: 'domain', key: domain };
  for (const mx of mxHosts)
    for (const d of parentDomains(mx)) {
      const p = ispdbEntry(d);
      if (p) return { provider: p, by: 'mx', key: mx };
    }
  return null;
}

export function ispdbProposals(match: IspdbMatch, address: string): Proposal[] {
  const offers: ServerOffer[] = [];
  for (const s of match.provider.outgoing) {
    const auth = authOf(s.authentication);
    const socketType = s.socketType === 'SSL' || s.socketType === 'STARTTLS' ? s.socketType : 'plain';
    if (!auth) continue;
    const checked = checkOffer({
      hostname: fillPlaceholders(s.hostname, address),
      port: s.port,
      socketType,
      auth,
      username: fillPlaceholders(s.username, address),
    });
    if (checked.ok) offers.push(checked.offer);
  }
  return offers.sort(byPreference).map((offer) =>
    proposalOf(offer, {
      step: 'ispdb',
      source: 'ispdb',
      origin: `${match.provider.id}${match.by === 'mx' ? ` (MX ${match.key})` : ''}`,
      provider: match.provider.displayName,
      address,
    }),
  );
}
