// Step 2: the provider's own configuration, at the two places the mailmaint-autoconfig draft names —
// `https://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=…` and
// `https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml` — asked at the same time; the first
// place that answers with a usable file wins (in that order).
import type { Proposal, StepReason } from '../../shared/autoconfig.js';
import { parseAutoconfigXml } from './autoconfig-xml.js';
import { fetchConfig, type FetchOptions } from './https-config.js';
import { byPreference, proposalOf } from './offers.js';

export interface ProviderConfigResult {
  proposals: Proposal[];
  /** The URLs asked, and why each gave nothing (when it did not). */
  tried: Array<{ url: string; reason?: StepReason }>;
}

export function autoconfigUrls(address: string, domain: string, httpsPort: number): string[] {
  const port = httpsPort === 443 ? '' : `:${httpsPort}`;
  return [
    `https://autoconfig.${domain}${port}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(address)}`,
    `https://${domain}${port}/.well-known/autoconfig/mail/config-v1.1.xml`,
  ];
}

export async function providerConfig(
  address: string,
  domain: string,
  httpsPort: number,
  fetchOptions: FetchOptions,
): Promise<ProviderConfigResult> {
  const urls = autoconfigUrls(address, domain, httpsPort);
  const answers = await Promise.all(urls.map((u) => fetchConfig(u, fetchOptions)));
  const tried: ProviderConfigResult['tried'] = [];
  for (const [i, answer] of answers.entries()) {
    const url = urls[i]!;
    if (!answer.ok) {
      tried.push({ url, reason: answer.reason });
      continue;
    }
    const parsed = parseAutoconfigXml(answer.body, address);
    if (!parsed.ok) {
      tried.push({ url, reason: parsed.reason });
      continue;
    }
    const { offers, refused, provider } = parsed.config;
    if (!offers.length) {
      tried.push({ url, reason: refused[0] ?? 'noOutgoingServer' });
      continue;
    }
    const proposals = [...offers].sort(byPreference).map((offer) =>
      proposalOf(offer, {
        step: 'autoconfig',
        source: 'provider-config',
        origin: url,
        ...(provider ? { provider } : {}),
        address,
      }),
    );
    // a server refused for a hostile name is reported even when another one of the file was usable
    tried.push({ url, ...(refused[0] ? { reason: refused[0] } : {}) });
    return { proposals, tried };
  }
  return { proposals: [], tried };
}
