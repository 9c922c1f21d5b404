import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { R2PDatabase } from '@/lib/db/database';
import { createReview } from '@/lib/reviews/reviews';
import { listAssessments, saveAssessment } from '@/lib/reviews/assessments';
import { addEvidence, addPendingEvidence, evidenceForReview } from '@/lib/reviews/evidence';
import { listDrafts } from '@/lib/reviews/drafts';
import { AutosaveProvider } from '@/components/reviews/autosave-context';
import { PrepareStep } from '@/components/reviews/prepare-step';
import { PendingClips } from '@/components/reviews/pending-clips';
import { ReviewList } from '@/components/reviews/review-list';
import { NewReviewForm } from '@/components/reviews/new-review-form';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { manualClock, settle, setValue, until, useDatabase, useScreen } from './support/ui';

const screen = useScreen();
const data = useDatabase('ui');
let db: R2PDatabase;
let container: HTMLDivElement;
beforeEach(() => {
  ({ db } = data);
  ({ container } = screen);
});

const byLabel = <T extends HTMLElement>(label: string) => container.querySelector<T>(`[aria-label="${label}"]`) ?? (() => {
  const l = [...container.querySelectorAll('label')].find((x) => x.textContent === label);
  return l ? container.querySelector<T>(`#${CSS.escape(l.htmlFor)}`) : null;
})();

describe('step 1 in the side panel', () => {
  it('saves a status at once and a note when the autosave timer fires, not before', async () => {
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const { clock, fireAll, pending } = manualClock();
    screen.render(<AutosaveProvider db={db} clock={clock}><PrepareStep db={db} review={review} stateName="Kenya" /></AutosaveProvider>);
    await settle();
    setValue(byLabel<HTMLSelectElement>('Status of indicator 9.1')!, 'present');
    await settle();
    expect((await listAssessments(db, review.id))[0]).toMatchObject({ indicatorId: 'foa-9.1', status: 'present' });
    const summaryText = () => container.querySelector('.risk-summary')!.textContent ?? '';
    await until(() => summaryText().includes('present of'));
    expect(summaryText()).toMatch(/Risk factor 9: Intergroup tensions.*1 present of 6/);

    setValue(byLabel<HTMLTextAreaElement>('Note on indicator 9.1')!, 'Radio');
    setValue(byLabel<HTMLTextAreaElement>('Note on indicator 9.1')!, 'Radio broadcasts');
    expect(pending()).toBe(1);
    await settle();
    expect((await listAssessments(db, review.id))[0]!.note).toBe('');
    await act(async () => fireAll());
    await settle();
    expect((await listAssessments(db, review.id))[0]!.note).toBe('Radio broadcasts');
  });

  it('suggests recommendations for an indicator marked present and drafts one linked to it', async () => {
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    screen.render(<AutosaveProvider db={db}><PrepareStep db={db} review={review} stateName="Kenya" /></AutosaveProvider>);
    await settle();
    const row = () => container.querySelector<HTMLElement>('[data-indicator-id="foa-9.1"]')!;
    expect(row().textContent).not.toContain('Suggest recommendations');
    setValue(byLabel<HTMLSelectElement>('Status of indicator 9.1')!, 'present');
    await until(() => !!row().querySelector('button'));
    act(() => row().querySelector('button')!.click());
    const suggestions = () => container.querySelector('.suggestions')!;
    expect(suggestions().querySelector('h3')!.textContent).toBe('Drafts for indicator 9.1');
    const add = [...suggestions().querySelectorAll('button')].find((b) => b.textContent === 'Add as recommendation')!;
    const text = add.closest('.upr-sentence')!.querySelector('.upr-text')!.textContent;
    act(() => add.click());
    await until(() => add.textContent === 'Added to drafts');
    const [draft] = await listDrafts(db, review.id, 'recommendation');
    expect(draft!.text).toBe(text);
    expect(draft!.riskFactorIds).toContain('foa-9.1');
    expect(draft!.recommendationIds).toHaveLength(1);
  });

  it('says once per factor which paraphrases were not checked and which numbers may not be official', async () => {
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    screen.render(<AutosaveProvider db={db}><PrepareStep db={db} review={review} stateName="Kenya" /></AutosaveProvider>);
    await settle();
    const factor = (id: string) => container.querySelector<HTMLElement>(`[data-factor-id="${id}"]`)!;
    const notes = (id: string) => [...factor(id).querySelectorAll('.factor-notes p')].map((p) => p.textContent);
    // Never under each indicator, and at most once in each factor.
    for (const row of container.querySelectorAll('[data-indicator-id]')) expect(row.textContent).not.toMatch(/not checked/);
    for (const f of container.querySelectorAll<HTMLElement>('[data-factor-id]')) {
      expect((f.textContent!.match(/not checked against the official wording/g) ?? []).length).toBeLessThanOrEqual(1);
    }
    // Factor 14 has its own indicators now, none checked and their numbers ours.
    expect([...factor('foa-rf-14').querySelectorAll('[data-indicator-id]')].map((r) => r.getAttribute('data-indicator-id'))).toEqual(
      ['foa-14.1', 'foa-14.2', 'foa-14.3', 'foa-14.4', 'foa-14.5', 'foa-14.6'],
    );
    expect(notes('foa-rf-14')[0]).toBe('Paraphrases not checked against the official wording.');
    expect(notes('foa-rf-14')[1]).toMatch(/^These numbers may not be the official ones\. The official indicators of this factor could not be checked at all/);
    // Factor 7: only its last three unchecked, named once; its numbers are sure.
    expect(notes('foa-rf-7')).toEqual(['Paraphrase not checked against the official wording: 7.12–7.14.']);
    // Factor 12: the numbers added past the three we know are flagged.
    expect(notes('foa-rf-12')[1]).toMatch(/^Numbers 12\.4–12\.6 may not be the official ones/);
    expect(factor('foa-rf-12').querySelector('[data-indicator-id="foa-12.5"] strong')!.getAttribute('title')).toBe('This number may not be the official one');
    // Factor 8 was checked against the official list: nothing to say.
    expect(factor('foa-rf-8').querySelector('.factor-notes')).toBeNull();
  });

  it('keeps what was said of a factor assessed as a whole before its indicators were listed', async () => {
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await saveAssessment(db, review.id, 'foa-rf-14', { status: 'present', note: 'Convoy attacked in March' });
    await addEvidence(db, review.id, 'foa-rf-14', { quote: 'Aid workers were detained at the checkpoint.', title: 'OCHA update', url: 'https://example.org/ocha' });
    screen.render(<AutosaveProvider db={db}><PrepareStep db={db} review={review} stateName="Kenya" /></AutosaveProvider>);
    await settle();
    const earlier = container.querySelector<HTMLElement>('[data-factor-id="foa-rf-14"] .earlier-assessment')!;
    expect(earlier.textContent).toContain('Assessed earlier as a whole, before its indicators were listed: Present. Note: “Convoy attacked in March”.');
    expect(earlier.textContent).toContain('Aid workers were detained at the checkpoint.');
    // Factors never assessed as a whole show nothing of the kind.
    expect(container.querySelectorAll('.earlier-assessment')).toHaveLength(1);
  });

  it('writes a pending note when the panel is hidden', async () => {
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const { clock } = manualClock();
    screen.render(<AutosaveProvider db={db} clock={clock}><PrepareStep db={db} review={review} stateName="Kenya" /></AutosaveProvider>);
    await settle();
    setValue(byLabel<HTMLTextAreaElement>('Note on indicator 1.1')!, 'Armed clashes in the north');
    act(() => void window.dispatchEvent(new Event('pagehide')));
    await settle();
    expect((await listAssessments(db, review.id))[0]).toMatchObject({ indicatorId: 'foa-1.1', note: 'Armed clashes in the north', status: 'unknown' });
  });

  it('files a pending clip under the chosen indicator', async () => {
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    await addPendingEvidence(db, { quote: 'Calls to expel the minority.', title: 'Report', url: 'https://example.org/r' });
    screen.render(<PendingClips db={db} reviews={[review]} currentReviewId={review.id} stateName={() => 'Kenya'} />);
    await settle();
    expect(container.textContent).toContain('Evidence to file (1)');
    const file = [...container.querySelectorAll('button')].find((b) => b.textContent === 'File evidence')!;
    act(() => file.click());
    expect(container.querySelector('[role=alert]')!.textContent).toMatch(/Choose the indicator/);
    setValue(container.querySelector<HTMLSelectElement>('select[aria-label^="Indicator for the clip"]')!, 'foa-9.2');
    act(() => file.click());
    await until(() => !container.textContent?.includes('Evidence to file'));
    expect(await evidenceForReview(db, review.id)).toEqual([expect.objectContaining({ indicatorId: 'foa-9.2', quote: 'Calls to expel the minority.' })]);
    expect(container.textContent).not.toContain('Evidence to file');
  });
});

