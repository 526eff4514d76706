import type { coreDe } from './core.de.js';
import type { setupDe } from './setup.de.js';

/** Same keys as the German catalogue, any string values. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type CoreMessages = Widen<typeof coreDe>;
export type SetupMessages = Widen<typeof setupDe>;

export const LANGUAGES = ['de', 'en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];
