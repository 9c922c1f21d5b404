/**
 * The journal of typed text (lib/reviews/journal.ts): what a page typed but never saved to its
 * row (the page closed, the browser quit or was killed) is in its row when the database next opens.
 * "The next open" is a second connection to the same database, as the next page would make.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import { createReview, softDeleteReview } from '@/lib/reviews/reviews';
import { createDraft, deleteDraft } from '@/lib/reviews/drafts';
import { addFollowUp } from '@/lib/reviews/follow-ups';
import { assessmentId } from '@/lib/reviews/assessments';
import { recordEdit, replayJournal, saveEdit } from '@/lib/reviews/journal';
import type { FieldEdit } from '@/lib/reviews/field-edits';
import { AutosaveProvider } from '@/components/reviews/autosave-context';
import { DialogueStep } from '@/components/reviews/dialogue-step';
import { labelledIn, manualClock, setValue, until, useDatabase, useScreen } from './support/ui';

const data = useDatabase('journal');
const screen = useScreen();

/** What the next page sees: its own connection, opened after this one journaled. */
async function reopen(db: R2PDatabase): Promise<R2PDatabase> {
  const next = openDatabase(db.name);
  await next.open();
  return next;
}

/** Until the journal's own put has landed (it is issued without waiting for an answer). */
async function journaled(db: R2PDatabase, n: number): Promise<void> {
  for (let i = 0; i < 50 && (await db.journal.count()) < n; i++) await new Promise((r) => setTimeout(r, 10));
  expect(await db.journal.count()).toBe(n);
}

