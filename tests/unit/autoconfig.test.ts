// The pure parts of the profile lookup: server-name checks, the mailmaint-autoconfig parser (entity
// tricks and hostile names refused, placeholders filled), MX recognition and the bundled ISPDB.
import { describe, expect, it } from 'vitest';
import { isSafeServerName } from '../../src/shared/autoconfig.js';
import { parseAutoconfigXml } from '../../src/main/autoconfig/autoconfig-xml.js';
import { isGoogleMx, isMicrosoftMx } from '../../src/main/autoconfig/dns-mx.js';
import { findInIspdb, ISPDB_PROVIDERS } from '../../src/main/autoconfig/ispdb.js';
import { clientConfig } from '../helpers/https-server.js';

describe('server names from outside', () => {
  it('accepts DNS names and IPv4 addresses, refuses control characters, spaces and other text', () => {
    for (const ok of ['smtp.firma.de', 'mail-1.example.org', 'xn--mller-kva.de', '192.0.2.10'])
      expect(isSafeServerName(ok), ok).toBe(true);
    for (const bad of [
      'smtp.firma.de\r\nRCPT TO:x',
      'smtp.firma.de\u0007',
      'smtp.firma.de\u0085',
      'smtp firma.de',
      'smtp.firma.de/evil',
      'user@smtp.firma.de',
      '-smtp.firma.de',
      '',
      '999.1.1.1',
    ])
      expect(isSafeServerName(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('mailmaint-autoconfig files', () => {
  it('takes the outgoing servers with the placeholders filled in', () => {
    const r = parseAutoconfigXml(
      clientConfig('firma.test', [
        { hostname: 'smtp.%EMAILDOMAIN%', port: 465, socketType: 'SSL', username: '%EMAILLOCALPART%' },
      ]),
      'max@firma.test',
    );
    expect(r).toEqual({
      ok: true,
      config: {
        provider: 'firma.test Mail',
        domains: ['firma.test'],
        offers: [
          { hostname: 'smtp.firma.test', port: 465, socketType: 'SSL', auth: 'password', username: 'max' },
        ],
        refused: [],
      },
    });
  });

  it('refuses document type declarations (entity expansion) and malformed XML as a whole', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE clientConfig [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><clientConfig version="1.1"><emailProvider id="x"><displayName>&b;</displayName></emailProvider></clientConfig>`;
    expect(parseAutoconfigXml(bomb, 'a@x.test')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseAutoconfigXml('<clientConfig><emailProvider>', 'a@x.test')).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(parseAutoconfigXml('<html><body>Not found</body></html>', 'a@x.test')).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('refuses a server with a hostile name but keeps the good ones of the same file', () => {
    const r = parseAutoconfigXml(
      clientConfig('firma.test', [
        { hostname: 'smtp.firma.test\r\nX: y', port: 465, socketType: 'SSL' },
        { hostname: 'smtp.firma.test', port: 99999, socketType: 'SSL' },
        { hostname: 'smtp.firma.test', port: 587, socketType: 'STARTTLS', auth: 'GSSAPI' },
        { hostname: 'smtp.firma.test', port: 587, socketType: 'STARTTLS' },
      ]),
      'a@firma.test',
    );
    expect(r.ok && r.config.offers.map((o) => `${o.hostname}:${o.port}`)).toEqual(['smtp.firma.test:587']);
    expect(r.ok && r.config.refused).toEqual(['badHostname', 'malformed', 'malformed']);
  });
});

describe('providers by MX and the bundled ISPDB', () => {
  it('recognises Exchange Online and Google Workspace MX hosts, and nothing that merely looks alike', () => {
    expect(isMicrosoftMx('firma-de.mail.protection.outlook.com.')).toBe(true);
    expect(isMicrosoftMx('firma-de.l-v1.mx.microsoft')).toBe(true);
    expect(isMicrosoftMx('mail.protection.outlook.com.evil.test')).toBe(false);
    expect(isGoogleMx('ASPMX.L.GOOGLE.COM')).toBe(true);
    expect(isGoogleMx('alt4.aspmx.l.google.com')).toBe(true);
    expect(isGoogleMx('smtp.google.com')).toBe(true);
    expect(isGoogleMx('aspmx.l.google.com.evil.test')).toBe(false);
  });

  it('ships the entries for the providers German, Austrian and Dutch firms use, each with its source', () => {
    for (const domain of [
      't-online.de',
      'gmx.de',
      'gmx.at',
      'web.de',
      'ionos.de',
      'strato.de',
      'posteo.de',
      'kpnmail.nl',
      'ziggo.nl',
    ])
      expect(findInIspdb(domain, [])?.by, domain).toBe('domain');
    expect(findInIspdb('firma.test', ['www123.your-server.de'])?.provider.displayName).toBe('Hetzner');
    expect(findInIspdb('firma.test', ['mx00.kundenserver.de'])?.provider.id).toBe('1und1.de');
    for (const p of ISPDB_PROVIDERS) {
      expect(p.source).toMatch(/^ispdb\/\S+ @ [0-9a-f]{40}$/);
      for (const s of p.outgoing) expect(isSafeServerName(s.hostname)).toBe(true);
    }
  });
});
