// "Vorlagen": the e-mail templates per kind, Mahnstufe and language — the list, the editor and a live
// preview with sample data. Saved through the core (the same file the CLI uses).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n/types.js';
import { sameTemplateName, type MailTemplate } from '../../shared/mail-templates.js';
import { errorInfoOf, getApi, unwrap } from '../api.js';
import { ErrorBox } from './ErrorBox.js';
import { MailTemplateEditor } from './MailTemplateEditor.js';
import { MailTemplateList } from './MailTemplateList.js';
import { MailTemplatePreview } from './MailTemplatePreview.js';
import { ConfirmModal } from './Modal.js';

/** What the editor shows: a saved template (by its stored name) or a new one. */
type Editing = { savedName: string | null; draft: MailTemplate };

export function MailTemplatesView({ language: uiLanguage }: { language: Language }) {
  const { t } = useTranslation();
  const api = getApi()!;
  const [templates, setTemplates] = useState<MailTemplate[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const select = (list: MailTemplate[], name: string | null) => {
    const found = name ? list.find((x) => sameTemplateName(x.name, name)) : list[0];
    setEditing(found ? { savedName: found.name, draft: structuredClone(found) } : null);
  };

  useEffect(() => {
    void (async () => {
      try {
        const list = await unwrap(api.listMailTemplates({}));
        setTemplates(list);
        select(list, null);
      } catch (e) {
        setError(errorInfoOf(e));
      }
    })();
  }, [api]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await action();
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    run(async () => {
      if (!editing) return;
      const stored = await unwrap(
        api.saveMailTemplate({
          template: editing.draft,
          ...(editing.savedName ? { previousName: editing.savedName } : {}),
        }),
      );
      const list = await unwrap(api.listMailTemplates({}));
      setTemplates(list);
      select(list, stored.name);
      setSaved(stored.name);
    });

  const remove = () =>
    run(async () => {
      setConfirmDelete(false);
      if (!editing?.savedName) return;
      const list = await unwrap(api.removeMailTemplate({ name: editing.savedName }));
      setTemplates(list);
      select(list, null);
    });

  if (!templates)
    return error ? <ErrorBox error={error} /> : <p className="loading">{t('ui:app.loading')}</p>;
  return (
    <>
      <MailTemplateList
        templates={templates}
        selected={editing?.savedName ?? null}
        newName={editing && !editing.savedName ? editing.draft.name : null}
        busy={busy}
        onSelect={(name) => select(templates, name)}
        onNew={() =>
          setEditing({
            savedName: null,
            draft: {
              name: t('ui:mailTemplates.newName'),
              kind: 'mahnung',
              level: '1',
              texts: { [language]: { subject: '', text: '', attachmentName: '' } },
            },
          })
        }
        onDelete={() => setConfirmDelete(true)}
      />
      <section className="content" aria-label={t('ui:mailTemplates.heading')}>
        {editing ? (
          <form
            className="editor"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <MailTemplateEditor
              template={editing.draft}
              language={language}
              onLanguage={setLanguage}
              onChange={(draft) => setEditing({ ...editing, draft })}
            />
            <MailTemplatePreview template={editing.draft} language={language} />
            <div className="results" aria-live="polite">
              {saved ? (
                <p className="notice notice-success" role="status">
                  {t('ui:mailTemplates.saved', { name: saved })}
                </p>
              ) : null}
              {error ? <ErrorBox error={error} /> : null}
            </div>
            <div className="button-bar">
              <span className="spacer" />
              <button type="submit" className="primary" disabled={busy}>
                {t('ui:mailTemplates.save')}
              </button>
            </div>
          </form>
        ) : error ? (
          <ErrorBox error={error} />
        ) : null}
      </section>
      {confirmDelete && editing?.savedName ? (
        <ConfirmModal
          title={t('ui:mailTemplates.confirmDelete', { name: editing.savedName })}
          cancelLabel={t('ui:form.cancel')}
          confirmLabel={t('ui:mailTemplates.delete')}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => void remove()}
          testId="confirm-delete-template"
        >
          {null}
        </ConfirmModal>
      ) : null}
    </>
  );
}
