// "Verbindungsdaten": server, port, security, an own certificate authority and the largest message.
// The port follows the security mode (587 ↔ 465), is refused (never clamped) when it is not a port,
// and a warning says when port and mode contradict each other. Fields that do not apply are empty.
import { useTranslation } from 'react-i18next';
import { SECURITY_MODES, defaultPort, mayEndInPlainText, type ProfileField } from '../../shared/profile.js';
import type { EditableProfile } from '../templates.js';
import { Field } from './Field.js';
import { NumberField } from './NumberField.js';
import { fieldKey as key, type ProfileForm } from './profile-form.js';

/** Port 465 speaks TLS from the first byte, 587 expects STARTTLS: the other mode cannot work there. */
function portContradicts(security: EditableProfile['security'], port: number): boolean {
  return (security === 'StartTls' && port === 465) || (security === 'SslOnConnect' && port === 587);
}

/**
 * The port a mode suggests when the security changes: StartTls 587, SslOnConnect 465 – when the port
 * was empty, 25 or the other mode's port; any other port the user chose stays.
 */
function suggestedPort(mode: EditableProfile['security'], port: number): number {
  if (mode === 'StartTls' && [0, 25, 465].includes(port)) return 587;
  if (mode === 'SslOnConnect' && [0, 25, 587].includes(port)) return 465;
  return port;
}

interface Props {
  form: ProfileForm;
  onChooseCa: () => void;
}

export function ProfileConnectionFieldset({ form, onChooseCa }: Props) {
  const { t } = useTranslation();
  const { values, set, reason } = form;
  const port = defaultPort(values.security);
  // a field that does not apply is shown empty (never with a value that does not count)
  const shown = (field: ProfileField, value: string) => (reason(field) ? '' : value);
  return (
    <fieldset>
      <legend>{t('ui:form.sections.connection')}</legend>
      <Field
        id="f-host"
        label={t(key('host'))}
        disabledReason={reason('host')}
        error={form.problemFor('host')}
        required
      >
        {(c) => (
          <input
            {...c}
            type="text"
            value={shown('host', values.host)}
            spellCheck={false}
            onChange={(e) => {
              if (!reason('host')) set('host', e.target.value);
            }}
          />
        )}
      </Field>
      <NumberField
        id="f-port"
        label={t(key('port'))}
        value={values.port}
        min={1}
        max={65535}
        emptyAs={0}
        plain
        raw={form.raw.port}
        onRaw={(raw) => form.setRaw('port', raw)}
        onValue={(n) => set('port', n)}
        disabledReason={reason('port')}
        help={reason('port') ? null : t('ui:form.portHelp', { port })}
        placeholder={t('ui:form.portPlaceholder', { port })}
      />
      <Field
        id="f-security"
        label={t(key('security'))}
        disabledReason={reason('security')}
        help={reason('security') ? null : t(`ui:form.security.${values.security}`)}
      >
        {(c) => (
          <select
            {...c}
            value={shown('security', values.security)}
            onChange={(e) => {
              if (reason('security')) return;
              const mode = e.target.value as EditableProfile['security'];
              form.setValues((v) => ({
                ...v,
                security: mode,
                // the port follows the mode it belongs to (587 ↔ 465); another port stays as typed
                port: suggestedPort(mode, v.port),
              }));
              form.touch('security');
            }}
          >
            {reason('security') ? <option value="" /> : null}
            {SECURITY_MODES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!reason('security') && portContradicts(values.security, values.port) ? (
        <p className="notice notice-warning" role="note" data-testid="port-warning">
          {t('ui:desk.portContradicts', { port: values.port, mode: values.security })}
        </p>
      ) : null}
      {!reason('security') && mayEndInPlainText(values.security) ? (
        <p className="notice notice-warning" role="note" data-testid="plain-warning">
          {t('ui:form.plainWarning')}
        </p>
      ) : null}
      <Field
        id="f-caFile"
        label={t(key('caFile'))}
        disabledReason={reason('caFile')}
        help={reason('caFile') ? null : t('ui:form.caFileHelp')}
      >
        {(c) => (
          <div className="inline">
            <input
              {...c}
              type="text"
              readOnly
              value={shown('caFile', values.caFile)}
              placeholder={reason('caFile') ? '' : t('ui:form.caFileNone')}
              className="grow"
            />
            <button type="button" disabled={Boolean(reason('caFile'))} onClick={onChooseCa}>
              {t('ui:form.caFileChoose')}
            </button>
            {values.caFile && !reason('caFile') ? (
              <button type="button" onClick={() => set('caFile', '')}>
                {t('ui:form.caFileClear')}
              </button>
            ) : null}
          </div>
        )}
      </Field>
      <NumberField
        id="f-maxSizeKb"
        label={t(key('maxSizeKb'))}
        value={values.maxSizeKb}
        min={0}
        max={10_000_000}
        raw={form.raw.maxSizeKb}
        onRaw={(raw) => form.setRaw('maxSizeKb', raw)}
        onValue={(n) => set('maxSizeKb', n)}
        disabledReason={reason('maxSizeKb')}
        help={reason('maxSizeKb') ? null : t('ui:form.maxSizeHelp')}
      />
    </fieldset>
  );
}
