// Sizes as people read them, and the encoded size of attachments (base64 ≈ 4/3 plus line breaks).
import type { TFunction } from 'i18next';

export function formatSize(t: TFunction, bytes: number, lang: string): string {
  const nf = (n: number, digits = 0) =>
    n.toLocaleString(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  if (bytes < 1024) return t('ui:units.bytes', { n: nf(bytes) });
  if (bytes < 1024 * 1024) return t('ui:units.kb', { n: nf(Math.ceil(bytes / 1024)) });
  return t('ui:units.mb', { n: nf(bytes / (1024 * 1024), 1) });
}

/** Bytes a file takes in the message: base64 (4 per 3) with a CRLF after every 76 characters. */
export function encodedSize(bytes: number): number {
  const b64 = Math.ceil(bytes / 3) * 4;
  return b64 + Math.ceil(b64 / 76) * 2;
}

/** Headers, text part and MIME boundaries: a generous allowance so the estimate errs on the safe side. */
export const MESSAGE_OVERHEAD_BYTES = 2048;
