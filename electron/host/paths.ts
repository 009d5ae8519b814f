import os from 'node:os';
import path from 'node:path';

/**
 * Where the data lives when nobody says otherwise: the same folder Electron uses as `userData` for an
 * app named FrontDesk, so the desktop app and the browser shell open the same database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.FRONTDESK_DATA_DIR) return path.resolve(env.FRONTDESK_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'FrontDesk');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'FrontDesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'FrontDesk');
}

export const dataPaths = (dataDir: string) => ({
  db: path.join(dataDir, 'frontdesk.db'),
  backups: path.join(dataDir, 'backups'),
  logs: path.join(dataDir, 'logs'),
});
