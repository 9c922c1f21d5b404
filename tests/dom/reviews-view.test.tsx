import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import { createReview, listReviews, softDeleteReview, PURGE_AFTER_MS } from '@/lib/reviews/reviews';
import { createDraft, listDrafts } from '@/lib/reviews/drafts';
import { ReviewsView } from '@/components/reviews/reviews-view';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let db: R2PDatabase;
let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  localStorage.clear();
  db = openDatabase(`view-${crypto.randomUUID()}`);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  act(() => root.unmount());
  container.remove();
  await db.delete();
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
async function until(check: () => boolean) {
  for (let i = 0; i < 60 && !check(); i++) await settle();
}
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name || b.getAttribute('aria-label') === name);
const text = () => container.textContent ?? '';

describe('the Reviews tab', () => {
  it('switches between reviews side by side, and undoes a delete', async () => {
    const kenya = await createReview(db, { stateCode: 'KEN', delegation: 'Norway', session: 46 }, 1);
    await createReview(db, { stateCode: 'CHL', delegation: 'Norway', session: 47 }, 2);
    await createDraft(db, kenya.id, 'recommendation', { text: 'Ratify the Rome Statute.' });
    act(() => root.render(<ReviewsView db={db} />));
    await until(() => !!button('Kenya, session 46'));
    act(() => button('Kenya, session 46')!.click());
    await until(() => !!container.querySelector('#review-h'));
    expect(container.querySelector('#review-h')!.textContent).toMatch(/^Kenya, session 46/);
    act(() => button('Chile, session 47')!.click());
    await until(() => /^Chile/.test(container.querySelector('#review-h')?.textContent ?? ''));

    act(() => button('Delete the review of Kenya, session 46')!.click());
    act(() => button('Yes, delete')!.click());
    await until(() => !button('Kenya, session 46'));
    expect(text()).toContain('Deleted the review of Kenya, session 46.');
    expect((await listReviews(db)).map((r) => r.stateCode)).toEqual(['CHL']);

    act(() => button('Undo')!.click());
    await until(() => !!button('Kenya, session 46'));
    expect((await listReviews(db)).map((r) => r.stateCode).sort()).toEqual(['CHL', 'KEN']);
    expect(await listDrafts(db, kenya.id)).toHaveLength(1);
    await until(() => /^Kenya/.test(container.querySelector('#review-h')?.textContent ?? ''));
  });

  it('purges reviews deleted long ago when it opens', async () => {
    const old = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await createDraft(db, old.id, 'question', { text: 'What steps?' });
    await softDeleteReview(db, old.id, Date.now() - PURGE_AFTER_MS - 1);
    act(() => root.render(<ReviewsView db={db} />));
    await until(() => text().includes('New review'));
    for (let i = 0; i < 20 && (await db.reviews.count()) > 0; i++) await settle();
    expect(await db.reviews.count()).toBe(0);
    expect(await listDrafts(db, old.id)).toEqual([]);
  });

  it('starts on the new review form when there is none, and opens the review it creates', async () => {
    act(() => root.render(<ReviewsView db={db} />));
    await until(() => text().includes('Create review'));
    const find = container.querySelector<HTMLInputElement>('.state-select input[type=search]')!;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(find, 'Chile');
      find.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => button('Create review')!.click());
    await until(() => !!container.querySelector('#review-h'));
    expect(container.querySelector('#review-h')!.textContent).toMatch(/^Chile/);
    expect((await listReviews(db))[0]!.stateCode).toBe('CHL');
  });
});
