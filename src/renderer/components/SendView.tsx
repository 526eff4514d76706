// "Senden": recipients (with display names), subject, text, kind and PDF attachments (dialog or drag
// and drop), with the total encoded size against the profile's limit; shows the wait with its elapsed
// time and an Abbrechen, then the result (amber when recipients were refused) or the error. After a
// send the form is cleared, so one more click cannot send the same Mahnung again.
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidRecipient, splitAddressList } from '../../shared/address.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { AttachmentHandle, ProfileView } from '../../shared/ipc/contract.js';
import type { SendResult } from '../../shared/mail.js';
import { estimateMessageSize } from '../../shared/message-size.js';
import { placeholdersOf } from '../../shared/placeholders.js';
import { MAIL_KINDS, type MailKind } from '../../shared/profile.js';
import { errorInfoOf, getApi, unwrap } from '../api.js';
import { formatSize, sizeUnit } from '../format.js';
import { ErrorBox } from './ErrorBox.js';
import { MailTemplatePicker } from './MailTemplatePicker.js';
import { Field } from './Field.js';
import { ProfileOptions } from './ProfileOptions.js';
import { SendResultView } from './SendResultView.js';
import { newOperationId, WaitNotice } from './WaitNotice.js';

interface Props {
  profiles: ProfileView[];
  active: string;
}

type AddressField = 'to' | 'cc' | 'bcc';