describe('the journal of typed text', () => {
  it('puts every kind of autosaved field into its row at the next open, as the field means it', async () => {
    const { db } = data;
    await db.open();
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const draft = await createDraft(db, review.id, 'recommendation');
    const followUp = await addFollowUp(db, review.id, 'action');
    const st = (field: 'opening' | 'closing' | 'pace' | 'allottedSeconds') => ({ table: 'statements', reviewId: review.id, field, defaultPace: 110 }) as const;
    const typed: [FieldEdit, string][] = [
      [{ table: 'drafts', id: draft.id, field: 'text' }, 'Ratify the Rome Statute of the ICC'],
      [{ table: 'drafts', id: draft.id, field: 'reportParagraph' }, ' 107.41 '],
      [{ table: 'assessments', reviewId: review.id, indicatorId: 'foa-9.1', field: 'note' }, 'Hate speech on radio'],
      [st('opening'), 'Thank you, Mr. President.'],
      [st('closing'), 'We wish Kenya every success.'],
      [st('allottedSeconds'), '75'],
      [{ table: 'followUps', id: followUp.id, field: 'what' }, 'Train judges'],
      [{ table: 'followUps', id: followUp.id, field: 'partner' }, 'OHCHR'],
      [{ table: 'followUps', id: followUp.id, field: 'owner' }, 'Legal adviser'],
      [{ table: 'followUps', id: followUp.id, field: 'due' }, '2026-06-01'],
      [{ table: 'reviews', id: review.id, field: 'delegation' }, ' Ghana '],
      [{ table: 'reviews', id: review.id, field: 'session' }, '46'],
      [{ table: 'reviews', id: review.id, field: 'cycle' }, '4'],
      [{ table: 'reviews', id: review.id, field: 'date' }, '2024-05-06'],
      [{ table: 'reviews', id: review.id, field: 'midTermReportDate' }, '2027-05-01'],
    ];
    // Several keystrokes of one field keep only the last text.
    recordEdit(db, st('pace'), '1');
    recordEdit(db, st('pace'), '14');
    for (const [edit, value] of typed) recordEdit(db, edit, value);
    recordEdit(db, st('pace'), '140');
    await journaled(db, typed.length + 1);

    const next = await reopen(db);
    await expect(next.journal.count()).resolves.toBe(0);
    expect(await next.drafts.get(draft.id)).toMatchObject({ text: 'Ratify the Rome Statute of the ICC', reportParagraph: '107.41' });
    expect(await next.assessments.get(assessmentId(review.id, 'foa-9.1'))).toMatchObject({ note: 'Hate speech on radio', status: 'unknown' });
    // No statement was saved before: it is made at the settings' pace, then given the typed one.
    expect(await next.statements.get(review.id)).toMatchObject({ opening: 'Thank you, Mr. President.', closing: 'We wish Kenya every success.', pace: 140, allottedSeconds: 75, items: [] });
    expect(await next.followUps.get(followUp.id)).toMatchObject({ what: 'Train judges', partner: 'OHCHR', owner: 'Legal adviser', due: '2026-06-01', done: false });
    expect(await next.reviews.get(review.id)).toMatchObject({ delegation: 'Ghana', session: 46, cycle: 4, date: '2024-05-06', midTermReportDate: '2027-05-01' });
    next.close();
  });

  it('keeps a newer keystroke journaled when an older text is saved, and drops it once that text is saved', async () => {
    const { db } = data;
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const draft = await createDraft(db, review.id, 'question');
    const edit = { table: 'drafts', id: draft.id, field: 'text' } as const;
    recordEdit(db, edit, 'What steps');
    recordEdit(db, edit, 'What steps has');
    await journaled(db, 1);
    await saveEdit(db, edit, 'What steps');
    expect(await db.journal.toArray()).toMatchObject([{ value: 'What steps has' }]);
    await saveEdit(db, edit, 'What steps has');
    await expect(db.journal.count()).resolves.toBe(0);
    expect((await db.drafts.get(draft.id))!.text).toBe('What steps has');
  });

  it('brings back nothing that was deleted: a deleted draft, a review purged', async () => {
    const { db } = data;
    const kept = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const draft = await createDraft(db, kept.id, 'recommendation');
    recordEdit(db, { table: 'drafts', id: draft.id, field: 'text' }, 'Gone with its draft');
    recordEdit(db, { table: 'assessments', reviewId: 'no-such-review', indicatorId: 'foa-1.1', field: 'note' }, 'Orphan note');
    recordEdit(db, { table: 'statements', reviewId: 'no-such-review', field: 'opening', defaultPace: 130 }, 'Orphan opening');
    await journaled(db, 3);
    await deleteDraft(db, draft.id);
    await expect(replayJournal(db)).resolves.toBe(3);
    await expect(db.drafts.count()).resolves.toBe(0);
    await expect(db.assessments.count()).resolves.toBe(0);
    await expect(db.statements.count()).resolves.toBe(0);
    await expect(db.journal.count()).resolves.toBe(0);
    // A review deleted but still within its undo window keeps what was typed in it.
    await softDeleteReview(db, kept.id);
    recordEdit(db, { table: 'assessments', reviewId: kept.id, indicatorId: 'foa-1.1', field: 'note' }, 'Kept for undo');
    await journaled(db, 1);
    await replayJournal(db);
    expect((await db.assessments.get(assessmentId(kept.id, 'foa-1.1')))!.note).toBe('Kept for undo');
  });

  it('drops records this version cannot read, and replays the rest', async () => {
    const { db } = data;
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await db.journal.bulkPut([
      { key: 'x', edit: { table: 'evidence', id: 'e1', field: 'quote' } as unknown as FieldEdit, value: 'not a field', at: 1 },
      { key: `reviews:${review.id}:delegation`, edit: { table: 'reviews', id: review.id, field: 'delegation' }, value: 'Chile', at: 2 },
    ]);
    await expect(replayJournal(db)).resolves.toBe(1);
    await expect(db.journal.count()).resolves.toBe(0);
    expect((await db.reviews.get(review.id))!.delegation).toBe('Chile');
  });

  it('journals a keystroke in the Dialogue step before any save, and the next open has it', async () => {
    const { db } = data;
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await createDraft(db, review.id, 'recommendation');
    // The autosave timer never fires here: as if the panel closed right after the keystroke.
    const { clock } = manualClock();
    screen.render(
      <AutosaveProvider db={db} clock={clock}>
        <DialogueStep db={db} review={review} state={{ code: 'KEN', name: 'Kenya', inSentence: 'Kenya' }} />
      </AutosaveProvider>,
    );
    await until(() => [...screen.container.querySelectorAll('label')].some((l) => l.textContent === 'Opening line'));
    setValue(labelledIn<HTMLTextAreaElement>(screen.container, 'Recommendation 1'), 'Adopt a national action plan');
    setValue(labelledIn<HTMLTextAreaElement>(screen.container, 'Opening line'), 'Thank you, Mr. President.');
    await journaled(db, 2);
    expect((await db.drafts.toArray())[0]!.text).toBe('');
    const next = await reopen(db);
    expect((await next.drafts.toArray())[0]!.text).toBe('Adopt a national action plan');
    expect((await next.statements.get(review.id))!.opening).toBe('Thank you, Mr. President.');
    next.close();
  });
});
