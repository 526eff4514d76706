// E-mail address checks shared by core, CLI and renderer (pure: runs in Node and in the browser).
// Internationalised domains (IDN) are accepted and converted to their ASCII (punycode) form; a
// non-ASCII local part is accepted (RFC 6531) and needs a server with SMTPUTF8. Recipients may carry a
// display name as ERPs export them and people paste them (RFC 5322 name-addr, parsed by the
// `email-addresses` package): `Jörg Weiß <joerg@example.de>`, `"Weiß, Jörg" <joerg@example.de>`.
import emailAddresses from 'email-addresses';

const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The domain in ASCII form, or null when it is not a valid host name for mail. */
export function asciiDomain(domain: string): string | null {
  if (!domain || domain.length > 253 || /[\s/\\?#@:[\]]/.test(domain)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((l) => LABEL.test(l))) return null;
  const tld = labels[labels.length - 1]!;
  if (!/^[a-z]{2,63}$/.test(tld) && !/^xn--[a-z0-9-]+$/.test(tld)) return null;
  return ascii;
}

/** Validates one bare address (no display name). Returns the normalised address or null. */
export function normaliseAddress(input: string): string | null {
  if (/[\u0000-\u001f\u007f]/.test(input)) return null;
  const address = input.trim();
  if (address.length > 320) return null;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64) return null;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom))) return null;
  const ascii = asciiDomain(domain);
  if (!ascii) return null;
  return `${local}@${ascii}`;
}

export function isValidAddress(input: string): boolean {
  return normaliseAddress(input) !== null;
}

/** A recipient: the address (normalised, ASCII domain) and its display name ('' when none). */
export interface Mailbox {
  name: string;
  address: string;
}

/**
 * One recipient, bare (`a@b.de`) or with a display name (`Name <a@b.de>`, `"Name, Firma" <a@b.de>`,
 * `<a@b.de>`). Returns null for anything that is not exactly one valid mailbox.
 */
export function parseMailbox(input: string): Mailbox | null {
  if (/[\u0000-\u001f\u007f]/.test(input)) return null;
  const text = input.trim();
  if (!text || text.length > 998) return null;
  if (!/[<>"()]/.test(text)) {
    const address = normaliseAddress(text);
    return address ? { name: '', address } : null;
  }
  const parsed = emailAddresses.parseOneAddress({ input: text, rfc6532: true, rejectTLD: false });
  if (!parsed || parsed.type !== 'mailbox') return null;
  const address = normaliseAddress(parsed.address);
  if (!address) return null;
  return { name: (parsed.name ?? '').trim(), address };
}

/** `Name <address>` (the name quoted when RFC 5322 needs it), or the bare address. */
export function formatMailbox(m: Mailbox): string {
  if (!m.name) return m.address;
  const name = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~ -]+$/u.test(m.name)
    ? m.name
    : `"${m.name.replace(/["\\]/g, '\\$&')}"`;
  return `${name} <${m.address}>`;
}

/** The recipient in its normalised form (display name kept), or null when it is invalid. */
export function normaliseRecipient(input: string): string | null {
  const m = parseMailbox(input);
  return m ? formatMailbox(m) : null;
}

export function isValidRecipient(input: string): boolean {
  return parseMailbox(input) !== null;
}

/** The bare address of a (normalised) recipient, for the SMTP envelope and comparisons. */
export function bareAddress(recipient: string): string {
  return parseMailbox(recipient)?.address ?? recipient.trim();
}

/**
 * Splits a recipient field (`a@x.de, b@y.de` or `;`) into trimmed, non-empty parts. Separators inside
 * quotes, angle brackets or comments do not count: `"Weiß, Jörg" <j@x.de>; b@y.de` is two recipients.
 */
export function splitAddressList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quoted && c === '\\' && i + 1 < value.length) {
      current += c + value[++i]!;
      continue;
    }
    if (c === '"' && !comment) quoted = !quoted;
    else if (!quoted) {
      if (c === '<') angle++;
      else if (c === '>' && angle) angle--;
      else if (c === '(') comment++;
      else if (c === ')' && comment) comment--;
      else if ((c === ',' || c === ';') && !angle && !comment) {
        parts.push(current);
        current = '';
        continue;
      }
    }
    current += c;
  }
  parts.push(current);
  return parts.map((s) => s.trim()).filter((s) => s.length > 0);
}
