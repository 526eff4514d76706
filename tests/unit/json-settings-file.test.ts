// The data folder's settings files (profiles.json, templates.json) after a crash in the middle of a
// write: the half-written temp file is gone after the next change, and the file itself is whole. The
// template list used to keep such temp files forever (only the profile list removed them).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../src/main/profiles/profile-store.js';
import { TemplateStore } from '../../src/main/templates/template-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataFolder(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'opos-settings-'));
  dirs.push(d);
  return d;
}

describe('a settings file after a crash during its write', () => {
  it('templates.json: the next save removes the temp file and the list stays whole', async () => {
    const home = dataFolder();
    const store = new TemplateStore(home);
    const [first] = await store.list();
    writeFileSync(path.join(home, '.templates.json.0123456789ab.tmp'), '{"version": 1, "templ');
    await store.save({ ...first!, name: 'Mahnung Kopie' });
    expect(readdirSync(home).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await new TemplateStore(home).list()).map((t) => t.name)).toContain('Mahnung Kopie');
  });

  it('profiles.json: the same', async () => {
    const home = dataFolder();
    const store = new ProfileStore(home);
    await store.read();
    writeFileSync(path.join(home, '.profiles.json.ba9876543210.tmp'), '{"version": 2, "prof');
    await store.use((await store.list()).active);
    expect(readdirSync(home).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
