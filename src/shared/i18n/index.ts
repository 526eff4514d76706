// One i18next set-up for the core, the CLI and (with its own `ui` namespace) the renderer.
import i18next, { type i18n as I18n } from 'i18next';
import { coreDe } from './core.de.js';
import { coreEn } from './core.en.js';
import { coreNl } from './core.nl.js';
import { cliDe } from './cli.de.js';
import { cliEn } from './cli.en.js';
import { cliNl } from './cli.nl.js';
import { batchDe } from './batch.de.js';
import { batchEn } from './batch.en.js';
import { batchNl } from './batch.nl.js';
import { templatesDe } from './templates.de.js';
import { templatesEn } from './templates.en.js';
import { templatesNl } from './templates.nl.js';
import { LANGUAGES, type Language } from './types.js';
import { setupDe } from './setup.de.js';
import { setupEn } from './setup.en.js';
import { setupNl } from './setup.nl.js';

export { LANGUAGES, type Language } from './types.js';

export const coreResources = {
  de: { core: coreDe, cli: cliDe, batch: batchDe, templates: templatesDe, setup: setupDe },
  en: { core: coreEn, cli: cliEn, batch: batchEn, templates: templatesEn, setup: setupEn },
  nl: { core: coreNl, cli: cliNl, batch: batchNl, templates: templatesNl, setup: setupNl },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language from a locale string like `de_DE.UTF-8` or `nl-BE`; German where unsure. */
export function languageFromLocale(locale: string | undefined): Language {
  const lang = (locale ?? '').toLowerCase().slice(0, 2);
  return isLanguage(lang) ? lang : 'de';
}

/** Creates an independent i18next instance (no global state shared between tests or windows). */
export function createI18n(
  lng: Language,
  extra: Partial<Record<Language, Record<string, object>>> = {},
): I18n {
  const instance = i18next.createInstance();
  const resources: Record<string, Record<string, object>> = {};
  for (const l of LANGUAGES) resources[l] = { ...coreResources[l], ...(extra[l] ?? {}) };
  void instance.init({
    lng,
    fallbackLng: 'de',
    resources,
    ns: Object.keys(resources.de ?? {}),
    defaultNS: 'core',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
