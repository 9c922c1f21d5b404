import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/side-panel/app';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { database } from '@/lib/db/database';
import { listDrafts } from '@/lib/reviews/drafts';
import { createReview, listReviews } from '@/lib/reviews/reviews';
import { lastQuery } from '@/lib/settings/ui-state';
import { sentenceText } from '@/lib/upr/sentences';
import { buttonIn, labelledIn, settle, until as waitUntil, useScreen } from './support/ui';

// The side panel as the user has it: its Search and Reviews tabs share the extension's database.
const db = database();
const screen = useScreen();
let container: HTMLDivElement;
beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  history.replaceState(null, '', '#search');
  await Promise.all(db.tables.map((t) => t.clear()));
  ({ container } = screen);
});

const until = (check: () => boolean) => waitUntil(check, 80);
const button = (name: string | RegExp) => buttonIn(container, name);
const labelled = <T extends HTMLElement>(label: string, scope: ParentNode = container) => labelledIn<T>(scope, label);
function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
function type(el: HTMLInputElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const entry = (id: string) => knowledgeBase().recommendations.find((r) => r.id === id)!;

/** Opens the panel on a search; returns the first card's entry that offers one UPR sentence. */
async function search(query: string) {
  await lastQuery.setValue(query);
  screen.render(<SidePanelApp />);
  await until(() => container.querySelectorAll('.results [data-rec-id]').length > 0);
  const shown = [...container.querySelectorAll<HTMLElement>('.results [data-rec-id]')].map((c) => entry(c.dataset.recId!));
  return shown.find((r) => r.upr.length === 1)!;
}
const searchRomeStatute = () => search('Rome Statute');

const status = () => container.querySelector('.use-as-rec[role=status]')?.textContent ?? '';

describe('"Use as recommendation" from a search result', () => {
  it('asks which review when there are several, then the draft is in that review\'s Dialogue step', async () => {
    const kenya = await createReview(db, { stateCode: 'KEN', delegation: 'Norway', session: 46 }, 1);
    const chile = await createReview(db, { stateCode: 'CHL', delegation: 'Norway', session: 47 }, 2);
    const entry = await searchRomeStatute();

    act(() => button(`Use as recommendation: ${entry.title}`)!.click());
    await until(() => !!container.querySelector('[role=group][aria-label^="Add to a review"]'));
    const chooser = container.querySelector<HTMLElement>('[role=group][aria-label^="Add to a review"]')!;
    const select = labelled<HTMLSelectElement>('Add to the review of', chooser);
    expect([...select.options].map((o) => o.textContent)).toEqual(['Chile, session 47', 'Kenya, session 46']);
    // The newest review comes first; the user picks the other one.
    expect(select.value).toBe(chile.id);
    choose(select, kenya.id);
    act(() => button('Add to this review')!.click());
    await until(() => /Added to the recommendations of Kenya, session 46\./.test(status()));

    // Saved in Kenya's review only, with its links to the entry and the entry's risk factors.
    expect(await listDrafts(db, chile.id)).toHaveLength(0);
    const [draft, ...more] = await listDrafts(db, kenya.id);
    expect(more).toHaveLength(0);
    expect(draft).toMatchObject({ kind: 'recommendation', recommendationIds: [entry.id], riskFactorIds: entry.riskFactors });
    expect(draft!.text).toBe(sentenceText(entry.upr[0]!));

    act(() => button('Open its Dialogue step')!.click());
    await until(() => container.querySelector('[role=tab][aria-selected=true]')?.textContent === 'Reviews');
    await until(() => /^Kenya, session 46/.test(container.querySelector('#review-h')?.textContent ?? ''));
    expect(button('2 Dialogue')!.getAttribute('aria-pressed')).toBe('true');
    await until(() => container.querySelectorAll('.drafts[aria-label="Recommendations"] > li').length === 1);
    const shown = container.querySelector<HTMLTextAreaElement>('.drafts[aria-label="Recommendations"] textarea')!;
    expect(shown.value).toBe(draft!.text);
    expect(container.querySelector('.draft .links')!.textContent).toContain(entry.title);
    expect(container.querySelector('.draft .category')!.textContent).toMatch(/^Category [1-5]/);
  });

  it('with no review yet, offers to start one and puts the draft in it', async () => {
    const entry = await searchRomeStatute();
    act(() => button(`Use as recommendation: ${entry.title}`)!.click());
    await until(() => !!container.querySelector('form[aria-label="New review"]'));
    const form = container.querySelector<HTMLFormElement>('form[aria-label="New review"]')!;

    // Nothing is created until a State is chosen: the form says what is missing.
    act(() => button('Create review')!.click());
    expect(form.querySelector('[role=alert]')!.textContent).toBe('Choose the State under Review.');
    expect(await listReviews(db)).toHaveLength(0);

    choose(labelled<HTMLSelectElement>('State', form), 'KEN');
    type(labelled<HTMLInputElement>('Your delegation', form), 'Ireland');
    act(() => button('Create review')!.click());
    await until(() => /Added to the recommendations of Kenya\./.test(status()));
    const [review] = await listReviews(db);
    expect(review).toMatchObject({ stateCode: 'KEN', delegation: 'Ireland' });
    expect((await listDrafts(db, review!.id)).map((d) => d.recommendationIds)).toEqual([[entry.id]]);

    act(() => button('Open its Dialogue step')!.click());
    await until(() => /^Kenya/.test(container.querySelector('#review-h')?.textContent ?? ''));
    await until(() => container.querySelectorAll('.drafts[aria-label="Recommendations"] > li').length === 1);
  });

  it('with one review, adds the draft to it straight away; cancelling a choice adds nothing', async () => {
    const kenya = await createReview(db, { stateCode: 'KEN', delegation: 'Norway', session: 46 });
    const entry = await searchRomeStatute();
    act(() => button(`Use as recommendation: ${entry.title}`)!.click());
    await until(() => /Added to the recommendations of Kenya, session 46\./.test(status()));
    expect(container.querySelector('[role=group][aria-label^="Add to a review"]')).toBeNull();
    expect(await listDrafts(db, kenya.id)).toHaveLength(1);

    await createReview(db, { stateCode: 'CHL', delegation: 'Norway', session: 47 });
    act(() => button(`Use as recommendation: ${entry.title}`)!.click());
    await until(() => !!button('Cancel'));
    act(() => button('Cancel')!.click());
    await settle();
    expect(container.querySelector('[role=group][aria-label^="Add to a review"]')).toBeNull();
    expect(await listDrafts(db, kenya.id)).toHaveLength(1);
  });

  it('an entry that asks for several actions offers each as its own recommendation, and the one chosen becomes the draft', async () => {
    const kenya = await createReview(db, { stateCode: 'KEN', delegation: 'Norway', session: 46 });
    await search('Arms Trade Treaty');
    const att = entry('2013-ratify-arms-trade-treaty');
    const card = () => container.querySelector<HTMLElement>(`[data-rec-id="${att.id}"]`)!;
    await until(() => !!card());
    // On the card: the choice, not a silent pick of the first action.
    expect(buttonIn(card(), `Choose one of 2 recommendations: ${att.title}`)!.textContent).toBe('Choose one of 2 recommendations');
    expect(buttonIn(card(), /^(Copy as UPR recommendation|Use as recommendation)/)).toBeFalsy();
    act(() => buttonIn(card(), `Choose one of 2 recommendations: ${att.title}`)!.click());
    await until(() => card().querySelectorAll('.upr-sentence').length === 2);
    expect([...card().querySelectorAll('.upr-sentence .upr-text')].map((e) => e.textContent)).toEqual([
      'Ratify the Arms Trade Treaty before the next review.',
      'Adopt the legislation needed to implement the Arms Trade Treaty.',
    ]);
    // The time element is set apart as a suggestion.
    expect(card().querySelector('.upr-sentence .time-element')!.textContent).toBe('before the next review');

    act(() => buttonIn(card(), `Use as recommendation: ${att.title} (2 of 2)`)!.click());
    await until(() => /Added to the recommendations of Kenya, session 46\./.test(status()));
    const [draft] = await listDrafts(db, kenya.id);
    expect(draft).toMatchObject({ text: 'Adopt the legislation needed to implement the Arms Trade Treaty.', recommendationIds: [att.id] });
  });

  it('says when a recommendation concerns the State\'s conduct in UN bodies, before and after it is used', async () => {
    await createReview(db, { stateCode: 'KEN', delegation: 'Norway', session: 46 }, 1);
    await createReview(db, { stateCode: 'CHL', delegation: 'Norway', session: 47 }, 2);
    await search('Suspension of the Veto');
    const veto = entry('2017-sc-veto-restraint');
    const card = () => container.querySelector<HTMLElement>(`[data-rec-id="${veto.id}"]`)!;
    await until(() => !!card());
    act(() => card().querySelector<HTMLButtonElement>('h3 button')!.click());
    await until(() => !!card().querySelector('.scope-chip'));
    expect(card().querySelector('.scope-chip')!.textContent).toBe('Its conduct in UN bodies');
    // An entry about the State's own record carries no such label.
    expect(container.querySelector('[data-rec-id="2013-ratify-arms-trade-treaty"] .scope-chip')).toBeNull();

    act(() => buttonIn(card(), `Use as recommendation: ${veto.title}`)!.click());
    await until(() => !!card().querySelector('[role=group][aria-label^="Add to a review"]'));
    expect(card().querySelector('[role=group] .scope-note')!.textContent).toMatch(/^Note: This concerns how the State acts in UN and regional bodies .* not its own human rights record/);
    act(() => button('Add to this review')!.click());
    await until(() => /Added to the recommendations of Chile, session 47\./.test(status()));
    expect(status()).toContain("It concerns the State's conduct in UN and regional bodies, not its own record.");
  });
});
