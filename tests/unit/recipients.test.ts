// Recipients as ERPs export them and people paste them: bare addresses, RFC 5322 name-addr with
// umlauts and quoted commas, IDN domains, lists separated by `,` or `;` — and what is really invalid.
import { describe, expect, it } from 'vitest';
import { bareAddress, normaliseRecipient, parseMailbox, splitAddressList } from '../../src/shared/address.js';

describe('recipients with display names', () => {
  it('accepts name-addr, quoted names with commas and umlauts, IDN domains', () => {
    expect(parseMailbox('Jörg Weiß <joerg@example.test>')).toEqual({
      name: 'Jörg Weiß',
      address: 'joerg@example.test',
    });
    expect(parseMailbox('"Weiß, Jörg" <joerg@example.test>')).toEqual({
      name: 'Weiß, Jörg',
      address: 'joerg@example.test',
    });
    expect(parseMailbox('Müller GmbH <info@müller.de>')).toEqual({
      name: 'Müller GmbH',
      address: 'info@xn--mller-kva.de',
    });
    expect(parseMailbox('<kunde@example.org>')).toEqual({ name: '', address: 'kunde@example.org' });
    expect(parseMailbox('kunde@example.org')).toEqual({ name: '', address: 'kunde@example.org' });
    expect(normaliseRecipient('"Weiß, Jörg" <joerg@example.test>')).toBe('"Weiß, Jörg" <joerg@example.test>');
    expect(normaliseRecipient('Jörg Weiß <joerg@example.test>')).toBe('Jörg Weiß <joerg@example.test>');
    expect(normaliseRecipient('Dr. Müller <m@example.de>')).toBe('"Dr. Müller" <m@example.de>');
    expect(bareAddress('"Weiß, Jörg" <joerg@example.test>')).toBe('joerg@example.test');
  });

  it('refuses what is really invalid', () => {
    for (const bad of [
      'foo',
      'kunde@example.org>',
      'Jörg <joerg@example.test',
      'Name <a@example.de> trailing',
      'Jörg Weiß joerg@example.test',
      'a@b',
      'Name <a@b>',
      'A <a@example.de>, B <b@example.de>',
      'Name\r\nBcc: x@example.de <a@example.de>',
      '"unterminated <a@example.de>',
    ])
      expect(parseMailbox(bad), bad).toBeNull();
  });

  it('splits lists on , and ; but not inside quotes, angle brackets or comments', () => {
    expect(splitAddressList('"Weiß, Jörg" <j@x.de>; b@y.de, Name (c, d) <e@f.de>,,')).toEqual([
      '"Weiß, Jörg" <j@x.de>',
      'b@y.de',
      'Name (c, d) <e@f.de>',
    ]);
    expect(splitAddressList('a@x.de;b@y.de')).toEqual(['a@x.de', 'b@y.de']);
  });
});
