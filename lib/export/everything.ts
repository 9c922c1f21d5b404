/**
 * The settings page's "Data": everything the extension keeps, out to one file, back in from one,
 * or gone. The browser pieces (storage, permissions) are parameters so tests hand in fakes.
 *
 * - Export: every database table (the same backup the Reviews tab makes) plus the settings.
 * - Import: the file is read and validated in full first (`parseBackup`); a refused file changes
 *   nothing. Tables are written in one transaction; then the settings. Sites the user had added
 *   need the browser's permission again, which only a click can ask for, so they are listed,
 *   not restored silently.
 * - Delete: every table cleared in one transaction, every stored setting removed, and the access
 *   to added sites given back.
 */
import type { R2PDatabase } from '../db/database';
import { opfsRescueStore, type RescueStore } from '../db/rescue';
import { normaliseSettings, type HighlightSettings } from '../settings/highlight-settings';
import { sitePatterns } from '../settings/highlight-sites';
import { normalisePace } from '../settings/speaking-pace';
import { DEFAULT_WORDS_PER_MINUTE } from '../upr/speaking-time';
import { createBackup, parseBackup, restoreBackup, type Backup, type BackupTable } from './backup';

export const HIGHLIGHT_SETTINGS_KEY = 'highlight:settings';
/** WXT's `local:settings:speakingPace` item, as raw storage.local sees it. */
export const SPEAKING_PACE_STORAGE_KEY = 'settings:speakingPace';

export interface DataEnv {
  db: R2PDatabase;
  storage: {
    get(keys: string[]): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    clear(): Promise<void>;
  };
  permissions?: { remove(p: { origins: string[] }): Promise<boolean> };
  /** Where the copy kept after a full disk lives (lib/db/rescue.ts). */
  rescue?: RescueStore;
}

export async function exportEverything(env: DataEnv, now = new Date()): Promise<Backup> {
  const backup = await createBackup(env.db, now);
  const got = await env.storage.get([HIGHLIGHT_SETTINGS_KEY, SPEAKING_PACE_STORAGE_KEY]);
  return {
    ...backup,
    settings: {
      highlight: normaliseSettings(got[HIGHLIGHT_SETTINGS_KEY]) as unknown as Record<string, unknown>,
      speakingPace: normalisePace(got[SPEAKING_PACE_STORAGE_KEY] ?? DEFAULT_WORDS_PER_MINUTE),
    },
  };
}

export type ImportResult =
  | { ok: true; counts: Record<BackupTable, number>; settingsRestored: boolean; sitesToAddAgain: string[] }
  | { ok: false; message: string };

/** Validates first; writes only a file that passed. */
export async function importEverything(env: DataEnv, text: string): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  await restoreBackup(env.db, parsed.backup);
  const settings = parsed.backup.settings;
  const sitesToAddAgain = settings ? await restoreSettings(env, settings) : [];
  return { ok: true, counts: parsed.counts, settingsRestored: !!settings, sitesToAddAgain };
}

/**
 * Writes a backup's settings (after its tables). Returns the sites the user had added that this
 * browser has no access to yet: only a click can ask for it, so they are listed, not restored.
 */
export async function restoreSettings(env: Pick<DataEnv, 'storage'>, settings: NonNullable<Backup['settings']>): Promise<string[]> {
  const items: Record<string, unknown> = {};
  let sitesToAddAgain: string[] = [];
  if (settings.highlight) {
    const s = normaliseSettings(settings.highlight);
    const current = normaliseSettings((await env.storage.get([HIGHLIGHT_SETTINGS_KEY]))[HIGHLIGHT_SETTINGS_KEY]);
    // Keep the sites this browser already has access to; the others wait for the user's click.
    sitesToAddAgain = s.addedSites.filter((x) => !current.addedSites.includes(x));
    items[HIGHLIGHT_SETTINGS_KEY] = { ...s, addedSites: current.addedSites } satisfies HighlightSettings;
  }
  if (settings.speakingPace !== undefined) items[SPEAKING_PACE_STORAGE_KEY] = normalisePace(settings.speakingPace);
  if (Object.keys(items).length) await env.storage.set(items);
  return sitesToAddAgain;
}

/** Everything gone: all tables, all stored settings, the access to sites the user added. */
export async function deleteEverything(env: DataEnv): Promise<void> {
  const { addedSites } = normaliseSettings((await env.storage.get([HIGHLIGHT_SETTINGS_KEY]))[HIGHLIGHT_SETTINGS_KEY]);
  // Every table the database has, including ones added after this was written.
  await env.db.transaction('rw', env.db.tables, async () => {
    for (const t of env.db.tables) await t.clear();
  });
  await env.storage.clear();
  await (env.rescue ?? opfsRescueStore).clear();
  if (addedSites.length && env.permissions) await env.permissions.remove({ origins: sitePatterns(addedSites) }).catch(() => false);
}