describe('creating and deleting reviews', () => {
  it('finds a State by typing and refuses to create a review without one', () => {
    const created: unknown[] = [];
    screen.render(<NewReviewForm states={knowledgeBase().states} onCreate={(r) => created.push(r)} />);
    const submit = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Create review')!;
    act(() => submit.click());
    expect(container.querySelector('[role=alert]')!.textContent).toBe('Choose the State under Review.');
    expect(created).toEqual([]);
    setValue(byLabel<HTMLInputElement>('Find a State')!, 'cote d');
    const select = byLabel<HTMLSelectElement>('State')!;
    expect([...select.options].map((o) => o.textContent)).toContain("Côte d'Ivoire");
    setValue(byLabel<HTMLInputElement>('Find a State')!, 'kenya');
    setValue(byLabel<HTMLInputElement>('Your delegation')!, 'Norway');
    setValue(byLabel<HTMLInputElement>('Working Group session')!, '46');
    act(() => submit.click());
    expect(created).toEqual([{ stateCode: 'KEN', delegation: 'Norway', session: 46, cycle: undefined, date: undefined }]);
  });

  it('asks before deleting', async () => {
    const review = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const deleted: string[] = [];
    screen.render(<ReviewList reviews={[review]} selectedId={review.id} stateName={() => 'Kenya'} onSelect={() => {}} onNew={() => {}} onDelete={(id) => deleted.push(id)} />);
    act(() => byLabel<HTMLButtonElement>('Delete the review of Kenya')!.click());
    expect(deleted).toEqual([]);
    const keep = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Keep it')!;
    act(() => keep.click());
    act(() => byLabel<HTMLButtonElement>('Delete the review of Kenya')!.click());
    act(() => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Yes, delete')!.click());
    expect(deleted).toEqual([review.id]);
  });
});
