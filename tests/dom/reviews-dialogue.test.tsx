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
const kenya = { code: 'KEN', name: 'Kenya', inSentence: 'Kenya' };
const render = (r: ReviewRow = review, state = kenya) => screen.render(<AutosaveProvider db={db} delayMs={10}><DialogueStep db={db} review={r} state={state} /></AutosaveProvider>);
const pick = (label: string) => {
  const box = [...container.querySelectorAll<HTMLLabelElement>('.statement-rest label')].find((l) => l.textContent!.includes(label))!.querySelector('input')!;
  act(() => box.click());
};
const order = () => [...container.querySelectorAll('.statement-order li strong')].map((e) => e.textContent);

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
    // The look-up of earlier cycles the typing started ends inside the test, not after it.
    await settle();
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
    pick('Recommendation 1');
    pick('Recommendation 2');
    // The opening, "Norway recommends that Kenya:" and the two clauses, with "and".
    expect(timing()).toMatch(/^28 words/);
    expect(timing()).not.toMatch(/Over by/);
    type(field('Time allotted: minutes'), '0');
    type(field('seconds'), '5');
    expect(timing()).toMatch(/Over by/);
    expect(button('Move Recommendation 1 up')!.disabled).toBe(true);
    act(() => button('Move Recommendation 1 down')!.click());
    expect(order()).toEqual(['Recommendation 2', 'Recommendation 1']);
    await settle();
    await settle();
    const st = await getStatement(db, review.id);
    expect(st).toMatchObject({ items: [b.id, a.id], opening: 'Thank you, Mr. President.', allottedSeconds: 5 });
  });

  it('lists each draft once: chosen ones in speaking order, the others below to tick', async () => {
    await createDraft(db, review.id, 'recommendation', { text: 'Ratify the Rome Statute.' });
    await createDraft(db, review.id, 'question', { text: 'What steps is Kenya taking to appoint a focal point?' });
    render();
    await until(() => !!container.querySelector('.statement-rest'));
    const labels = () => [...container.querySelectorAll('.statement-items .item-label strong')].map((e) => e.textContent);
    expect(labels()).toEqual(['Recommendation 1', 'Question 1']);
    pick('Question 1');
    expect(labels()).toEqual(['Question 1', 'Recommendation 1']);
    expect(order()).toEqual(['Question 1']);
    act(() => container.querySelector<HTMLInputElement>('.statement-order input[type="checkbox"]')!.click());
    expect(order()).toEqual([]);
    expect(labels()).toHaveLength(2);
  });

  it('cuts a long label at a word, with an ellipsis, and keeps the whole text as its title', async () => {
    const long = 'Adopt and fully implement a national action plan on the prevention of atrocity crimes, with a budget and a focal point, before its next review.';
    await createDraft(db, review.id, 'recommendation', { text: long });
    render();
    await until(() => !!container.querySelector('.statement-rest .item-label'));
    const label = container.querySelector<HTMLElement>('.statement-rest .item-label')!;
    const shown = label.textContent!.replace(/^Recommendation 1 /, '');
    expect(shown).toMatch(/^Adopt and fully implement a national action plan on the\w*…$/);
    expect(shown.length).toBeLessThanOrEqual(65);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
    expect(long[shown.length - 1]).toBe(' ');
    expect(label.title).toBe(long);
  });

  it('moves an item with Alt+Up and Alt+Down, and the focus stays with it', async () => {
    for (const t of ['Ratify the Rome Statute.', 'Abolish the death penalty.', 'Appoint a focal point.']) await createDraft(db, review.id, 'recommendation', { text: t });
    render();
    await until(() => !!container.querySelector('.statement-rest'));
    for (const n of [1, 2, 3]) pick(`Recommendation ${n}`);
    const third = container.querySelector<HTMLElement>('.statement-order li:nth-child(3)')!;
    const box = third.querySelector('input')!;
    box.focus();
    act(() => void box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true })));
    expect(order()).toEqual(['Recommendation 1', 'Recommendation 3', 'Recommendation 2']);
    await until(() => document.activeElement?.closest('li')?.querySelector('strong')?.textContent === 'Recommendation 3');
    act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true })));
    expect(order()).toEqual(['Recommendation 3', 'Recommendation 1', 'Recommendation 2']);
    // At the top the up button is disabled: the focus goes to the down button of the same item.
    await until(() => document.activeElement?.getAttribute('aria-label') === 'Move Recommendation 3 down');
  });

  it('puts the recommendations behind the lead-in, each once, even when a draft has its own opening', async () => {
    const syria = await createReview(db, { stateCode: 'SYR', delegation: 'Ireland' });
    await createDraft(db, syria.id, 'recommendation', { text: 'We recommend that Syria ratify the Rome Statute before its next review' });
    await createDraft(db, syria.id, 'recommendation', { text: 'Abolish the death penalty' });
    render(syria, { code: 'SYR', name: 'Syrian Arab Republic', inSentence: 'the Syrian Arab Republic' });
    await until(() => !!container.querySelector('.statement-rest'));
    expect(container.querySelector('.lead-in')!.textContent).toBe('Lead-in: Ireland recommends that the Syrian Arab Republic:');
    pick('Recommendation 1');
    pick('Recommendation 2');
    const preview = container.querySelector('.statement-preview')!;
    expect([...preview.querySelectorAll('p, li')].map((e) => e.textContent)).toEqual([
      'Ireland recommends that the Syrian Arab Republic:',
      'ratify the Rome Statute before its next review; and',
      'abolish the death penalty.',
    ]);
    expect(preview.textContent).not.toMatch(/We recommend/);
  });

  it('asks once for the delegation, and says "We recommend" until it is given', async () => {
    const unnamed = await createReview(db, { stateCode: 'KEN', delegation: '' });
    await createDraft(db, unnamed.id, 'recommendation', { text: 'ratify the Rome Statute' });
    render(unnamed);
    await until(() => !!container.querySelector('.statement-rest'));
    pick('Recommendation 1');
    expect(container.querySelector('.statement-preview p')!.textContent).toBe('We recommend that Kenya ratify the Rome Statute.');
    type(field('Your delegation, for the lead-in (until then: “We recommend”)') as HTMLInputElement, 'Netherlands');
    act(() => button('Set')!.click());
    await settle();
    expect((await db.reviews.get(unnamed.id))!.delegation).toBe('Netherlands');
  });
});
