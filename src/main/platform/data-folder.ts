// Where OPOS Mail keeps its data: the same folder the Electron app uses (app.getPath('userData') for the
// product name "OPOS Mail"), so the desktop app and the CLI share profiles.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'OPOS Mail';

export function defaultDataFolder(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}

/** `--home DIR` wins over `OPOS_MAIL_HOME`, which wins over the platform default. */
export function resolveDataFolder(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit || env.OPOS_MAIL_HOME;
  return path.resolve(chosen || defaultDataFolder());
}
