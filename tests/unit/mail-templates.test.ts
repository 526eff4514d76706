// E-mail templates: the store in a real data folder (defaults until the first change, atomic saves,
// renames, a damaged file reported and never overwritten), and how a template is chosen and rendered.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooseTemplate,
  parseLevel,
  parseTemplateLanguage,
  renderTemplate,
  type MailTemplate,
} from '../../src/shared/mail-templates.js';
import { DEFAULT_TEMPLATES } from '../../src/main/templates/default-templates.js';
import { TemplateStore } from '../../src/main/templates/template-store.js';
import { MailError } from '../../src/main/errors/mail-error.js';
import { tempDir } from '../helpers/temp.js';

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as MailError).code;
  }
  return 'no error';
}

describe('the template store', () => {
  it('serves the shipped defaults until the first change, then keeps them in the file', async () => {
    const home = tempDir('opos-templates-');
    const store = new TemplateStore(home);
    expect((await store.list()).map((t) => t.name)).toEqual(DEFAULT_TEMPLATES.map((t) => t.name));
    await store.save({
      ...(await store.get('mahnung 1')),
      texts: { de: { subject: 'S {{Referenz}}', text: 'T' } },
    });
    const file = JSON.parse(readFileSync(path.join(home, 'templates.json'), 'utf8')) as {
      version: number;
      templates: MailTemplate[];
    };
    expect(file.version).toBe(1);
    expect(file.templates).toHaveLength(5);
    expect(file.templates[0]!.texts).toEqual({
      de: { subject: 'S {{Referenz}}', text: 'T', attachmentName: '' },
    });
  });

  it('renames in place, refuses a name that is taken and invalid templates', async () => {
    const store = new TemplateStore(tempDir('opos-templates-'));
    const first = await store.get('Mahnung 1');
    await store.save({ ...first, name: 'Erinnerung' }, 'Mahnung 1');
    expect((await store.list())[0]!.name).toBe('Erinnerung');
    expect(await code(store.save({ ...first, name: 'mahnung 2' }, 'Erinnerung'))).toBe('templateExists');
    expect(await code(store.save({ ...first, name: 'X', level: undefined }))).toBe('templateInvalid');
    expect(await code(store.save({ ...first, name: 'X', texts: {} }))).toBe('templateInvalid');
    expect(
      await code(
        store.save({
          ...first,
          name: 'X',
          texts: { de: { subject: 'a', text: 'b', attachmentName: 'x.doc' } },
        }),
      ),
    ).toBe('templateInvalid');
    expect(await code(store.remove('gibt es nicht'))).toBe('templateUnknown');
  });

  it('reports a damaged or newer file and never overwrites it', async () => {
    const home = tempDir('opos-templates-');
    const file = path.join(home, 'templates.json');
    writeFileSync(file, '{"version": 1, "templates": [');
    const store = new TemplateStore(home);
    expect(await code(store.list())).toBe('templatesCorrupt');
    expect(await code(store.save(DEFAULT_TEMPLATES[0]))).toBe('templatesCorrupt');
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "templates": [');
    writeFileSync(file, '{"version": 2, "templates": []}');
    expect(await code(store.save(DEFAULT_TEMPLATES[0]))).toBe('templatesNewer');
    expect(readFileSync(file, 'utf8')).toBe('{"version": 2, "templates": []}');
  });
});

describe('choosing and rendering a template', () => {
  const list = [...DEFAULT_TEMPLATES];

  it('chooses by name, else by kind and level', () => {
    expect(chooseTemplate(list, { name: 'letzte mahnung' })).toMatchObject({ template: { level: 'final' } });
    expect(chooseTemplate(list, { kind: 'mahnung', level: '3' })).toMatchObject({
      template: { name: 'Mahnung 3' },
    });
    expect(chooseTemplate(list, { level: '2' })).toMatchObject({ template: { name: 'Mahnung 2' } });
    expect(chooseTemplate(list, { kind: 'zahlungsavis' })).toMatchObject({
      template: { name: 'Zahlungsavis' },
    });
    expect(chooseTemplate(list, { kind: 'mahnung' })).toEqual({
      problem: 'templateMissing',
      params: { kind: 'mahnung', level: '' },
    });
    expect(chooseTemplate(list, { name: 'X' })).toEqual({
      problem: 'templateUnknown',
      params: { name: 'X' },
    });
  });

  it('reads levels and languages as people write them', () => {
    expect(['1', '3', 'letzte', 'Letzte Mahnung', 'final', '4', 'laatste'].map(parseLevel)).toEqual([
      '1',
      '3',
      'final',
      'final',
      'final',
      'final',
      'final',
    ]);
    expect(parseLevel('5')).toBeUndefined();
    expect(['DE', 'en-GB', 'nl_BE', 'Deutsch', 'Englisch', 'Nederlands'].map(parseTemplateLanguage)).toEqual([
      'de',
      'en',
      'nl',
      'de',
      'en',
      'nl',
    ]);
    expect(parseTemplateLanguage('fr')).toBeUndefined();
  });

  it('fills subject, text and attachment name; own texts win; missing values are named', () => {
    const t = list.find((x) => x.name === 'Letzte Mahnung')!;
    const fields = { name: 'Müller', Betrag: '5 €', Fällig: '1.12.2026' };
    expect(renderTemplate(t, 'en', fields, { reference: 'R/7' })).toMatchObject({
      subject: 'Final reminder R/7',
      attachmentName: 'Final_reminder_R_7.pdf',
      missing: [],
    });
    expect(renderTemplate(t, 'de', {}, { subject: 'Eigener {{Mahnstufe}}', reference: 'R' })).toMatchObject({
      subject: 'Eigener letzte Mahnung',
      missing: ['Betrag', 'Fällig'],
    });
    expect(renderTemplate({ ...t, texts: { de: t.texts.de! } }, 'nl', fields)).toBeNull();
  });
});
