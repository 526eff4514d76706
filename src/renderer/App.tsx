// The dialog: profile list beside the profile form ("Verbindung"), the "Senden", "Postausgang" and
// "Mahnlauf" views, with the language switch and the guard against losing unsaved changes. A desktop
// window: fixed header and tab bar, the content scrolls (its button bar stays in view), Ctrl+S saves;
// the Mahnlauf's state lives here so a run survives leaving its tab (the tab shows it running).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../shared/errors.js';
import { LANGUAGES, type Language } from '../shared/i18n/types.js';
import type { AppInfo, ProfileList as ProfileListData, ProfileView } from '../shared/ipc/contract.js';
import { errorInfoOf, getApi, unwrap } from './api.js';
import { ErrorBox } from './components/ErrorBox.js';
import { ConfirmModal, Modal } from './components/Modal.js';
import { ProfileEditor, type ProfileEditorHandle } from './components/ProfileEditor.js';
import { ProfileList } from './components/ProfileList.js';
import { BatchView } from './components/BatchView.js';
import { MailTemplatesView } from './components/MailTemplatesView.js';
import { OutboxView } from './components/OutboxView.js';
import { doneCount, useBatchSession } from './batch-session.js';
import { SendView } from './components/SendView.js';
import { SetupAssistant } from './components/setup/SetupAssistant.js';
import {
  TEMPLATE_IDS,
  editableOf,
  fromTemplate,
  uniqueName,
  type EditableProfile,
  type TemplateId,
} from './templates.js';
import { kindAvailableOn, templateValues } from '../shared/connection-kinds.js';
import { appPlatform } from './platform.js';

const TABS = ['settings', 'send', 'outbox', 'batch', 'templates'] as const;
type Tab = (typeof TABS)[number];
type Selection = { kind: 'existing'; name: string } | { kind: 'new'; values: EditableProfile; key: number };

