// electron-builder.yml, checked with electron-builder's own loader and schema validation (no packaging:
// every target would download from GitHub). A typo'd key or a wrong type fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = path.resolve('.');

describe('electron-builder.yml', () => {
  it('passes electron-builder’s validation and names the product, targets and icons', async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('de.opos-mail.desktop');
    expect(config.productName).toBe('OPOS Mail');
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
    for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon])
      expect(existsSync(path.join(root, String(icon)))).toBe(true);
    const ico = readFileSync(path.join(root, 'assets/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon resource
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(1);
    const png = readFileSync(path.join(root, 'assets/icon.png'));
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // macOS wants at least 512 px
  });

  it('ships the Windows hand-off parts: koffi unpacked from the asar, the Outlook script as a resource', async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/koffi/**', 'node_modules/@koromix/koffi-*/**']),
    );
    expect(config.extraResources).toContainEqual({
      from: 'resources/windows/outlook-handoff.ps1',
      to: 'windows/outlook-handoff.ps1',
    });
    expect(existsSync(path.join(root, 'resources/windows/outlook-handoff.ps1'))).toBe(true);
    // where outlook-handoff.ts looks for it in the packaged app: <resources>/windows/outlook-handoff.ps1
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    expect(pkg.dependencies.koffi).toBeTruthy();
    // its install script would build from source: denied, the prebuilt binary comes from @koromix/koffi-*
    expect(pkg.allowScripts.koffi).toBe(false);
  });

  it('packs the SQLite binding outside the asar archive: every native file of libsql is unpacked', async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    const patterns = ([] as string[]).concat(config.asarUnpack ?? []);
    const unpacked = (file: string) => patterns.some((p) => path.matchesGlob(file, p));
    // the installed platform package (here @libsql/linux-x64-gnu) and the loader that picks it
    const natives = readdirSync(path.join(root, 'node_modules/@libsql')).flatMap((pkg) =>
      readdirSync(path.join(root, 'node_modules/@libsql', pkg))
        .filter((f) => f.endsWith('.node'))
        .map((f) => `node_modules/@libsql/${pkg}/${f}`),
    );
    expect(natives.length).toBeGreaterThan(0);
    for (const file of [...natives, 'node_modules/libsql/index.js']) expect(unpacked(file), file).toBe(true);
    expect(unpacked('node_modules/react/index.js')).toBe(false); // everything else stays in the archive
    // it is a dependency of the app (packed), not a devDependency
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies.libsql).toBeTruthy();
  });

  it('the validation really refuses a wrong key', async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    const broken = { ...config, wni: { target: ['nsis'] } } as typeof config;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/wni/);
  });

  it('package.json has what the deb target and the desktop start need', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.homepage).toBeTruthy();
    expect(pkg.author).toBeTruthy();
    expect(String((pkg.scripts as Record<string, string>).start)).toContain('electron .');
  });
});
