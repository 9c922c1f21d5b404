import { afterEach, describe, expect, it } from 'vitest';
import { bundledLexicon } from '@/lib/concepts/bundled';
import { matchConcepts } from '@/lib/concepts/match';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { observePage } from '@/lib/highlight/observer';
import { createHighlighter } from '@/lib/highlight/orchestrator';
import { CollectingPainter } from './support/collecting-painter';

const lexicon = bundledLexicon();
const categories = new Map(knowledgeBase().concepts.map((c) => [c.id, c.category]));

async function setup(html: string) {
  document.body.innerHTML = html;
  const painter = new CollectingPainter();
  const abort = new AbortController();
  const highlighter = createHighlighter({
    document,
    match: (t) => matchConcepts(t, lexicon),
    categoryOf: (id) => categories.get(id),
    painterFor: () => painter,
  });
  await highlighter.fullPass();
  observePage(document, (b) => highlighter.update(b.units, b.sweep), abort.signal);
  return { painter, abort, highlighter };
}

const frame = () => new Promise((r) => setTimeout(r, 60));
afterEach(() => {
  document.body.innerHTML = '';
});

describe('highlighting follows the page', () => {
  it('paints each hit under its concept category', async () => {
    const { painter, abort } = await setup('<p>Risk of genocide and the Rome Statute.</p>');
    expect([...painter.painted].map(([r, c]) => [r.toString(), c])).toEqual([
      ['genocide', 'crime'],
      ['Rome Statute', 'instrument'],
    ]);
    abort.abort();
  });

  it('matches paragraphs added later, and only them', async () => {
    const { painter, highlighter, abort } = await setup('<main><p>genocide</p></main>');
    const first = [...painter.painted.keys()][0];
    const main = document.querySelector('main')!;
    for (let i = 0; i < 3; i++) main.insertAdjacentHTML('beforeend', `<p>Paragraph ${i} on war crimes</p>`);
    await frame();
    expect(painter.texts()).toEqual(['genocide', 'war crimes', 'war crimes', 'war crimes']);
    // The untouched paragraph kept its range: it was not re-matched.
    expect(painter.painted.has(first!)).toBe(true);
    expect(highlighter.store.counts()).toEqual({ genocide: 1, 'war-crimes': 3 });
    abort.abort();
  });

  it('re-matches changed text and forgets removed text', async () => {
    const { painter, highlighter, abort } = await setup('<p id="a">about genocide</p><p id="b">about war crimes</p>');
    (document.querySelector('#a')!.firstChild as Text).data = 'about ethnic cleansing';
    document.querySelector('#b')!.remove();
    await frame();
    expect(painter.texts()).toEqual(['ethnic cleansing']);
    expect(highlighter.store.counts()).toEqual({ 'ethnic-cleansing': 1 });
    abort.abort();
  });

  it('joins a phrase completed by an inline element added later', async () => {
    const { painter, abort } = await setup('<p id="a">crimes against </p>');
    document.querySelector('#a')!.append(Object.assign(document.createElement('em'), { textContent: 'humanity' }));
    await frame();
    expect(painter.texts()).toEqual(['crimes against humanity']);
    abort.abort();
  });

  it('leaves text typed into a textarea or an editable area alone', async () => {
    const { painter, abort } = await setup('<textarea></textarea><div contenteditable="true"><p>x</p></div>');
    document.querySelector('textarea')!.append('genocide');
    document.querySelector('[contenteditable] p')!.textContent = 'war crimes';
    await frame();
    expect(painter.texts()).toEqual([]);
    abort.abort();
  });

  it('stops following the page once aborted', async () => {
    const { painter, abort } = await setup('<p>x</p>');
    abort.abort();
    document.body.insertAdjacentHTML('beforeend', '<p>genocide</p>');
    await frame();
    expect(painter.texts()).toEqual([]);
  });
});
