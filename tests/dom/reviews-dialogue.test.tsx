import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { R2PDatabase } from '@/lib/db/database';
import { createReview } from '@/lib/reviews/reviews';
import { createDraft, listDrafts } from '@/lib/reviews/drafts';
import { getStatement } from '@/lib/reviews/statement';
import { AutosaveProvider } from '@/components/reviews/autosave-context';
import { DialogueStep } from '@/components/reviews/dialogue-step';
import type { ReviewRow } from '@/lib/db/rows';
import { buttonIn, labelledIn, settle, setValue, until, useDatabase, useScreen } from './support/ui';

const screen = useScreen();
const data = useDatabase('dlg');
let db: R2PDatabase;
let review: ReviewRow;
let container: HTMLDivElement;
beforeEach(async () => {
  ({ db } = data);
  ({ container } = screen);
  review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway', session: 46 });
});

const button = (name: string | RegExp) => buttonIn(container, name);
const field = (label: string) => labelledIn<HTMLInputElement | HTMLTextAreaElement>(container, label);
const type = setValue;
const render = () => screen.render(<AutosaveProvider db={db} delayMs={10}><DialogueStep db={db} review={review} stateName="Kenya" /></AutosaveProvider>);

describe('step 2: drafting', () => {
  it('starts a recommendation from a catalogue entry, keeping its link, and shows its action category', async () => {
    render();
    await until(() => !!button('From the catalogue'));
    act(() => button('From the catalogue')!.click());
    type(field("Search the Secretary-General's recommendations") as HTMLInputElement, 'Rome Statute');
    await until(() => !!button(/^Use as recommendation/));
    const card = button(/^Use as recommendation/)!.closest<HTMLElement>('[data-rec-id]')!;
    act(() => button(/^Use as recommendation/)!.click());
    await until(() => container.querySelectorAll('.drafts[aria-label="Recommendations"] > li').length === 1);
    const [draft] = await listDrafts(db, review.id, 'recommendation');
    expect(draft!.recommendationIds).toEqual([card.dataset.recId]);
    expect(draft!.text.length).toBeGreaterThan(20);
    expect(container.querySelector('.draft .category')!.textContent).toMatch(/^Category [1-5]: \w+ action/);
    expect(container.querySelector('.draft .links')!.textContent).toMatch(/^From: /);
  });

  it('a question from the catalogue asks the State under Review', async () => {
    render();
    await until(() => !!button('From the catalogue'));
    act(() => button('From the catalogue')!.click());
    type(field("Search the Secretary-General's recommendations") as HTMLInputElement, 'focal point');
    await until(() => !!button(/^Use as question/));
    act(() => button(/^Use as question/)!.click());
    await until(() => container.querySelectorAll('.drafts[aria-label="Advance questions"] > li').length === 1);
    expect((await listDrafts(db, review.id, 'question'))[0]!.text).toMatch(/^What steps is Kenya taking to [a-z].*\?$/);
  });
});

describe('near-duplicates', () => {
  it('flags a recommendation that rewords an earlier one, while it is typed', async () => {
    await createDraft(db, review.id, 'recommendation', { text: 'Ratify the Rome Statute of the International Criminal Court.' });
    const second = await createDraft(db, review.id, 'recommendation', { text: '' });
    render();
    await until(() => container.querySelectorAll('.drafts[aria-label="Recommendations"] textarea').length === 2);
    expect(container.querySelector('.duplicate')).toBeNull();
    const area = container.querySelector<HTMLTextAreaElement>(`[data-draft-id="${second.id}"] textarea`)!;
    type(area, 'Ratify the Rome Statute of the International Criminal Court without delay.');
    expect(container.querySelector(`[data-draft-id="${second.id}"] .duplicate`)!.textContent).toMatch(/Very close to recommendation 1/);
    type(area, 'Adopt a national action plan against hate speech by 2026.');
    expect(container.querySelector('.duplicate')).toBeNull();
  });
});

describe('the oral statement', () => {
  it('counts words and speaking time live, warns when over the allotted time, and orders items with buttons', async () => {
    const a = await createDraft(db, review.id, 'recommendation', { text: 'Ratify the Rome Statute of the International Criminal Court.' });
    const b = await createDraft(db, review.id, 'recommendation', { text: 'Appoint a national focal point for the responsibility to protect.' });
    render();
    await until(() => !!container.querySelector('.timing-result'));
    const timing = () => container.querySelector('.timing-result')!.textContent!;
    expect(timing()).toMatch(/^0 words/);
    expect(timing()).toContain('1 min 30 s allotted');
    type(field('Opening line'), 'Thank you, Mr. President.');
    expect(timing()).toMatch(/^4 words/);
    for (const label of ['Recommendation 1', 'Recommendation 2']) {
      const box = [...container.querySelectorAll<HTMLLabelElement>('.statement-pick label')].find((l) => l.textContent!.includes(label))!.querySelector('input')!;
      act(() => box.click());
    }
    expect(timing()).toMatch(/^23 words/);
    expect(timing()).not.toMatch(/Over by/);
    type(field('Time allotted: minutes'), '0');
    type(field('seconds'), '5');
    expect(timing()).toMatch(/Over by/);
    expect(button('Move Recommendation 1 up')!.disabled).toBe(true);
    act(() => button('Move Recommendation 1 down')!.click());
    expect([...container.querySelectorAll('.statement-order li strong')].map((e) => e.textContent)).toEqual(['Recommendation 2', 'Recommendation 1']);
    await settle();
    await settle();
    const st = await getStatement(db, review.id);
    expect(st).toMatchObject({ items: [b.id, a.id], opening: 'Thank you, Mr. President.', allottedSeconds: 5 });
  });
});
