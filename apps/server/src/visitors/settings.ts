import { type VisitorSettings, visitorSettings } from '@kontor/contracts';
import type { Db } from '../platform/platform.js';
import { settingsRepository } from '../platform/settings-repository.js';

/** Where the visitors settings live: one key of the node-wide settings (platform.settings, edited on the hub). */
const SETTINGS_KEY = 'visitors';

export const DEFAULT_SETTINGS: VisitorSettings = {
  privacyNotice: {},
  retentionDays: 30,
  requireKioskDevice: false,
  idleResetSeconds: 60,
};

/** The visitors settings, defaults filling what was never set (or what an older version did not know). */
export async function readSettings(db: Db): Promise<VisitorSettings> {
  const stored = await settingsRepository.get<Partial<VisitorSettings>>(db, SETTINGS_KEY);
  const merged = { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
  const parsed = visitorSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function writeSettings(db: Db, settings: VisitorSettings): Promise<void> {
  await settingsRepository.set(db, SETTINGS_KEY, settings);
}

/** Whether the admin ever saved settings (the demo writes its privacy notice only then). */
export async function settingsStored(db: Db): Promise<boolean> {
  return (await settingsRepository.get(db, SETTINGS_KEY)) !== undefined;
}
