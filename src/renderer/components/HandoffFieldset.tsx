// "Übergabe an das Mailprogramm": the settings of the hand-off kinds (compose window or direct send, the
// largest batch allowed). Other kinds show it disabled with the kind's reason from the registry.
import { useTranslation } from 'react-i18next';
import { kindSpec } from '../../shared/connection-kinds.js';
import { HANDOFF_MODES, type HandoffSettings } from '../../shared/profile.js';
import type { EditableProfile } from '../templates.js';
import { Field } from './Field.js';

interface Props {
  values: EditableProfile;
  /** Why the fieldset does not apply to the profile's kind; null when it does. */
  reason: string | null;
  onChange: (handoff: HandoffSettings) => void;
}

export function HandoffFieldset({ values, reason, onChange }: Props) {
  const { t } = useTranslation();
  const modes = kindSpec(values.connection).handoffModes;
  const modeReason = reason ?? (modes.length < 2 ? t('ui:handoff.modeOnlyCompose') : null);
  const set = (patch: Partial<HandoffSettings>) => {
    if (!reason) onChange({ ...values.handoff, ...patch });
  };
  return (
    <fieldset data-testid="handoff-fieldset">
      <legend>{t('ui:form.sections.handoff')}</legend>
      <Field id="f-handoff-mode" label={t('ui:handoff.mode')} disabledReason={modeReason}>
        {(c) => (
          <select
            {...c}
            value={modes.includes(values.handoff.mode) ? values.handoff.mode : 'compose'}
            onChange={(e) => {
              if (!modeReason) set({ mode: e.target.value as HandoffSettings['mode'] });
            }}
          >
            {HANDOFF_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`ui:handoff.modes.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="f-handoff-maxBatchRows"
        label={t('ui:handoff.maxBatchRows')}
        disabledReason={reason}
        help={reason ? null : t('ui:handoff.maxBatchRowsHelp')}
      >
        {(c) => (
          <input
            {...c}
            className="short"
            inputMode="numeric"
            type="text"
            value={reason ? '' : String(values.handoff.maxBatchRows)}
            onChange={(e) => {
              const digits = e.target.value.replace(/\D/g, '').slice(0, 5);
              set({ maxBatchRows: Math.min(Math.max(Number(digits) || 1, 1), 10_000) });
            }}
          />
        )}
      </Field>
      {reason ? null : <p className="notice notice-info">{t('ui:handoff.note')}</p>}
    </fieldset>
  );
}
