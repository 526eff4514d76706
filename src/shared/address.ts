// E-mail address checks shared by core, CLI and renderer (pure: runs in Node and in the browser).
// Internationalised domains (IDN) are accepted and converted to their ASCII (punycode) form; a
// non-ASCII local part is accepted (RFC 6531) and needs a server with SMTPUTF8.

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

/** Splits a recipient field (`a@x.de, b@y.de` or `;`) into trimmed, non-empty parts. */
export function splitAddressList(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
