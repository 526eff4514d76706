// A real DNS server on loopback (UDP, the `dns2` package) for the profile lookup's tests: it answers A,
// MX and SRV questions from a table and NXDOMAIN for everything else; a name can also be made to never
// answer (a dead server). OPOS_MAIL_DNS_SERVER points OPOS Mail at it.
import dns2 from 'dns2';

const { Packet } = dns2;

export interface Zone {
  A?: string[];
  MX?: Array<{ exchange: string; priority: number }>;
  SRV?: Array<{ target: string; port: number; priority?: number; weight?: number }>;
}

export interface TestDnsServer {
  /** `127.0.0.1:PORT`, the value for OPOS_MAIL_DNS_SERVER. */
  address: string;
  /** Names asked so far, as `TYPE name` (e.g. `MX firma.test`). */
  asked: string[];
  close(): Promise<void>;
}

const TYPE_NAMES: Record<number, string> = {
  [Packet.TYPE.A]: 'A',
  [Packet.TYPE.AAAA]: 'AAAA',
  [Packet.TYPE.MX]: 'MX',
  [Packet.TYPE.SRV]: 'SRV',
};

/** `zones`: name → records; `silent`: names never answered (the client times out). */
export async function startDnsServer(
  zones: Record<string, Zone>,
  options: { silent?: string[] } = {},
): Promise<TestDnsServer> {
  const asked: string[] = [];
  const lower = new Map(Object.entries(zones).map(([k, v]) => [k.toLowerCase(), v]));
  const server = dns2.createUDPServer((request, send) => {
    const response = Packet.createResponseFromRequest(request);
    const [question] = request.questions;
    if (!question) return void send(response);
    const name = question.name.toLowerCase();
    const type = TYPE_NAMES[question.type] ?? String(question.type);
    asked.push(`${type} ${name}`);
    if (options.silent?.includes(name)) return;
    const zone = lower.get(name);
    if (!zone) {
      response.header.rcode = 3; // NXDOMAIN
      return void send(response);
    }
    const base = { name: question.name, class: Packet.CLASS.IN, ttl: 60 };
    // dns2 encodes plain records (its typings ask for its Resource class)
    const answers = response.answers as unknown as object[];
    if (type === 'A')
      for (const address of zone.A ?? []) answers.push({ ...base, type: Packet.TYPE.A, address });
    if (type === 'MX')
      for (const mx of zone.MX ?? [])
        answers.push({ ...base, type: Packet.TYPE.MX, exchange: mx.exchange, priority: mx.priority });
    if (type === 'SRV')
      for (const srv of zone.SRV ?? [])
        answers.push({
          ...base,
          type: Packet.TYPE.SRV,
          priority: srv.priority ?? 0,
          weight: srv.weight ?? 1,
          port: srv.port,
          target: srv.target,
        });
    void send(response);
  });
  server.on('requestError', () => undefined);
  await server.listen(0, '127.0.0.1');
  const { port } = server.address();
  return {
    address: `127.0.0.1:${port}`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
