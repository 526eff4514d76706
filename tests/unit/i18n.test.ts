// Every message exists in German, English and Dutch, with the same placeholders.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/errors.js';
import { createI18n, coreResources, languageFromLocale } from '../../src/shared/i18n/index.js';

function leaves(o: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys and placeholders in de, en and nl', () => {
    const de = leaves(coreResources.de);
    for (const lang of ['en', 'nl'] as const) {
      const other = leaves(coreResources[lang]);
      expect([...other.keys()].sort()).toEqual([...de.keys()].sort());
      for (const [k, v] of de) expect(placeholders(other.get(k)!), `${lang} ${k}`).toEqual(placeholders(v));
    }
  });

  it('have a message for every error code', () => {
    for (const lang of ['de', 'en', 'nl'] as const) {
      const t = createI18n(lang).t;
      for (const code of Object.keys(ERROR_CODES))
        expect(t(`core:errors.${code}`), `${lang} ${code}`).not.toBe(`errors.${code}`);
    }
  });

  it('picks the language from the locale, German where unsure', () => {
    expect(languageFromLocale('en_GB.UTF-8')).toBe('en');
    expect(languageFromLocale('nl-BE')).toBe('nl');
    expect(languageFromLocale('fr_FR')).toBe('de');
    expect(languageFromLocale(undefined)).toBe('de');
  });
});