export function SendView({ profiles, active }: Props) {
  const { t, i18n } = useTranslation();
  const api = getApi()!;
  const [profileName, setProfileName] = useState(active);
  const [addr, setAddr] = useState<Record<AddressField, string>>({ to: '', cc: '', bcc: '' });
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<MailKind>('mahnung');
  const [files, setFiles] = useState<AttachmentHandle[]>([]);
  const [reference, setReference] = useState('');
  const [picking, setPicking] = useState(false);
  /** This message's receipts; null = the profile's setting. */
  const [receipts, setReceipts] = useState<{ delivery: boolean | null; read: boolean | null }>({
    delivery: null,
    read: null,
  });
  const [dragging, setDragging] = useState(false);
  const [sending, setSending] = useState<{ since: number; operationId: string } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [submitted, setSubmitted] = useState(false);
  const [result, setResult] = useState<SendResult | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const profile = profiles.find((p) => p.name === profileName) ?? profiles[0];
  const limitBytes = profile && profile.maxSizeKb > 0 ? profile.maxSizeKb * 1024 : 0;
  // the same estimate as the batch pre-check (quoted-printable's real size for the text)
  const total = estimateMessageSize({ subject, text, attachments: files });
  const unfilled = placeholdersOf(`${subject}\n${text}`);
  const receipt = (which: 'delivery' | 'read') =>
    receipts[which] ??
    (which === 'delivery'
      ? Boolean(profile?.messages.deliveryReceipt)
      : Boolean(profile?.messages.readReceipt));
  const tooLarge = limitBytes > 0 && total > limitBytes;
  // one unit for the attachments, the total and the limit (from the total, the largest of them)
  const unit = sizeUnit(total);
  const size = (n: number) => formatSize(t, n, i18n.language, unit);

  const addressProblem = (field: AddressField): string | null => {
    if (!submitted && !addr[field]) return null;
    const list = splitAddressList(addr[field]);
    if (field === 'to' && submitted && list.length === 0) return t('ui:send.toRequired');
    const bad = list.find((a) => !isValidRecipient(a));
    return bad ? t('ui:send.invalidAddress', { address: bad }) : null;
  };

  async function add(handles: Promise<AttachmentHandle[]>) {
    setError(null);
    try {
      const added = await handles;
      setFiles((f) => [...f, ...added]);
    } catch (e) {
      setError(errorInfoOf(e));
    }
  }
  function remove(token: string) {
    setFiles((f) => f.filter((x) => x.token !== token));
    void api.releaseAttachments({ tokens: [token] });
  }
  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const dropped = Array.from(e.dataTransfer.files);
    if (dropped.length) void add(unwrap(api.addDroppedFiles(dropped)));
  }

  /** The first field with a problem (as the submitted form would show it), or null. */
  function firstInvalid(): AddressField | null {
    for (const f of ['to', 'cc', 'bcc'] as const) {
      const list = splitAddressList(addr[f]);
      if ((f === 'to' && !list.length) || list.some((a) => !isValidRecipient(a))) return f;
    }
    return null;
  }

  function clearForm() {
    const tokens = files.map((f) => f.token);
    if (tokens.length) void api.releaseAttachments({ tokens });
    setAddr({ to: '', cc: '', bcc: '' });
    setSubject('');
    setText('');
    setReference('');
    setFiles([]);
    setSubmitted(false);
  }

  async function send() {
    setSubmitted(true);
    setResult(null);
    setError(null);
    const invalid = firstInvalid();
    if (invalid) {
      // the error is shown at the field; the focus goes there
      formRef.current?.querySelector<HTMLInputElement>(`#s-${invalid}`)?.focus();
      return;
    }
    if (!profile) return;
    const operationId = newOperationId();
    setSending({ since: Date.now(), operationId });
    setCancelling(false);
    try {
      const sent = await unwrap(
        api.send({
          profile: profile.name,
          operationId,
          draft: {
            to: splitAddressList(addr.to),
            cc: splitAddressList(addr.cc),
            bcc: splitAddressList(addr.bcc),
            subject,
            text,
            kind,
            ...(reference.trim() ? { reference: reference.trim() } : {}),
            attachments: files.map((f) => f.token),
            receipts: { delivery: receipt('delivery'), read: receipt('read') },
          },
        }),
      );
      setResult(sent);
      clearForm();
      // the result is below the form: bring it into view (a small window would hide it)
      requestAnimationFrame(() =>
        formRef.current?.querySelector('[data-testid="send-result"]')?.scrollIntoView({ block: 'nearest' }),
      );
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setSending(null);
      setCancelling(false);
    }
  }

  function cancel() {
    if (!sending) return;
    setCancelling(true);
    void api.cancelOperation({ operationId: sending.operationId });
  }

  const oauthDialog = profile?.auth === 'oauth' && profile.oauth.mode === 'dialog';
  return (
    <form
      ref={formRef}
      className="editor send"
      aria-labelledby="send-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2 id="send-title" className="visually-hidden">
        {t('ui:send.heading')}
      </h2>
      <div className="scroll-area">
        <fieldset disabled={Boolean(sending)}>
          <legend>{t('ui:send.heading')}</legend>
          <Field id="s-profile" label={t('ui:send.profile')}>
            {(c) => (
              <select {...c} value={profile?.name ?? ''} onChange={(e) => setProfileName(e.target.value)}>
                <ProfileOptions profiles={profiles} active={active} />
              </select>
            )}
          </Field>
          {(['to', 'cc', 'bcc'] as const).map((f) => (
            <Field
              key={f}
              id={`s-${f}`}
              label={t(`ui:send.${f}`)}
              error={addressProblem(f)}
              required={f === 'to'}
              help={f === 'to' ? t('ui:send.addressHelp') : null}
            >
              {(c) => (
                <input
                  {...c}
                  type="text"
                  spellCheck={false}
                  value={addr[f]}
                  onChange={(e) => setAddr((a) => ({ ...a, [f]: e.target.value }))}
                />
              )}
            </Field>
          ))}
          <div className="field" role="radiogroup" aria-labelledby="s-kind-label">
            <span className="label" id="s-kind-label">
              {t('ui:send.kind')}
            </span>
            <div className="control radios horizontal">
              {MAIL_KINDS.map((k) => (
                <div key={k} className="radio">
                  <input
                    type="radio"
                    id={`s-kind-${k}`}
                    name="kind"
                    checked={kind === k}
                    onChange={() => setKind(k)}
                  />
                  <label htmlFor={`s-kind-${k}`}>{t(`ui:send.kinds.${k}`)}</label>
                </div>
              ))}
            </div>
          </div>
          <Field id="s-reference" label={t('ui:mailTemplates.reference')}>
            {(c) => (
              <input {...c} type="text" value={reference} onChange={(e) => setReference(e.target.value)} />
            )}
          </Field>
          <div className="field">
            <div className="label-cell" />
            <div className="control">
              <button type="button" onClick={() => setPicking(true)}>
                {t('ui:mailTemplates.pick')}
              </button>
            </div>
          </div>
          <Field id="s-subject" label={t('ui:send.subject')}>
            {(c) => <input {...c} type="text" value={subject} onChange={(e) => setSubject(e.target.value)} />}
          </Field>
          <Field id="s-text" label={t('ui:send.text')}>
            {(c) => <textarea {...c} rows={6} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          {unfilled.length ? (
            <p className="notice notice-warning" role="status" data-testid="unfilled-placeholders">
              {t('ui:mailTemplates.unfilled', { names: unfilled.map((n) => `{{${n}}}`).join(', ') })}
            </p>
          ) : null}
          {(['delivery', 'read'] as const).map((which) => (
            <Field key={which} id={`s-receipt-${which}`} label={t(`ui:messageSettings.${which}Receipt`)}>
              {(c) => (
                <label className="check">
                  <input
                    {...c}
                    type="checkbox"
                    checked={receipt(which)}
                    onChange={(e) => setReceipts((r) => ({ ...r, [which]: e.target.checked }))}
                  />{' '}
                  {t(`ui:messageSettings.${which}Receipt`)}
                </label>
              )}
            </Field>
          ))}
          <div className="field">
            <span className="label" id="s-attachments-label">
              {t('ui:send.attachments')}
            </span>
            <div className="control">
              <div
                className={`dropzone${dragging ? ' dragging' : ''}`}
                data-testid="dropzone"
                onDragOver={(e) => {
                  e.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={onDrop}
              >
                {files.length ? (
                  <ul className="attachments" aria-labelledby="s-attachments-label">
                    {files.map((f) => (
                      <li key={f.token}>
                        <span className="file-icon" aria-hidden="true">
                          PDF
                        </span>
                        <span className="file-name">{f.name}</span>
                        <span className="file-size">{size(f.size)}</span>
                        <button
                          type="button"
                          className="link"
                          aria-label={t('ui:send.remove', { name: f.name })}
                          onClick={() => remove(f.token)}
                        >
                          {t('ui:send.removeShort')}
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="help">{t('ui:send.dropHere')}</p>
                )}
                <button type="button" onClick={() => void add(unwrap(api.chooseAttachments({})))}>
                  {t('ui:send.addPdf')}
                </button>
              </div>
              <div className={`total${tooLarge ? ' over' : ''}`} data-testid="total-size">
                {limitBytes
                  ? t('ui:send.totalLimit', {
                      size: size(total),
                      limit: size(limitBytes),
                    })
                  : t('ui:send.total', { size: size(total) })}
              </div>
              {tooLarge ? <div className="field-error">{t('ui:send.tooLarge')}</div> : null}
            </div>
          </div>
        </fieldset>

        <div className="results" aria-live="polite">
          {result ? <SendResultView result={result} /> : null}
          {error ? <ErrorBox error={error} /> : null}
        </div>
      </div>
      <div className="button-bar">
        {sending ? (
          <WaitNotice
            text={oauthDialog ? t('ui:send.sendingOAuth') : t('ui:send.sending')}
            since={sending.since}
            cancelling={cancelling}
            onCancel={cancel}
            testId="send-wait"
          />
        ) : null}
        <span className="spacer" />
        <button type="submit" className="primary" disabled={Boolean(sending) || tooLarge}>
          {t('ui:send.submit')}
        </button>
      </div>
      {picking ? (
        <MailTemplatePicker
          reference={reference}
          onClose={() => setPicking(false)}
          onPick={(picked) => {
            setSubject(picked.subject);
            setText(picked.text);
            setKind(picked.kind);
            setPicking(false);
          }}
        />
      ) : null}
    </form>
  );
}
