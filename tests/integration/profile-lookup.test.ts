// The profile lookup from an e-mail address (MailService.lookupProfile) against real protocols on
// loopback: a DNS server answering MX, SRV and A, an HTTPS server with a test CA serving autoconfig
// files (good, malformed, oversized, slow, redirecting to http, hostile), and SMTP servers on the ports
// the guesses probe. Asserted is what the user sees: the proposed server, security and sign-in, the
// source of each setting, the alternatives and each step's outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupResult, LookupStep } from '../../src/shared/autoconfig.js';
import { MailService } from '../../src/main/service/mail-service.js';
import { tempHome } from '../helpers/cli.js';
import { startLookupWorld, type LookupWorld } from '../helpers/lookup-world.js';

let world: LookupWorld;
let service: MailService;

beforeAll(async () => {
  world = await startLookupWorld();
  service = new MailService({ dataFolder: tempHome() });
});
afterAll(async () => {
  await world?.close();
});

function lookup(address: string, env = world.env): Promise<LookupResult> {
  // the test CA is trusted like an internal CA (the CLI tests use NODE_EXTRA_CA_CERTS instead)
  return service.lookupProfile(address, { env, caFile: world.ca.caFile });
}

function step(r: LookupResult, name: LookupStep) {
  return r.steps.find((s) => s.step === name)!;
}

