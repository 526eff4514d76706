// Name look-ups with Node's DNS resolver: MX, SRV and address records with short time-outs for the
// profile lookup, and — when OPOS_MAIL_DNS_SERVER names a server — the same server for every address
// look-up of OPOS Mail (SMTP connections, autoconfig requests), so a test on loopback or an
// administrator's split-horizon DNS sees one consistent answer.
import { promises as dnsPromises } from 'node:dns';
import type { LookupFunction } from 'node:net';
import net from 'node:net';
import { MailError } from '../errors/mail-error.js';
import { configuredDnsServers } from '../autoconfig/settings.js';

export type Resolver = dnsPromises.Resolver;

export function createResolver(
  options: { timeoutMs: number; tries: number },
  env: NodeJS.ProcessEnv = process.env,
): Resolver {
  const resolver = new dnsPromises.Resolver({ timeout: options.timeoutMs, tries: options.tries });
  const servers = configuredDnsServers(env);
  if (servers) resolver.setServers(servers);
  return resolver;
}

/** The addresses of a host name (IPv4 first), or hostNotFound. */
export async function resolveAddresses(resolver: Resolver, host: string): Promise<string[]> {
  if (net.isIP(host)) return [host];
  const [v4, v6] = await Promise.all([
    resolver.resolve4(host).catch(() => [] as string[]),
    resolver.resolve6(host).catch(() => [] as string[]),
  ]);
  const all = [...v4, ...v6];
  if (!all.length) throw new MailError('hostNotFound', { host });
  return all;
}

/** A `lookup` for node:http(s) and node:net that asks `resolver` instead of the system. */
export function lookupWith(resolver: Resolver): LookupFunction {
  return ((
    hostname: string,
    options: { all?: boolean },
    callback: (err: Error | null, address: unknown, family?: number) => void,
  ) => {
    resolveAddresses(resolver, hostname).then(
      (addresses) => {
        const list = addresses.map((address) => ({ address, family: net.isIP(address) }));
        if (options?.all) callback(null, list);
        else callback(null, list[0]!.address, list[0]!.family);
      },
      (e: Error) => callback(Object.assign(e, { code: 'ENOTFOUND' }), undefined),
    );
  }) as LookupFunction;
}

/**
 * For the transports: resolves a server name through OPOS_MAIL_DNS_SERVER when it is set (undefined
 * otherwise, so the transports keep their usual resolution).
 */
export function configuredHostResolver(
  env: NodeJS.ProcessEnv = process.env,
): ((host: string) => Promise<string>) | undefined {
  if (!configuredDnsServers(env)) return undefined;
  const resolver = createResolver({ timeoutMs: 2000, tries: 2 }, env);
  return async (host) => (await resolveAddresses(resolver, host))[0]!;
}
