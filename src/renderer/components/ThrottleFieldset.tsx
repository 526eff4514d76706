// "Versandlimits": a provider's preset or own values per minute and per day, and the attempts per
// message. A number outside its range is refused as typed (never clamped) until it is corrected.
import { useTranslation } from 'react-i18next';
import {
  THROTTLE_PRESETS,
  THROTTLE_PRESET_NAMES,
  type ThrottlePreset,
} from '../../shared/throttle-presets.js';
import type { EditableProfile } from '../templates.js';
import { Field } from './Field.js';

export type ThrottleField = 'perMinute' | 'perDay' | 'maxAttempts';
export type RawThrottle = Partial<Record<ThrottleField, string>>;

/** The ranges of the profile schema (src/shared/profile.ts). */
const THROTTLE_RANGES: Record<ThrottleField, { min: number; max: number }> = {
  perMinute: { min: 0, max: 100_000 },
  perDay: { min: 0, max: 10_000_000 },
  maxAttempts: { min: 1, max: 50 },
};

function presetOf(v: EditableProfile['throttle']): ThrottlePreset | 'custom' {
  return (
    THROTTLE_PRESET_NAMES.find(
      (n) => THROTTLE_PRESETS[n].perMinute === v.perMinute && THROTTLE_PRESETS[n].perDay === v.perDay,
    ) ?? 'custom'
  );
}

interface Props {
  throttle: EditableProfile['throttle'];
  /** What is typed in a number field while it is not (yet) a valid number. */
  raw: RawThrottle;
  onRaw: (update: (raw: RawThrottle) => RawThrottle) => void;
  onChange: (update: (throttle: EditableProfile['throttle']) => EditableProfile['throttle']) => void;
}

export function ThrottleFieldset({ throttle, raw, onRaw, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const problem = (field: ThrottleField): string | null => {
    if (raw[field] === undefined) return null;
    const { min, max } = THROTTLE_RANGES[field];
    return t('ui:throttle.invalidNumber', { min, max: max.toLocaleString(i18n.language) });
  };
  const setNumber = (field: ThrottleField, text: string) => {
    const { min, max } = THROTTLE_RANGES[field];
    const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
    if (Number.isInteger(n) && n >= min && n <= max) {
      onRaw(({ [field]: _gone, ...rest }) => rest);
      onChange((v) => ({ ...v, [field]: n }));
    } else onRaw((r) => ({ ...r, [field]: text }));
  };
  const choosePreset = (preset: ThrottlePreset | 'custom') => {
    if (preset === 'custom') return;
    const { perMinute, perDay } = THROTTLE_PRESETS[preset];
    onRaw(({ maxAttempts }) => (maxAttempts === undefined ? {} : { maxAttempts }));
    onChange((v) => ({ ...v, perMinute, perDay }));
  };
  return (
    <fieldset>
      <legend>{t('ui:throttle.legend')}</legend>
      <Field id="f-throttle-preset" label={t('ui:throttle.preset')} help={t('ui:throttle.presetHelp')}>
        {(c) => (
          <select
            {...c}
            value={presetOf(throttle)}
            onChange={(e) => choosePreset(e.target.value as ThrottlePreset | 'custom')}
          >
            {[...THROTTLE_PRESET_NAMES, 'custom' as const].map((n) => (
              <option key={n} value={n} disabled={n === 'custom'}>
                {t(`ui:throttle.presets.${n}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(['perMinute', 'perDay', 'maxAttempts'] as const).map((f) => (
        <Field
          key={f}
          id={`f-throttle-${f}`}
          label={t(`ui:throttle.${f}`)}
          error={problem(f)}
          help={t(
            f === 'perMinute'
              ? 'ui:throttle.zeroHelp'
              : f === 'perDay'
                ? 'ui:throttle.perDayHelp'
                : 'ui:throttle.maxAttemptsHelp',
          )}
        >
          {(c) => (
            <input
              {...c}
              type="text"
              inputMode="numeric"
              className="short"
              value={raw[f] ?? String(throttle[f])}
              onChange={(e) => setNumber(f, e.target.value)}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}
