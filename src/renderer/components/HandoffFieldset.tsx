// "Übergabe an das Mailprogramm": the settings of the hand-off kinds (compose window or direct send, the
// largest batch allowed). Other kinds show it disabled with the kind's reason from the registry.
import { useTranslation } from 'react-i18next';
import { kindSpec } from '../../shared/connection-kinds.js';
import { HANDOFF_MODES, type HandoffSettings } from '../../shared/profile.js';
import type { EditableProfile } from '../templates.js';
import { Field } from './Field.js';
import { NumberField } from './NumberField.js';

interface Props {
  values: EditableProfile;
  /** Why the fieldset does not apply to the profile's kind; null when it does. */
  reason: string | null;
  onChange: (handoff: HandoffSettings) => void;
  /** The refused text of the largest-batch field (see NumberField). */
  raw: string | undefined;
  onRaw: (raw: string | undefined) => void;
}

export function HandoffFieldset({ values, reason, onChange, raw, onRaw }: Props) {
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
            className="wide"
            value={reason ? '' : modes.includes(values.handoff.mode) ? values.handoff.mode : 'compose'}
            onChange={(e) => {
              if (!modeReason) set({ mode: e.target.value as HandoffSettings['mode'] });
            }}
          >
            {reason ? <option value="" /> : null}
            {HANDOFF_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`ui:handoff.modes.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NumberField
        id="f-handoff-maxBatchRows"
        label={t('ui:handoff.maxBatchRows')}
        value={values.handoff.maxBatchRows}
        min={1}
        max={10_000}
        raw={raw}
        onRaw={onRaw}
        onValue={(maxBatchRows) => set({ maxBatchRows })}
        disabledReason={reason}
        help={reason ? null : t('ui:handoff.maxBatchRowsHelp')}
      />
      {reason ? null : <p className="notice notice-info">{t('ui:handoff.note')}</p>}
      {/* "direkt senden": the mail program may ask once per message (Outlook's security prompt) */}
      {reason || modes.length < 2 || values.handoff.mode !== 'send' ? null : (
        <p className="notice notice-info" data-testid="handoff-direct-note">
          {t('ui:handoff.directSendNote')}
        </p>
      )}
    </fieldset>
  );
}
