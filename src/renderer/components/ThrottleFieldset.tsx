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
import { NumberField } from './NumberField.js';

type ThrottleField = 'perMinute' | 'perDay' | 'maxAttempts';

/** The ranges of the profile schema (src/shared/profile.ts). */
const THROTTLE_RANGES: Record<ThrottleField, { min: number; max: number }> = {
  perMinute: { min: 0, max: 100_000 },
  perDay: { min: 0, max: 10_000_000 },
  maxAttempts: { min: 1, max: 50 },
};
const HELP: Record<ThrottleField, string> = {
  perMinute: 'ui:throttle.zeroHelp',
  perDay: 'ui:throttle.perDayHelp',
  maxAttempts: 'ui:throttle.maxAttemptsHelp',
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
  /** Refused texts of the number fields, by field (`throttle.<field>`). */
  raw: Readonly<Record<string, string>>;
  onRaw: (field: string, raw: string | undefined) => void;
  onChange: (update: (throttle: EditableProfile['throttle']) => EditableProfile['throttle']) => void;
}

export function ThrottleFieldset({ throttle, raw, onRaw, onChange }: Props) {
  const { t } = useTranslation();
  const choosePreset = (preset: ThrottlePreset | 'custom') => {
    if (preset === 'custom') return;
    const { perMinute, perDay } = THROTTLE_PRESETS[preset];
    onRaw('throttle.perMinute', undefined);
    onRaw('throttle.perDay', undefined);
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
        <NumberField
          key={f}
          id={`f-throttle-${f}`}
          label={t(`ui:throttle.${f}`)}
          value={throttle[f]}
          {...THROTTLE_RANGES[f]}
          raw={raw[`throttle.${f}`]}
          onRaw={(text) => onRaw(`throttle.${f}`, text)}
          onValue={(n) => onChange((v) => ({ ...v, [f]: n }))}
          help={t(HELP[f])}
        />
      ))}
    </fieldset>
  );
}
