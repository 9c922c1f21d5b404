import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import type { ReviewRow } from '@/lib/db/rows';
import { createReview } from '@/lib/reviews/reviews';
import { createDraft, listDrafts } from '@/lib/reviews/drafts';
import { listFollowUps } from '@/lib/reviews/follow-ups';
import { AutosaveProvider } from '@/components/reviews/autosave-context';
import { OutcomeStep } from '@/components/reviews/outcome-step';
import { FollowUpStep } from '@/components/reviews/follow-up-step';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let db: R2PDatabase;
let review: ReviewRow;
let container: HTMLDivElement;
let root: Root;
beforeEach(async () => {
  db = openDatabase(`out-${crypto.randomUUID()}`);
  review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
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
function set(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const proto = Object.getPrototypeOf(el) as object;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
const byText = (label: string) => {
  const l = [...container.querySelectorAll('label')].find((x) => x.textContent === label)!;
  return container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${CSS.escape(l.htmlFor)}`)!;
};

describe('step 3: outcome', () => {
  it('records each answer and its paragraph, and sums them up', async () => {
    const a = await createDraft(db, review.id, 'recommendation', { text: 'Ratify the Rome Statute.' });
    await createDraft(db, review.id, 'recommendation', { text: 'Appoint a focal point.' });
    await createDraft(db, review.id, 'question', { text: 'What steps?' });
    act(() => root.render(<AutosaveProvider delayMs={5}><OutcomeStep db={db} review={review} stateName="Kenya" /></AutosaveProvider>));
    await until(() => !!container.querySelector('.outcome-summary'));
    const summary = () => container.querySelector('.outcome-summary')!.textContent;
    expect(summary()).toBe('2 recommendations: 0 supported, 0 noted, 2 pending.');
    set(container.querySelector<HTMLSelectElement>('[aria-label="Response to recommendation 1"]')!, 'supported');
    set(container.querySelector<HTMLSelectElement>('[aria-label="Response to recommendation 2"]')!, 'noted');
    set(byText('Paragraph in the report (recommendation 1)'), '107.41');
    await until(() => summary() === '2 recommendations: 1 supported, 1 noted, 0 pending.');
    expect(summary()).toBe('2 recommendations: 1 supported, 1 noted, 0 pending.');
    for (let i = 0; i < 3; i++) await settle();
    expect((await listDrafts(db, review.id)).find((d) => d.id === a.id)).toMatchObject({ response: 'supported', reportParagraph: '107.41' });
  });
});

describe('step 4: follow-up', () => {
  it('keeps offers of assistance with partner, owner and date, and lists the catalogue on assistance', async () => {
    act(() => root.render(<AutosaveProvider delayMs={5}><FollowUpStep db={db} review={review} /></AutosaveProvider>));
    await until(() => !!container.querySelector('.follow-up-step'));
    expect(container.querySelector('.assistance-entries summary')!.textContent).toMatch(/international assistance \([1-9]\d*\)/);
    act(() => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Add an offer of assistance')!.click());
    await until(() => !!container.querySelector('.follow-up'));
    set(byText('What (offer of assistance 1)'), 'Training for judges on atrocity crimes');
    set(byText('Partner'), 'OHCHR');
    set(byText('By when'), '2026-06-01');
    set(byText('Mid-term report expected on'), '2027-05-01');
    for (let i = 0; i < 3; i++) await settle();
    expect((await listFollowUps(db, review.id))[0]).toMatchObject({ kind: 'assistance', what: 'Training for judges on atrocity crimes', partner: 'OHCHR', due: '2026-06-01', done: false });
    expect((await db.reviews.get(review.id))!.midTermReportDate).toBe('2027-05-01');
  });
});
