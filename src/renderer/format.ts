// Sizes as people read them.
import type { TFunction } from 'i18next';

export function formatSize(t: TFunction, bytes: number, lang: string): string {
  const nf = (n: number, digits = 0) =>
    n.toLocaleString(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  if (bytes < 1024) return t('ui:units.bytes', { n: nf(bytes) });
  if (bytes < 1024 * 1024) return t('ui:units.kb', { n: nf(Math.ceil(bytes / 1024)) });
  return t('ui:units.mb', { n: nf(bytes / (1024 * 1024), 1) });
}
