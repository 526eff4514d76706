// Sending limits of the big providers (mail-facts.md, November 2026) as presets for a profile's
// throttle. perDay counts messages; Microsoft's 10,000 is recipients per day, so with several recipients
// per message choose a lower figure. Google publishes no per-minute figure: 20/minute is our own,
// conservative choice; consumer Gmail allows about 500 messages a day.
import type { ThrottleSettings } from './profile.js';

export const THROTTLE_PRESETS = {
  microsoft365: { perMinute: 30, perDay: 10_000 },
  gmail: { perMinute: 20, perDay: 500 },
  'google-workspace': { perMinute: 20, perDay: 2_000 },
  none: { perMinute: 0, perDay: 0 },
} as const satisfies Record<string, Omit<ThrottleSettings, 'maxAttempts'>>;

export type ThrottlePreset = keyof typeof THROTTLE_PRESETS;
export const THROTTLE_PRESET_NAMES = Object.keys(THROTTLE_PRESETS) as ThrottlePreset[];
