import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { R2PDatabase } from '@/lib/db/database';
import type { ReviewRow } from '@/lib/db/rows';
import { createReview } from '@/lib/reviews/reviews';
import { createDraft, listDrafts } from '@/lib/reviews/drafts';
import { listFollowUps } from '@/lib/reviews/follow-ups';
import { AutosaveProvider } from '@/components/reviews/autosave-context';
import { OutcomeStep } from '@/components/reviews/outcome-step';
import { FollowUpStep } from '@/components/reviews/follow-up-step';

import { labelledIn, setValue as set, settle, until, useDatabase, useScreen } from './support/ui';

const screen = useScreen();
const data = useDatabase('out');
let db: R2PDatabase;
let review: ReviewRow;
let container: HTMLDivElement;
beforeEach(async () => {
  ({ db } = data);
  ({ container } = screen);
  review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
});
const byText = (label: string) => labelledIn<HTMLInputElement | HTMLTextAreaElement>(container, label);

describe('step 3: outcome', () => {
  it('records each answer and its paragraph, and sums them up', async () => {
    const a = await createDraft(db, review.id, 'recommendation', { text: 'Ratify the Rome Statute.' });
    await createDraft(db, review.id, 'recommendation', { text: 'Appoint a focal point.' });
    await createDraft(db, review.id, 'question', { text: 'What steps?' });
    screen.render(<AutosaveProvider db={db} delayMs={5}><OutcomeStep db={db} review={review} stateName="Kenya" /></AutosaveProvider>);
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
    screen.render(<AutosaveProvider db={db} delayMs={5}><FollowUpStep db={db} review={review} /></AutosaveProvider>);
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