export function App({ onLanguage }: { onLanguage: (lang: Language) => void }) {
  const { t, i18n } = useTranslation();
  const api = getApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [data, setData] = useState<ProfileListData | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [tab, setTab] = useState<Tab>('settings');
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [picker, setPicker] = useState(false);
  const [assistant, setAssistant] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const editor = useRef<ProfileEditorHandle>(null);
  const [newKey, setNewKey] = useState(0);
  const [typedName, setTypedName] = useState('');
  const batch = useBatchSession(api);
  const [focusName, setFocusName] = useState(0);

  // Ctrl+S (Cmd+S) saves the profile form; the browser's "save page" never opens
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (tab === 'settings') void editor.current?.save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tab]);

  // after a template was chosen the new profile's name takes the focus (never <body>)
  useEffect(() => {
    if (focusName) document.getElementById('f-name')?.focus();
  }, [focusName]);

  const reload = useCallback(
    async (select?: string) => {
      if (!api) return;
      const list = await unwrap(api.listProfiles({}));
      setData(list);
      setSelection((s) => {
        const name = select ?? (s?.kind === 'existing' ? s.name : list.active);
        const found =
          list.profiles.find((p) => p.name === name) ?? list.profiles.find((p) => p.name === list.active);
        return found ? { kind: 'existing', name: found.name } : null;
      });
    },
    [api],
  );

  useEffect(() => {
    if (!api) return;
    void (async () => {
      try {
        setInfo(await unwrap(api.appInfo({})));
        await reload();
      } catch (e) {
        setError(errorInfoOf(e));
      }
    })();
  }, [api, reload]);

  // closing the window with unsaved changes: the browser's (or Electron's) leave-page question
  // (a layout effect: the listener is in place in the same commit that shows the form as changed)
  useLayoutEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  useEffect(() => {
    document.title = t('ui:app.title');
    document.documentElement.lang = i18n.language;
  }, [t, i18n.language]);

  if (!api) return <p className="notice notice-error">{t('ui:app.noBridge')}</p>;

  /** Runs `action` now, or after the user decided what to do with unsaved changes. */
  const guarded = (action: () => void) => {
    if (dirty) setPending(() => action);
    else action();
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setBusy(false);
    }
  };

  const profiles = data?.profiles ?? [];
  const selectedProfile: ProfileView | null =
    selection?.kind === 'existing' ? (profiles.find((p) => p.name === selection.name) ?? null) : null;

  const newFrom = (id: TemplateId) => {
    setPicker(false);
    const k = newKey + 1;
    setNewKey(k);
    setSelection({
      kind: 'new',
      key: k,
      values: fromTemplate(
        id,
        uniqueName(
          t(`ui:templates.${id}`),
          profiles.map((p) => p.name),
        ),
      ),
    });
    setTab('settings');
    setFocusName((n) => n + 1);
  };
  /** Another tab: a banner about the last one does not follow. */
  const showTab = (next: Tab) => {
    setError(null);
    setTab(next);
  };

  const langSelect = (
    <label className="lang">
      <span>{t('ui:app.language')}</span>
      <select value={i18n.language} onChange={(e) => onLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`ui:app.languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="app" data-ready={data && info ? 'true' : undefined}>
      <header className="titlebar">
        <h1>{t('ui:app.title')}</h1>
        <div role="tablist" aria-label={t('ui:app.title')} className="tabs">
          {TABS.map((tb, i) => (
            <button
              key={tb}
              type="button"
              role="tab"
              id={`tab-${tb}`}
              aria-selected={tab === tb}
              aria-controls={`panel-${tb}`}
              tabIndex={tab === tb ? 0 : -1}
              onClick={() => guarded(() => showTab(tb))}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  const step = e.key === 'ArrowRight' ? 1 : TABS.length - 1;
                  const next = TABS[(i + step) % TABS.length]!;
                  guarded(() => showTab(next));
                  document.getElementById(`tab-${next}`)?.focus();
                }
              }}
            >
              {t(`ui:app.tabs.${tb}`)}
              {tb === 'batch' && batch.running && batch.run ? (
                <span className="tab-badge" data-testid="batch-running-badge">
                  <span className="pulse" aria-hidden="true" />
                  {t('ui:desk.runningBadge', { done: doneCount(batch.run), total: batch.run.total })}
                </span>
              ) : null}
            </button>
          ))}
        </div>
        {langSelect}
      </header>

      <main className="main-area">
        {error ? <ErrorBox error={error} onDismiss={() => setError(null)} /> : null}
        {!data ? (
          <p className="loading">{t('ui:app.loading')}</p>
        ) : tab === 'settings' ? (
          <div className="layout" id="panel-settings" role="tabpanel" aria-labelledby="tab-settings">
            <ProfileList
              profiles={profiles}
              active={data.active}
              selected={selectedProfile?.name ?? null}
              newName={selection?.kind === 'new' ? typedName : null}
              busy={busy}
              onSelect={(name) => guarded(() => setSelection({ kind: 'existing', name }))}
              onNew={() => guarded(() => setPicker(true))}
              onDuplicate={() =>
                selectedProfile &&
                guarded(
                  () =>
                    void run(async () => {
                      const copy = await unwrap(
                        api.duplicateProfile({
                          name: selectedProfile.name,
                          newName: uniqueName(
                            t('ui:profiles.copyName', { name: selectedProfile.name }),
                            profiles.map((p) => p.name),
                          ),
                        }),
                      );
                      await reload(copy.name);
                    }),
                )
              }
              onUse={() =>
                selectedProfile &&
                void run(async () => {
                  setData(await unwrap(api.useProfile({ name: selectedProfile.name })));
                })
              }
              onDelete={() => setConfirmDelete(true)}
            />
            <section className="content" aria-label={t('ui:form.sections.connection')}>
              {selection?.kind === 'new' ? (
                <ProfileEditor
                  key={`new-${selection.key}`}
                  ref={editor}
                  original={null}
                  initial={selection.values}
                  oauthAvailable={info?.oauthAvailable ?? false}
                  oauthBuiltIn={info?.oauthBuiltIn}
                  onDirtyChange={setDirty}
                  onNameChange={setTypedName}
                  onCancelNew={() => {
                    setDirty(false);
                    setSelection(null);
                    void reload(data.active);
                  }}
                  onSaved={(saved) => {
                    setDirty(false);
                    void reload(saved.name);
                  }}
                />
              ) : selectedProfile ? (
                <ProfileEditor
                  key={`${selectedProfile.id}-${JSON.stringify(selectedProfile)}`}
                  ref={editor}
                  original={selectedProfile}
                  initial={editableOf(selectedProfile)}
                  oauthAvailable={info?.oauthAvailable ?? false}
                  oauthBuiltIn={info?.oauthBuiltIn}
                  onDirtyChange={setDirty}
                  onCancelNew={() => undefined}
                  onSaved={(saved) => {
                    setDirty(false);
                    void reload(saved.name);
                  }}
                />
              ) : null}
            </section>
          </div>
        ) : tab === 'send' ? (
          <div className="layout single" id="panel-send" role="tabpanel" aria-labelledby="tab-send">
            <SendView profiles={profiles} active={data.active} />
          </div>
        ) : tab === 'outbox' ? (
          <div className="layout wide" id="panel-outbox" role="tabpanel" aria-labelledby="tab-outbox">
            <OutboxView />
          </div>
        ) : tab === 'templates' ? (
          <div className="layout" id="panel-templates" role="tabpanel" aria-labelledby="tab-templates">
            <MailTemplatesView
              language={
                (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'de'
              }
            />
          </div>
        ) : (
          <div className="layout wide" id="panel-batch" role="tabpanel" aria-labelledby="tab-batch">
            <BatchView profiles={profiles} active={data.active} session={batch} />
          </div>
        )}
      </main>

      {picker ? (
        <Modal
          title={t('ui:templates.heading')}
          onClose={() => setPicker(false)}
          testId="template-picker"
          actions={
            <button type="button" onClick={() => setPicker(false)}>
              {t('ui:form.cancel')}
            </button>
          }
        >
          <ul className="templates">
            <li>
              <button
                type="button"
                onClick={() => {
                  setPicker(false);
                  setAssistant(true);
                }}
                aria-describedby="tpl-setup-desc"
              >
                <strong>{t('setup:assistant.entry')}</strong>
                <span id="tpl-setup-desc">{t('setup:assistant.entryDescription')}</span>
              </button>
            </li>
            {TEMPLATE_IDS.map((id) => (
              <li key={id}>
                <button
                  type="button"
                  onClick={() => newFrom(id)}
                  aria-describedby={`tpl-${id}-desc`}
                  // a kind that works only elsewhere (Windows-Standard, Outlook) is listed, not offered
                  disabled={!kindAvailableOn(templateValues(id).connection ?? 'smtp', appPlatform())}
                >
                  <strong>{t(`ui:templates.${id}`)}</strong>
                  <span id={`tpl-${id}-desc`}>{t(`ui:templates.descriptions.${id}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </Modal>
      ) : null}

      {assistant ? (
        <SetupAssistant
          existingNames={profiles.map((p) => p.name)}
          onClose={() => setAssistant(false)}
          onCreated={(name) => {
            setAssistant(false);
            setTab('settings');
            void reload(name);
          }}
          onManual={() => {
            setAssistant(false);
            newFrom('smtp');
          }}
        />
      ) : null}

      {confirmDelete && selectedProfile ? (
        <ConfirmModal
          title={t('ui:profiles.deleteTitle')}
          testId="confirm-delete"
          cancelLabel={t('ui:form.cancel')}
          confirmLabel={t('ui:profiles.deleteConfirm')}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false);
            setDirty(false);
            void run(async () => {
              const list = await unwrap(api.removeProfile({ name: selectedProfile.name }));
              setData(list);
              setSelection({ kind: 'existing', name: list.active });
            });
          }}
        >
          <p>{t('ui:profiles.deleteText', { name: selectedProfile.name })}</p>
        </ConfirmModal>
      ) : null}

      {pending ? (
        <Modal
          title={t('ui:guard.title')}
          onClose={() => setPending(null)}
          testId="unsaved-guard"
          actions={
            <>
              <button type="button" autoFocus onClick={() => setPending(null)}>
                {t('ui:guard.stay')}
              </button>
              <button
                type="button"
                onClick={() => {
                  const action = pending;
                  setPending(null);
                  setDirty(false);
                  action();
                }}
              >
                {t('ui:guard.discard')}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const action = pending;
                  setPending(null);
                  void editor.current?.save().then((ok) => {
                    if (ok) action();
                  });
                }}
              >
                {t('ui:guard.save')}
              </button>
            </>
          }
        >
          <p>
            {t('ui:guard.text', {
              name: selection?.kind === 'new' ? typedName : (selectedProfile?.name ?? ''),
            })}
          </p>
        </Modal>
      ) : null}
    </div>
  );
}
