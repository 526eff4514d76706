import { describe, expect, it } from 'vitest';
import { isValidAddress, normaliseAddress } from '../../src/shared/address.js';
import {
  defaultPort,
  effectivePort,
  effectiveSecurity,
  mayEndInPlainText,
  profileSchema,
} from '../../src/shared/profile.js';
import { profileProblems } from '../../src/shared/profile-problems.js';
import { fieldApplies } from '../../src/shared/connection-kinds.js';

const base = { id: '00000000-0000-4000-8000-000000000000', name: 'P', connection: 'smtp' as const };

describe('security modes', () => {
  it('default ports and Auto resolve as in mail-facts.md', () => {
    expect(defaultPort('SslOnConnect')).toBe(465);
    for (const m of ['None', 'Auto', 'StartTls', 'StartTlsWhenAvailable'] as const)
      expect(defaultPort(m)).toBe(25);
    expect(effectiveSecurity({ security: 'Auto', port: 465 })).toBe('SslOnConnect');
    expect(effectiveSecurity({ security: 'Auto', port: 587 })).toBe('StartTlsWhenAvailable');
    expect(effectiveSecurity({ security: 'Auto', port: 0 })).toBe('StartTlsWhenAvailable');
    expect(effectivePort({ security: 'SslOnConnect', port: 0 })).toBe(465);
    expect(mayEndInPlainText('StartTls')).toBe(false);
    expect(mayEndInPlainText('Auto')).toBe(true);
  });
});

describe('profile schema and problems', () => {
  it('refuses control characters in any text field', () => {
    expect(profileSchema.safeParse({ ...base, fromName: 'A\r\nBcc: x@y.de' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...base, host: 'h\n' }).success).toBe(false);
  });

  it('names what is missing for each kind', () => {
    const smtp = profileSchema.parse({ ...base, auth: 'password' });
    expect(
      profileProblems(smtp)
        .map((p) => `${p.field}:${p.code}`)
        .sort(),
    ).toEqual(['fromAddress:required', 'host:required', 'user:required']);
    const box = profileSchema.parse({ ...base, connection: 'test-mailbox' });
    expect(profileProblems(box)).toEqual([]);
    const graph = profileSchema.parse({ ...base, connection: 'graph', fromAddress: 'a@b.de' });
    expect(profileProblems(graph)).toEqual([{ field: 'auth', code: 'oauthOnly' }]);
  });

  it('knows which fields apply to which kind', () => {
    expect(fieldApplies('graph', 'host')).toBe(false);
    expect(fieldApplies('graph', 'oauth')).toBe(true);
    expect(fieldApplies('smtp', 'password', 'none')).toBe(false);
    expect(fieldApplies('smtp', 'password', 'password')).toBe(true);
    expect(fieldApplies('test-mailbox', 'security')).toBe(false);
  });
});

describe('addresses', () => {
  it('accepts ordinary, IDN and UTF-8 local parts; refuses the malformed', () => {
    expect(normaliseAddress(' Max.Mustermann+opos@Example.COM ')).toBe('Max.Mustermann+opos@example.com');
    expect(normaliseAddress('info@bücher.de')).toBe('info@xn--bcher-kva.de');
    expect(isValidAddress('jürgen@example.org')).toBe(true);
    for (const bad of [
      '',
      'a',
      'a@',
      '@b.de',
      'a@b',
      'a..b@c.de',
      '.a@b.de',
      'a@b_c.de',
      'a@-b.de',
      'a b@c.de',
      'a@b.de\r\n',
      'a@[127.0.0.1]',
    ])
      expect(isValidAddress(bad), bad).toBe(false);
  });
});
