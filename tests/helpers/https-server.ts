// A real HTTPS server on loopback (node:https, a certificate of the test CA) that answers by the
// request's Host name and path — one server stands in for every `autoconfig.<domain>` and
// `<domain>/.well-known/…` of the profile lookup's tests. Handlers may answer slowly or never.
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestHttpsServer {
  port: number;
  /** `host path` of every request, e.g. `autoconfig.firma.test /mail/config-v1.1.xml?emailaddress=…`. */
  requests: string[];
  close(): Promise<void>;
}

/** `routes`: `host` (any path) or `host/path` (path without query) → handler; anything else is 404. */
export async function startHttpsServer(
  tls: { key: string; cert: string },
  routes: Record<string, Route>,
): Promise<TestHttpsServer> {
  const requests: string[] = [];
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = req.url ?? '/';
    requests.push(`${host} ${url}`);
    const route = routes[`${host}${url.split('?')[0]}`] ?? routes[host];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    route(req, res);
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function xml(body: string): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(body);
  };
}

/** A mailmaint-autoconfig file with the given outgoing servers. */
export function clientConfig(
  domain: string,
  servers: Array<{ hostname: string; port: number; socketType: string; username?: string; auth?: string }>,
): string {
  const out = servers
    .map(
      (s) => `    <outgoingServer type="smtp">
      <hostname>${s.hostname}</hostname>
      <port>${s.port}</port>
      <socketType>${s.socketType}</socketType>
      <authentication>${s.auth ?? 'password-cleartext'}</authentication>
      <username>${s.username ?? '%EMAILADDRESS%'}</username>
    </outgoingServer>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${domain}">
    <domain>${domain}</domain>
    <displayName>${domain} Mail</displayName>
    <incomingServer type="imap">
      <hostname>imap.${domain}</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
${out}
  </emailProvider>
</clientConfig>
`;
}
