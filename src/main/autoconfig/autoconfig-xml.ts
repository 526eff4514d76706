// The Thunderbird / IETF mailmaint-autoconfig format (`config-v1.1.xml`): its `outgoingServer`
// entries of type smtp, as server offers. Malformed XML, a document type declaration (entity tricks)
// or a document without a clientConfig is refused as a whole; each server is then checked on its own.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { StepReason } from '../../shared/autoconfig.js';
import { authOf, checkOffer, fillPlaceholders, type ServerOffer, type SocketType } from './offers.js';

export interface ParsedConfig {
  provider?: string;
  domains: string[];
  offers: ServerOffer[];
  /** Servers that were refused one by one (e.g. a server name with control characters). */
  refused: StepReason[];
}

export type ParseResult = { ok: true; config: ParsedConfig } | { ok: false; reason: StepReason };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['emailProvider', 'outgoingServer', 'authentication', 'domain'].includes(name),
});

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return text(value['#text']);
  return '';
}

function socketTypeOf(value: string): SocketType | null {
  if (value === 'SSL' || value === 'STARTTLS' || value === 'plain') return value;
  return null;
}

export function parseAutoconfigXml(xml: string, address: string): ParseResult {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, reason: 'malformed' };
  if (XMLValidator.validate(xml) !== true) return { ok: false, reason: 'malformed' };
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const clientConfig = doc.clientConfig as Record<string, unknown> | undefined;
  const providers = (clientConfig?.emailProvider ?? []) as Array<Record<string, unknown>>;
  if (!clientConfig || !providers.length) return { ok: false, reason: 'malformed' };

  const offers: ServerOffer[] = [];
  const refused: StepReason[] = [];
  let provider: string | undefined;
  const domains: string[] = [];
  for (const p of providers) {
    provider ??= text(p.displayName) || undefined;
    for (const d of (p.domain ?? []) as unknown[]) domains.push(text(d).toLowerCase());
    for (const s of (p.outgoingServer ?? []) as Array<Record<string, unknown>>) {
      if (s['@type'] !== 'smtp') continue;
      const socketType = socketTypeOf(text(s.socketType));
      const auths = ((s.authentication ?? []) as unknown[]).map((a) => authOf(text(a)));
      const auth = auths.find((a) => a !== null) ?? (auths.length ? null : 'password');
      const port = Number(text(s.port));
      if (!socketType || !auth) {
        refused.push('malformed');
        continue;
      }
      const checked = checkOffer({
        hostname: fillPlaceholders(text(s.hostname), address),
        port,
        socketType,
        auth,
        username: fillPlaceholders(text(s.username), address),
      });
      if (checked.ok) offers.push(checked.offer);
      else refused.push(checked.reason);
    }
  }
  return { ok: true, config: { ...(provider ? { provider } : {}), domains, offers, refused } };
}
