import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { bundledLexicon } from '@/lib/concepts/bundled';
import { matchConcepts } from '@/lib/concepts/match';
import { spansToRanges } from '@/lib/highlight/ranges';
import { BLOCK_BREAK, indexText } from '@/lib/highlight/text-index';

const lexicon = bundledLexicon();
afterEach(() => {
  document.body.replaceChildren();
});

function page(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

/** The page's concept hits as the user would see them marked: the exact text each range covers. */
function markedText(root: Node): string[] {
  const index = indexText(root);
  return spansToRanges(index, matchConcepts(index.text, lexicon)).map((m) => m.range.toString());
}

describe('text index and ranges', () => {
  it('finds a phrase split across inline elements, with one range spanning the nodes', () => {
    const root = page('<p>They committed crimes against <em>humanity</em> and <b>geno</b>cide.</p>');
    const index = indexText(root);
    const mapped = spansToRanges(index, matchConcepts(index.text, lexicon));
    expect(mapped.map((m) => m.range.toString())).toEqual(['crimes against humanity', 'genocide']);
    const phrase = mapped[0]!;
    expect(phrase.range.startContainer).not.toBe(phrase.range.endContainer);
    expect(phrase.nodes.map((n) => n.data)).toEqual(['They committed crimes against ', 'humanity']);
    expect(mapped[1]!.nodes.map((n) => n.data)).toEqual(['geno', 'cide.']);
  });

  it('does not run words or phrases on from one block into the next', () => {
    const root = page('<div>crimes against</div><div>humanity</div><p>geno</p><p>cide</p><ul><li>war</li><li>crimes</li></ul>');
    expect(markedText(root)).toEqual([]);
    expect(indexText(root).text.split(BLOCK_BREAK).filter(Boolean)).toEqual(['crimes against', 'humanity', 'geno', 'cide', 'war', 'crimes']);
  });

  it('reads a line break as a space inside a phrase', () => {
    expect(markedText(page('<p>crimes against<br>humanity</p>'))).toEqual(['crimes againsthumanity']);
  });

  it('skips form fields, editable areas, code, scripts, styles and hidden text', () => {
    const root = page(`
      <p>genocide</p>
      <textarea>genocide in a textarea</textarea>
      <input value="genocide">
      <select><option>genocide</option></select>
      <div contenteditable="true">genocide being typed</div>
      <pre>genocide in pre</pre><p><code>genocide()</code></p>
      <script>var genocide = 1;</script><style>.genocide{}</style>
      <div hidden>genocide hidden</div>
      <div style="display:none">genocide not displayed</div>
      <p>war crimes</p>`);
    expect(markedText(root)).toEqual(['genocide', 'war crimes']);
    const texts = indexText(root).nodes.map((n) => n.data.trim()).filter(Boolean);
    expect(texts).toEqual(['genocide', 'war crimes']);
  });

  it('enters open shadow roots (through slots, as rendered)', () => {
    const root = page('<p>Intro</p><div id="host"><span>ethnic </span></div>');
    const host = root.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Reports of <slot></slot>cleansing and war crimes</p>';
    const index = indexText(root);
    expect(index.roots).toContain(shadow);
    const mapped = spansToRanges(index, matchConcepts(index.text, lexicon));
    // "ethnic " is slotted light DOM, "cleansing" shadow text: no live Range can span both, so
    // that phrase is left unmarked rather than half-marked.
    expect(mapped.map((m) => m.range.toString())).toEqual(['war crimes']);
    const inShadow = mapped.find((m) => m.range.toString() === 'war crimes')!;
    expect(inShadow.nodes[0]!.getRootNode()).toBe(shadow);
  });

  it('indexes a page nested 10,000 levels deep without overflowing the stack, blocks still apart', () => {
    // Built apart from the document (happy-dom's own connection code recurses per level), where
    // nothing has a box: visibility is taken as shown for this test.
    const shown = vi.spyOn(HTMLElement.prototype, 'checkVisibility').mockReturnValue(true);
    onTestFinished(() => shown.mockRestore());
    const root = document.createElement('div');
    root.innerHTML = '<p>Top: genocide.</p>';
    let parent: HTMLElement = root;
    for (let d = 0; d < 10_000; d++) {
      const el = document.createElement(d % 2 ? 'span' : 'div');
      if (d === 5_000) el.append('Middle: ethnic cleansing. ');
      parent.append(el);
      parent = el;
    }
    parent.append('Bottom: crimes against humanity.');
    expect(markedText(root)).toEqual(['genocide', 'ethnic cleansing', 'crimes against humanity']);
    expect(indexText(root).text.split(BLOCK_BREAK).filter(Boolean)).toEqual(['Top: genocide.', 'Middle: ethnic cleansing. ', 'Bottom: crimes against humanity.']);
  });

  it('maps offsets of several roots indexed together without mixing them', () => {
    const a = page('<p>war crimes</p>');
    const b = page('<p>crimes against humanity</p>');
    const index = indexText([a, b]);
    const mapped = spansToRanges(index, matchConcepts(index.text, lexicon));
    expect(mapped.map((m) => [m.range.toString(), a.contains(m.nodes[0]!) ? 'a' : 'b'])).toEqual([
      ['war crimes', 'a'],
      ['crimes against humanity', 'b'],
    ]);
  });
});
