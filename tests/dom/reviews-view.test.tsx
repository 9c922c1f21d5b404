import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { R2PDatabase } from '@/lib/db/database';
import { buttonIn, settle, until, useDatabase, useScreen } from './support/ui';
import { createReview, listReviews, softDeleteReview, PURGE_AFTER_MS } from '@/lib/reviews/reviews';
import { createDraft, listDrafts } from '@/lib/reviews/drafts';
import { ReviewsView } from '@/components/reviews/reviews-view';

const screen = useScreen();
const data = useDatabase('view');
let db: R2PDatabase;
let container: HTMLDivElement;
beforeEach(() => {
  localStorage.clear();
  ({ db } = data);
  ({ container } = screen);
});

const button = (name: string) => buttonIn(container, name);
const text = () => screen.text();

describe('the Reviews tab', () => {
  it('switches between reviews side by side, and undoes a delete', async () => {
    const kenya = await createReview(db, { stateCode: 'KEN', delegation: 'Norway', session: 46 }, 1);
    await createReview(db, { stateCode: 'CHL', delegation: 'Norway', session: 47 }, 2);
    await createDraft(db, kenya.id, 'recommendation', { text: 'Ratify the Rome Statute.' });
    screen.render(<ReviewsView db={db} />);
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
    await settle();
  });

  it('says in the list which reviews are shared and where, and that deleting one keeps the colleagues\' copies', async () => {
    const kenya = await createReview(db, { stateCode: 'KEN', delegation: 'Norway', session: 46 }, 1);
    await createReview(db, { stateCode: 'CHL', delegation: 'Norway', session: 47 }, 2);
    await db.shares.put({ reviewId: kenya.id, server: 'wss://sync.mission.example/r2p', token: 't', document: kenya.id, displayName: 'Ingrid', role: 'owner', sharedAt: 3, base: {} });
    screen.render(<ReviewsView db={db} />);
    await until(() => !!button('Chile, session 47'));
    expect(button('Kenya, session 46 · shared with sync.mission.example/r2p')).toBeTruthy();
    expect(button('Kenya, session 46')).toBeFalsy();
    act(() => button('Delete the review of Kenya, session 46')!.click());
    expect(text()).toContain('Delete this review and all its drafts from this browser? Colleagues keep their copy.');
  });

  it('purges reviews deleted long ago when it opens', async () => {
    const old = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await createDraft(db, old.id, 'question', { text: 'What steps?' });
    await softDeleteReview(db, old.id, Date.now() - PURGE_AFTER_MS - 1);
    screen.render(<ReviewsView db={db} />);
    await until(() => text().includes('New review'));
    for (let i = 0; i < 20 && (await db.reviews.count()) > 0; i++) await settle();
    expect(await db.reviews.count()).toBe(0);
    expect(await listDrafts(db, old.id)).toEqual([]);
  });

  it('starts on the new review form when there is none, and opens the review it creates', async () => {
    screen.render(<ReviewsView db={db} />);
    await until(() => text().includes('Create review'));
    const find = container.querySelector<HTMLInputElement>('.state-select input[type=search]')!;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(find, 'Chile');
      find.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => button('Create review')!.click());
    await until(() => !!container.querySelector('#review-h'));
    expect(container.querySelector('#review-h')!.textContent).toMatch(/^Chile/);
    expect((await listReviews(db))[0]!.stateCode).toBe('CHL');
    // The review's first step finishes loading inside the test.
    await settle();
  });
});
