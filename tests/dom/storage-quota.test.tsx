/**
 * A full disk: IndexedDB refuses writes with QuotaExceededError. The user must be told what
 * happened and what to do, and what they typed must survive until there is room again.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import { isQuotaError, QUOTA_MESSAGE } from '@/lib/db/quota';
import { createReview } from '@/lib/reviews/reviews';
import { createDraft, saveDraft } from '@/lib/reviews/drafts';
import { AutosaveProvider, SaveStatus } from '@/components/reviews/autosave-context';
import { AutosaveField } from '@/components/reviews/autosave-field';
import { manualClock, settle, setValue, useScreen } from './support/ui';

let db: R2PDatabase;
let diskFull = false;
let container: HTMLDivElement;
const screen = useScreen();

/** Below Dexie, where IndexedDB itself would refuse: every write fails while the disk is "full". */
function withQuota(d: R2PDatabase): R2PDatabase {
  d.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) => (diskFull ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : t.mutate(req)),
        };
      },
    }),
  });
  return d;
}

beforeEach(() => {
  diskFull = false;
  db = withQuota(openDatabase(`quota-${crypto.randomUUID()}`));
  ({ container } = screen);
});
afterEach(async () => {
  await db.delete();
});

const type = setValue;

describe('a storage quota error while a draft autosaves', () => {
  it('says the disk is full and what to do, keeps the text, and saves it once there is room', async () => {
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const draft = await createDraft(db, review.id, 'recommendation');
    const { clock, fireAll } = manualClock();
    screen.render(
      <AutosaveProvider db={db} clock={clock}>
        <SaveStatus />
        <AutosaveField label="Recommendation 1" multiline initial="" edit={{ table: 'drafts', id: draft.id, field: 'text' }} />
      </AutosaveProvider>,
    );
    const field = container.querySelector('textarea')!;
    diskFull = true;
    type(field, 'Adopt a national action plan on atrocity prevention.');
    await act(async () => fireAll());
    await settle();

    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(QUOTA_MESSAGE);
    expect(alert?.textContent).toMatch(/^A change could not be saved\. Your disk is full: free some space, then Try again\. Keep this panel open: what you typed is still here\./);
    // Nothing was written, and nothing typed is gone.
    expect((await db.drafts.get(draft.id))!.text).toBe('');
    expect(field.value).toBe('Adopt a national action plan on atrocity prevention.');

    // Room again: "Try again" writes the kept text.
    diskFull = false;
    const retry = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    await act(async () => retry.click());
    // Try again first reopens the database (and, where the browser keeps a rescue copy, rebuilds it).
    for (let i = 0; i < 50 && (await db.drafts.get(draft.id))!.text === ''; i++) await settle();
    await settle();
    expect((await db.drafts.get(draft.id))!.text).toBe('Adopt a national action plan on atrocity prevention.');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('All changes saved');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('writes the failed text when the panel is hidden, once there is room', async () => {
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const draft = await createDraft(db, review.id, 'question');
    const { clock, fireAll } = manualClock();
    screen.render(
      <AutosaveProvider db={db} clock={clock}>
        <SaveStatus />
        <AutosaveField label="Question 1" multiline initial="" edit={{ table: 'drafts', id: draft.id, field: 'text' }} />
      </AutosaveProvider>,
    );
    diskFull = true;
    type(container.querySelector('textarea')!, 'What steps were taken on hate speech?');
    await act(async () => fireAll());
    await settle();
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    diskFull = false;
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    await settle();
    expect((await db.drafts.get(draft.id))!.text).toBe('What steps were taken on hate speech?');
  });
});

describe('recognising a quota error', () => {
  it('knows it from IndexedDB, from Dexie and from storage.local, and not from other failures', () => {
    expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('x'))).toBe(true);
    const abort = new Dexie.AbortError('Transaction aborted', new DOMException('q', 'QuotaExceededError'));
    expect(isQuotaError(abort)).toBe(true);
    expect(isQuotaError(new Error('Resource::kQuotaBytes quota exceeded'))).toBe(true);
    // What Chromium says when the disk itself is full (seen in tests/e2e/disk-full.test.ts, and in issue 16).
    const noSpace = new DOMException('Connection is closing because of: IO error: …/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)', 'UnknownError');
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', noSpace))).toBe(true);
    expect(isQuotaError(new Dexie.DatabaseClosedError(new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError')))).toBe(true);
    expect(isQuotaError(new DOMException('Failed to write blobs (IOError)', 'UnknownError'))).toBe(true);
    expect(isQuotaError(new DOMException('Maximum key generator value reached.', 'ConstraintError'))).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('Key already exists'))).toBe(false);
    expect(isQuotaError(new Error('Network down'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});
