// The desktop dialog's own namespace (`ui`): pass it to createI18n in the renderer and the window. A
// module of its own, so that the CLI, which never shows the dialog, does not load its catalogues.
import { uiDe } from './ui.de.js';
import { uiEn } from './ui.en.js';
import { uiNl } from './ui.nl.js';

export const uiResources = {
  de: { ui: uiDe },
  en: { ui: uiEn },
  nl: { ui: uiNl },
} as const;
