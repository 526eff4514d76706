// One number field of the form (port, sizes, limits): what is typed stays as typed, and a text that is
// not a whole number in range is refused at the field (never clamped) until it is corrected. The form
// keeps the refused text (`raw`), so it can refuse to save while one is shown.
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Field } from './Field.js';

interface Props {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  /** The refused text while the field holds one; undefined when the value is valid. */
  raw: string | undefined;
  onRaw: (raw: string | undefined) => void;
  onValue: (value: number) => void;
  /** An empty field means this value (e.g. the port 0 = the mode's default); else empty is refused. */
  emptyAs?: number;
  /** An identifier such as a port: the range is written without thousands separators. */
  plain?: boolean;
  disabledReason?: string | null;
  help?: ReactNode;
  placeholder?: string;
}

export function NumberField(p: Props) {
  const { t, i18n } = useTranslation();
  const fmt = (n: number) => (p.plain ? n : n.toLocaleString(i18n.language));
  const error =
    p.raw !== undefined ? t('ui:throttle.invalidNumber', { min: fmt(p.min), max: fmt(p.max) }) : null;
  const shown = p.raw ?? (p.emptyAs !== undefined && p.value === p.emptyAs ? '' : String(p.value));
  return (
    <Field id={p.id} label={p.label} disabledReason={p.disabledReason} error={error} help={p.help}>
      {(c) => (
        <input
          {...c}
          className="short"
          inputMode="numeric"
          type="text"
          placeholder={p.disabledReason ? '' : p.placeholder}
          // a field that does not apply is shown empty, never with a value that does not count
          value={p.disabledReason ? '' : shown}
          onChange={(e) => {
            if (p.disabledReason) return;
            const text = e.target.value.trim();
            if (text === '' && p.emptyAs !== undefined) {
              p.onRaw(undefined);
              p.onValue(p.emptyAs);
              return;
            }
            const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
            if (n >= p.min && n <= p.max) {
              p.onRaw(undefined);
              p.onValue(n);
            } else p.onRaw(e.target.value);
          }}
        />
      )}
    </Field>
  );
}
