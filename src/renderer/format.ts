// Sizes as people read them: one unit per list or table (KB, or MB once its largest size reaches a
// megabyte), in the language's number format, always rounded up (a size is compared with limits).
import type { TFunction } from 'i18next';

export type SizeUnit = 'kb' | 'mb';

const KB = 1024;
const MB = 1024 * 1024;

/** The unit of a list whose largest size is `largest` bytes. */
export function sizeUnit(largest: number): SizeUnit {
  return largest >= MB ? 'mb' : 'kb';
}

export function formatSize(
  t: TFunction,
  bytes: number,
  lang: string,
  unit: SizeUnit = sizeUnit(bytes),
): string {
  if (unit === 'kb') return t('ui:units.kb', { n: Math.ceil(bytes / KB).toLocaleString(lang) });
  const mb = Math.ceil((bytes / MB) * 10) / 10;
  return t('ui:units.mb', {
    n: mb.toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  });
}