describe('profile lookup from an e-mail address', () => {
  it('recognises Microsoft 365 by its MX host and offers OAuth over SMTP and the Graph API', async () => {
    const r = await lookup('buchhaltung@m365.test');
    expect(r.proposal).toMatchObject({
      source: 'dns-mx',
      provider: 'Microsoft 365',
      profile: {
        connection: 'smtp',
        host: 'smtp.office365.com',
        port: 587,
        security: 'StartTls',
        auth: 'oauth',
        user: 'buchhaltung@m365.test',
        oauth: { provider: 'microsoft', tenantId: 'm365.test' },
      },
      sources: { host: 'dns-mx', tenantId: 'dns-mx', user: 'address' },
    });
    expect(r.alternatives[0]).toMatchObject({
      label: 'Microsoft Graph API',
      profile: { connection: 'graph', auth: 'oauth', oauth: { tenantId: 'm365.test' } },
    });
    expect(step(r, 'guess').status).toBe('skipped');
    // the newer MX naming is Microsoft 365 too
    expect((await lookup('info@newm365.test')).proposal?.provider).toBe('Microsoft 365');
  });

  it('recognises Google Workspace by its MX hosts and offers OAuth', async () => {
    const r = await lookup('buchhaltung@google.test');
    expect(r.proposal).toMatchObject({
      source: 'dns-mx',
      provider: 'Google Workspace',
      profile: { host: 'smtp.gmail.com', port: 465, security: 'SslOnConnect', auth: 'oauth' },
    });
    expect(r.proposal?.profile.oauth?.provider).toBe('google');
  });

  it("takes the provider's autoconfig file over https: implicit TLS first, STARTTLS as alternative", async () => {
    const r = await lookup('buchhaltung@auto.test');
    expect(r.proposal).toMatchObject({
      source: 'provider-config',
      provider: 'auto.test Mail',
      origin: expect.stringMatching(
        /^https:\/\/autoconfig\.auto\.test:\d+\/mail\/config-v1\.1\.xml\?emailaddress=buchhaltung%40auto\.test$/,
      ),
      profile: {
        host: 'smtp.auto.test',
        port: world.implicit.port,
        security: 'SslOnConnect',
        auth: 'password',
        user: 'buchhaltung@auto.test',
      },
      sources: { host: 'provider-config', user: 'provider-config', fromAddress: 'address' },
      warnings: [],
    });
    expect(r.alternatives[0]?.profile).toMatchObject({ security: 'StartTls', port: world.starttls.port });
    expect(step(r, 'mx')).toMatchObject({ status: 'nothing', reason: 'noRecords' });
  });

  it('finds the file at the .well-known place too, and follows a redirect that stays on https', async () => {
    const r = await lookup('info@wellknown.test');
    expect(r.proposal).toMatchObject({ source: 'provider-config', profile: { host: 'smtp.wellknown.test' } });
    expect(r.proposal?.origin).toMatch(/^https:\/\/wellknown\.test:\d+\/\.well-known\/autoconfig\/mail\//);
    const redirected = await lookup('buchhaltung@redirect-ok.test');
    // the file's `smtp.%EMAILDOMAIN%` is filled in from the address
    expect(redirected.proposal).toMatchObject({
      source: 'provider-config',
      profile: { host: 'smtp.redirect-ok.test' },
    });
  });

  it('refuses a redirect to http, malformed XML and an oversized answer', async () => {
    for (const [address, reason] of [
      ['a@redirect.test', 'redirectToHttp'],
      ['a@malformed.test', 'malformed'],
      ['a@big.test', 'tooLarge'],
    ] as const) {
      const r = await lookup(address);
      expect(step(r, 'autoconfig'), address).toMatchObject({ status: 'refused', reason });
      expect(r.proposal?.source, address).not.toBe('provider-config');
    }
    // the http address the redirect pointed to was never asked for
    expect(world.https.requests.filter((q) => q.startsWith('autoconfig.redirect.test')).length).toBe(1);
  });

  it('gives up on a slow autoconfig server in time and still answers from the SRV records', async () => {
    const r = await lookup('a@slow.test');
    expect(step(r, 'autoconfig')).toMatchObject({ status: 'failed', reason: 'timeout' });
    expect(r.proposal).toMatchObject({ source: 'dns-srv', profile: { host: 'smtp.slow.test', port: 465 } });
  });

  it('refuses a hostile autoconfig answer: server names with control characters, plain-text-only offers', async () => {
    const hostile = await lookup('a@hostile.test');
    expect(step(hostile, 'autoconfig')).toMatchObject({ status: 'refused', reason: 'badHostname' });
    const everyHost = [hostile.proposal, ...hostile.alternatives].map((p) => p?.profile.host ?? '');
    expect(everyHost.some((h) => /[\r\n\t]/.test(h))).toBe(false);

    const plain = await lookup('a@plain.test');
    expect(plain.proposal).toBeNull();
    expect(step(plain, 'autoconfig')).toMatchObject({ status: 'refused', reason: 'plainTextOnly' });
    expect(plain.alternatives[0]).toMatchObject({
      profile: { host: 'smtp.plain.test', security: 'None' },
      warnings: ['plainText'],
      trustworthy: false,
    });
  });

  it('reads RFC 6186/8314 SRV records: submissions (implicit TLS) before submission', async () => {
    const r = await lookup('buchhaltung@srv.test');
    expect(r.proposal).toMatchObject({
      source: 'dns-srv',
      origin: '_submissions._tcp.srv.test',
      profile: {
        host: 'mail.srv.test',
        port: world.implicit.port,
        security: 'SslOnConnect',
        auth: 'password',
      },
      sources: { host: 'dns-srv', user: 'address' },
    });
    expect(r.alternatives[0]).toMatchObject({
      origin: '_submission._tcp.srv.test',
      profile: { port: world.starttls.port, security: 'StartTls' },
    });
    // a target outside the domain is shown with a warning
    const elsewhere = await lookup('a@elsewhere.test');
    expect(elsewhere.proposal).toMatchObject({
      profile: { host: 'smtp.provider.example' },
      warnings: ['otherDomain'],
    });
  });

  it('finds the bundled ISPDB entry by the domain and by the MX host', async () => {
    const posteo = await lookup('buchhaltung@posteo.de');
    expect(posteo.proposal).toMatchObject({
      source: 'ispdb',
      provider: 'Posteo',
      profile: { host: 'posteo.de', port: 465, security: 'SslOnConnect', user: 'buchhaltung@posteo.de' },
    });
    const webde = await lookup('max.mustermann@web.de');
    expect(webde.proposal?.profile).toMatchObject({ host: 'smtp.web.de', user: 'max.mustermann' });

    const byMx = await lookup('buchhaltung@strato-kunde.test');
    expect(byMx.proposal).toMatchObject({
      source: 'ispdb',
      provider: 'Strato',
      origin: 'strato.de (MX smtpin.rzone.de)',
      profile: { host: 'smtp.strato.de', port: 465, security: 'SslOnConnect' },
    });
  });

  it('guesses smtp.<domain> and mail.<domain>, confirmed by the connection test, implicit TLS first', async () => {
    const r = await lookup('buchhaltung@guess.test');
    expect(r.proposal).toMatchObject({
      source: 'guess',
      profile: {
        host: 'smtp.guess.test',
        port: world.implicit.port,
        security: 'SslOnConnect',
        auth: 'password',
      },
      sources: { host: 'guess', security: 'guess' },
      trustworthy: true,
    });
    const guessed = r.alternatives.filter((a) => a.source === 'guess').map((a) => a.label);
    expect(guessed).toEqual(
      expect.arrayContaining([
        `smtp.guess.test:${world.starttls.port} StartTls`,
        `mail.guess.test:${world.implicit.port} SslOnConnect`,
      ]),
    );
  });

  it('never proposes a guess that ends in plain text: it is shown with a warning', async () => {
    const r = await lookup('buchhaltung@plainguess.test', world.plainEnv);
    expect(r.proposal).toBeNull();
    expect(step(r, 'guess')).toMatchObject({ status: 'refused', reason: 'plainTextOnly' });
    expect(r.alternatives).toEqual([
      expect.objectContaining({
        source: 'guess',
        profile: expect.objectContaining({ host: 'smtp.plainguess.test', security: 'None' }),
        warnings: ['plainText'],
      }),
    ]);
  });

  it('says clearly when nothing is found, with every step', async () => {
    const r = await lookup('buchhaltung@nothing.test');
    expect(r.proposal).toBeNull();
    expect(r.alternatives).toEqual([]);
    expect(r.steps.map((s) => [s.step, s.status])).toEqual([
      ['mx', 'nothing'],
      ['autoconfig', 'nothing'],
      ['srv', 'nothing'],
      ['ispdb', 'nothing'],
      ['guess', 'nothing'],
    ]);
    // a domain behind a mail gateway is not mistaken for a provider
    const gateway = await lookup('a@gateway.test');
    expect(step(gateway, 'mx')).toMatchObject({ status: 'nothing', reason: 'notProvider' });
  });

  it('refuses an invalid address before asking anyone', async () => {
    await expect(lookup('keine-adresse')).rejects.toMatchObject({ code: 'invalidAddress' });
  });
});
