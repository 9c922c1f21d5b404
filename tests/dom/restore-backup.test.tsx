/**
 * Restoring a large backup: progress while it is checked and written, and Cancel at each stage
 * leaves the data as it was (the settings page's Data section, restore run in-thread here; the
 * worker is exercised in the browser tests).
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { R2PDatabase } from '@/lib/db/database';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupProgress } from '@/lib/export/backup';
import { inThreadRestorer, type Restorer } from '@/lib/export/restore-client';
import type { DataEnv } from '@/lib/export/everything';
import { createReview } from '@/lib/reviews/reviews';
import { DataSettings } from '@/components/options/data-settings';
import { settle, until, useDatabase, useScreen } from './support/ui';

const screen = useScreen();
const data = useDatabase('restore');
let db: R2PDatabase;
let env: DataEnv;

/** A backup of one review with `n` drafts. */
function bigBackup(n: number): string {
  const review = { id: 'r-big', stateCode: 'KEN', delegation: 'Norway', createdAt: 1, updatedAt: 1 };
  const drafts = Array.from({ length: n }, (_, i) => ({
    id: `d${i}`, reviewId: 'r-big', kind: 'recommendation', text: `Recommendation ${i}`, recommendationIds: [], riskFactorIds: [],
    order: i, response: 'pending', reportParagraph: '', createdAt: i, updatedAt: i,
  }));
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(0).toISOString(), tables: { reviews: [review], drafts } });
}

/** The in-thread restorer, with every progress report the screen was given kept. */
function watched(seen: BackupProgress[]): Restorer {
  const inner = inThreadRestorer(db);
  return (file, onProgress) => inner(file, (p) => (seen.push(p), onProgress(p)));
}

beforeEach(() => {
  fakeBrowser.reset();
  ({ db } = data);
  env = {
    db,
    storage: { get: (k) => fakeBrowser.storage.local.get(k), set: (i) => fakeBrowser.storage.local.set(i), clear: () => fakeBrowser.storage.local.clear() },
  };
});

const c = () => screen.container;
const button = (name: string) => [...c().querySelectorAll('button')].find((b) => b.textContent === name);
async function choose(text: string) {
  const input = c().querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [new File([text], 'big.json', { type: 'application/json' })], configurable: true });
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
}

describe('restoring a large backup', () => {
  it('shows progress while checking and writing, then what was restored', async () => {
    const seen: BackupProgress[] = [];
    screen.render(<DataSettings env={env} restorer={watched(seen)} />);
    await choose(bigBackup(12_000));
    await until(() => !!button('Import'));
    expect(c().textContent).toContain('big.json: 1 reviews, 12,000 drafts');
    await expect(db.drafts.count()).resolves.toBe(0);
    await act(async () => button('Import')!.click());
    await until(() => /Imported big\.json/.test(c().querySelector('[role="status"]')?.textContent ?? ''), 200);
    await expect(db.drafts.count()).resolves.toBe(12_000);
    const checking = seen.filter((p) => p.phase === 'checking');
    const writing = seen.filter((p) => p.phase === 'writing');
    expect(checking.length).toBeGreaterThan(2);
    expect(writing.length).toBeGreaterThan(2);
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: 12_001, total: 12_001 });
    expect(writing.map((p) => p.done)).toEqual([...writing.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('Cancel while writing undoes what was written; the data is as it was', async () => {
    await createReview(db, { stateCode: 'CHL', delegation: 'Mine' });
    const seen: BackupProgress[] = [];
    screen.render(<DataSettings env={env} restorer={watched(seen)} />);
    await choose(bigBackup(30_000));
    await until(() => !!button('Import'));
    await act(async () => button('Import')!.click());
    // Cancel as soon as the bar shows rows written.
    await until(() => seen.some((p) => p.phase === 'writing' && p.done > 0), 200);
    expect(c().querySelector('progress[aria-label="Restore progress"]')).not.toBeNull();
    await act(async () => button('Cancel')!.click());
    await until(() => /Restore cancelled/.test(c().textContent ?? ''), 200);
    expect(c().textContent).toContain('nothing was restored; your data is as it was');
    await settle();
    await expect(db.drafts.count()).resolves.toBe(0);
    expect((await db.reviews.toArray()).map((r) => r.stateCode)).toEqual(['CHL']);
  });

  it('Cancel at the summary writes nothing', async () => {
    screen.render(<DataSettings env={env} restorer={inThreadRestorer(db)} />);
    await choose(bigBackup(10));
    await until(() => !!button('Import'));
    await act(async () => button('Cancel')!.click());
    expect(button('Import')).toBeUndefined();
    await settle();
    await expect(db.drafts.count()).resolves.toBe(0);
  });
});
