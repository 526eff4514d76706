// The connection-kind registry: every kind has its words in every language, its "Neu …" entries, a
// transport, and the fields and checks it declares; a kind's own rules come from its entry.
import { describe, expect, it } from 'vitest';
import {
  CONNECTION_KIND_SPECS,
  TEMPLATE_IDS,
  disabledReasonKey,
  fieldApplies,
  kindAvailableOn,
} from '../../src/shared/connection-kinds.js';
import { createI18n } from '../../src/shared/i18n/index.js';
import { uiResources } from '../../src/shared/i18n/ui-resources.js';
import { CONNECTION_KINDS, PROFILE_FIELDS, profileSchema } from '../../src/shared/profile.js';
import { profileProblems } from '../../src/shared/profile-problems.js';
import { TRANSPORTS } from '../../src/main/transports/registry.js';

const FIELDS = PROFILE_FIELDS;

describe('connection kinds', () => {
  for (const lang of ['de', 'en', 'nl'] as const) {
    const t = createI18n(lang, { [lang]: uiResources[lang] }).t;
    it(`every kind, reason and "Neu …" entry has its words in ${lang}`, () => {
      const keys: string[] = [];
      for (const kind of CONNECTION_KINDS) {
        keys.push(`core:kinds.${kind}`, `ui:form.kindHelp.${kind}`);
        for (const field of FIELDS)
          for (const auth of ['none', 'password', 'oauth'] as const) {
            const key = disabledReasonKey(kind, field, auth);
            if (key) keys.push(key);
          }
      }
      for (const id of TEMPLATE_IDS) keys.push(`ui:templates.${id}`, `ui:templates.descriptions.${id}`);
      for (const key of new Set(keys)) {
        const text = t(key);
        expect(text, key).not.toBe(key.replace(/^\w+:/, ''));
        expect(text.length, key).toBeGreaterThan(1);
      }
    });
  }

  it('has a transport for every kind, and every kind its "Neu …" entries of its own kind', () => {
    expect(Object.keys(TRANSPORTS).sort()).toEqual([...CONNECTION_KINDS].sort());
    for (const kind of CONNECTION_KINDS)
      for (const values of Object.values(CONNECTION_KIND_SPECS[kind].templates))
        expect(values.connection).toBe(kind);
  });

  it('fields that do not apply follow the entry and the chosen sign-in', () => {
    expect(fieldApplies('graph', 'host')).toBe(false);
    expect(fieldApplies('graph', 'oauth')).toBe(true);
    expect(fieldApplies('smtp', 'password', 'none')).toBe(false);
    expect(fieldApplies('smtp', 'password', 'password')).toBe(true);
    expect(fieldApplies('smtp', 'handoff')).toBe(false);
    expect(fieldApplies('system-mail', 'handoff')).toBe(true);
    expect(fieldApplies('system-mail', 'host')).toBe(false);
    expect(fieldApplies('system-mail', 'password', 'password')).toBe(false);
    expect(disabledReasonKey('system-mail', 'security', 'none')).toBe('ui:disabled.kinds.system-mail');
    expect(disabledReasonKey('smtp', 'password', 'oauth')).toBe('ui:disabled.notPassword');
    // unencrypted login: only a password may be allowed to go in plain text, never an OAuth token
    expect(fieldApplies('smtp', 'allowPlaintextAuth', 'password')).toBe(true);
    expect(fieldApplies('smtp', 'allowPlaintextAuth', 'oauth')).toBe(false);
    expect(disabledReasonKey('smtp', 'allowPlaintextAuth', 'oauth')).toBe('ui:formPolish.plainNeverOAuth');
    expect(disabledReasonKey('smtp', 'allowPlaintextAuth', 'none')).toBe('ui:disabled.noAuth');
    expect(kindAvailableOn('system-mail', 'linux')).toBe(true);
  });

  it('a hand-off profile needs no sender and no server, and refuses a login', () => {
    const base = { id: 'profile-0001', name: 'Desk', connection: 'system-mail' as const };
    expect(profileProblems(profileSchema.parse({ ...base, auth: 'none' }))).toEqual([]);
    expect(profileProblems(profileSchema.parse({ ...base, auth: 'password', user: 'x' }))).toEqual([
      { field: 'auth', code: 'authNotUsed' },
    ]);
    expect(profileSchema.parse(base).handoff).toEqual({ mode: 'compose', maxBatchRows: 20 });
  });
});
