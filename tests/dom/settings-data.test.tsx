/**
 * The settings page's Data section: export everything, import a backup (a bad file is refused
 * with what is wrong and nothing changes), delete everything (asks, offers the export first).
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { R2PDatabase } from '@/lib/db/database';
import { createReview } from '@/lib/reviews/reviews';
import { createDraft, saveDraft } from '@/lib/reviews/drafts';
import { readHighlightSettings, updateHighlightSettings } from '@/lib/settings/highlight-settings';
import { readSpeakingPace, writeSpeakingPace } from '@/lib/settings/speaking-pace';
import type { DataEnv } from '@/lib/export/everything';
import { DataSettings } from '@/components/options/data-settings';
import { inThreadRestorer } from '@/lib/export/restore-client';
import { settle, until, useDatabase, useScreen } from './support/ui';

let db: R2PDatabase;
let env: DataEnv;
let removedOrigins: string[];
let downloads: { name: string; text: string }[];
let container: HTMLDivElement;
const screen = useScreen();
const data = useDatabase('data');

beforeEach(async () => {
  fakeBrowser.reset();
  ({ db } = data);
  removedOrigins = [];
  downloads = [];
  env = {
    db,
    storage: {
      get: (keys) => fakeBrowser.storage.local.get(keys),
      set: (items) => fakeBrowser.storage.local.set(items),
      clear: () => fakeBrowser.storage.local.clear(),
    },
    permissions: { remove: async ({ origins }) => (removedOrigins.push(...origins), true) },
  };
  ({ container } = screen);
  const download = (blob: Blob, name: string) => void blob.text().then((text) => downloads.push({ name, text }));
  await act(async () => screen.render(<DataSettings env={env} download={download} restorer={inThreadRestorer(db)} />));
});
const button = (name: string | RegExp) =>
  [...container.querySelectorAll('button')].find((b) => (typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? '')));
const alertText = () => container.querySelector('[role="alert"]')?.textContent ?? '';
const statusText = () => container.querySelector('[role="status"]')?.textContent ?? '';

async function chooseFile(name: string, text: string) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

async function someData() {
  const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
  const draft = await createDraft(db, review.id, 'recommendation');
  await saveDraft(db, draft.id, { text: 'Appoint a national R2P focal point.' });
  await writeSpeakingPace(110);
  await updateHighlightSettings((s) => ({ ...s, paused: true, addedSites: ['hrw.org'] }));
  return { review, draft };
}

describe('Data on the settings page', () => {
  it('exports everything, the reviews and the settings, to one JSON file', async () => {
    const { review } = await someData();
    await act(async () => button('Export everything')!.click());
    await until(() => downloads.length > 0);
    expect(downloads[0]!.name).toMatch(/^r2p-lens-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(downloads[0]!.text);
    expect(file.format).toBe('r2p-lens-backup');
    expect(file.tables.reviews.map((r: { id: string }) => r.id)).toEqual([review.id]);
    expect(file.tables.drafts[0].text).toBe('Appoint a national R2P focal point.');
    expect(file.settings.speakingPace).toBe(110);
    expect(file.settings.highlight.paused).toBe(true);
    expect(statusText()).toMatch(/Exported 1 reviews, 1 drafts/);
  });

  it('refuses a damaged backup, says what is wrong, and changes nothing', async () => {
    const { review, draft } = await someData();
    await act(async () => button('Export everything')!.click());
    await until(() => downloads.length > 0);
    const good = JSON.parse(downloads[0]!.text);
    good.tables.drafts[0].kind = 'wish';
    good.tables.drafts[0].text = 'Overwritten text';
    good.settings.speakingPace = 200;
    await chooseFile('backup.json', JSON.stringify(good));
    expect(alertText()).toMatch(/backup\.json was refused/);
    expect(alertText()).toMatch(/draft 1: "kind"/);
    // No import offered, and the data and settings are as they were.
    expect(button('Import')).toBeUndefined();
    expect((await db.drafts.get(draft.id))!.text).toBe('Appoint a national R2P focal point.');
    expect(await db.reviews.count()).toBe(1);
    expect((await db.reviews.get(review.id))!.delegation).toBe('Norway');
    expect(await readSpeakingPace()).toBe(110);

    await chooseFile('notes.json', '{"format":"r2p-lens-backup","version":1,"exportedAt":"x","tables":{"reviews":[');
    expect(alertText()).toMatch(/notes\.json was refused.*incomplete/);
    await chooseFile('photo.json', '{"hello":"world"}');
    expect(alertText()).toMatch(/not an R2P Lens backup/);
  });

  it('imports a good backup after showing what it holds, settings included', async () => {
    await someData();
    await act(async () => button('Export everything')!.click());
    await until(() => downloads.length > 0);
    const text = downloads[0]!.text;
    await db.transaction('rw', db.tables, async () => Promise.all(db.tables.map((t) => t.clear())));
    await fakeBrowser.storage.local.clear();

    await chooseFile('backup.json', text);
    expect(container.querySelector('[aria-label="Confirm import"]')?.textContent).toMatch(/1 reviews, 1 drafts.*and settings/);
    expect(await db.reviews.count()).toBe(0);
    await act(async () => button('Import')!.click());
    await until(() => /Imported/.test(statusText()));
    expect(await db.reviews.count()).toBe(1);
    expect(await readSpeakingPace()).toBe(110);
    const s = await readHighlightSettings();
    expect(s.paused).toBe(true);
    // The added site needs the user's click to get its permission back: listed, not restored.
    expect(s.addedSites).toEqual([]);
    expect(statusText()).toMatch(/hrw\.org/);
  });

  it('asks before deleting, offers the export first, then clears the database and the settings', async () => {
    await someData();
    await act(async () => button('Delete everything…')!.click());
    // Asked, not done.
    expect(await db.reviews.count()).toBe(1);
    const ask = container.querySelector('[role="group"]')!;
    expect(ask.textContent).toMatch(/cannot be undone/);
    expect(ask.textContent).toMatch(/Export a backup first/);

    await act(async () => button('Export a backup first')!.click());
    await until(() => downloads.length > 0);
    expect(JSON.parse(downloads[0]!.text).tables.drafts).toHaveLength(1);
    expect(container.querySelector('[role="group"]')!.textContent).toMatch(/You have exported a backup/);
    expect(await db.reviews.count()).toBe(1);

    await act(async () => button('Yes, delete everything')!.click());
    await until(() => /Everything was deleted/.test(statusText()));
    for (const t of db.tables) expect([t.name, await t.count()]).toEqual([t.name, 0]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await readSpeakingPace()).toBe(130);
    expect((await readHighlightSettings()).paused).toBe(false);
    expect(removedOrigins).toEqual(['*://*.hrw.org/*']);
  });

  it('cancelling the delete keeps everything', async () => {
    await someData();
    await act(async () => button('Delete everything…')!.click());
    // The question takes the focus, so a keyboard user hears it first; Cancel gives it back.
    expect(document.activeElement?.textContent).toBe('Export a backup first');
    await act(async () => button('Cancel')!.click());
    expect(button('Yes, delete everything')).toBeUndefined();
    expect(document.activeElement?.textContent).toBe('Delete everything…');
    expect(await db.reviews.count()).toBe(1);
    expect(await readSpeakingPace()).toBe(110);
  });
});
