// The renderer's entry: one i18next instance (German by default, or the saved / system language)
// and the dialog.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, isLanguage, type Language } from '../shared/i18n/index.js';
import { uiResources } from '../shared/i18n/ui-resources.js';
import { App } from './App.js';

const STORAGE_KEY = 'opos-mail.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : 'de';
}

const i18n = createI18n(initialLanguage(), uiResources);

function Root() {
  const [, setLang] = useState(i18n.language);
  return (
    <I18nextProvider i18n={i18n}>
      <App
        onLanguage={(lang) => {
          localStorage.setItem(STORAGE_KEY, lang);
          void i18n.changeLanguage(lang).then(() => setLang(lang));
        }}
      />
    </I18nextProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
