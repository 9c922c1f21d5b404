import { afterEach, describe, expect, it } from 'vitest';
import { blocksOnScreen } from '@/lib/highlight/on-screen';
import { isHidden, isInsideSkipped } from '@/lib/highlight/text-index';
import { fakeLayout, LINE } from './support/fake-layout';

afterEach(() => {
  document.body.replaceChildren();
});

/** Sections of paragraphs, some hidden, some fields, one list and one table per section. */
function report(sections: number, perSection: number): void {
  const html: string[] = ['<header><h1>Report of the Working Group</h1></header><main>'];
  for (let s = 0; s < sections; s++) {
    html.push(`<section id="s${s}"><h2>Part ${s}</h2>`);
    for (let p = 0; p < perSection; p++) {
      const id = `p${s}-${p}`;
      if (p % 9 === 4) html.push(`<p id="${id}" hidden>hidden genocide</p>`);
      else if (p % 9 === 5) html.push(`<textarea id="${id}">war crimes</textarea>`);
      else html.push(`<p id="${id}">Paragraph ${s}.${p} on <em>early</em> warning and crimes against humanity.</p>`);
    }
    html.push(`<ul><li>first item</li><li>second item</li></ul><table><tr><td>a cell</td></tr></table></section>`);
  }
  html.push('</main>');
  document.body.innerHTML = html.join('');
}

/** Readable text nodes whose block lies in the band, by the fake layout. */
function textInBand(boxOf: (el: Element) => { top: number; bottom: number }, band: { top: number; bottom: number }): Text[] {
  const out: Text[] = [];
  const w = document.createTreeWalker(document.body, 4);
  for (let n = w.nextNode() as Text | null; n; n = w.nextNode() as Text | null) {
    const el = n.parentElement!;
    if (!n.data.trim() || isInsideSkipped(n) || el.closest('[hidden]') || isHidden(el)) continue;
    const b = boxOf(el);
    if (b.bottom >= band.top && b.top <= band.bottom) out.push(n);
  }
  return out;
}

describe('the blocks on screen', () => {
  it('covers every readable line in view with blocks taken whole, in reading order, measuring few boxes', () => {
    report(100, 40);
    const layout = fakeLayout(document.body);
    // Shorter than a section: sections are entered, their paragraphs taken.
    const band = { top: 48_000, bottom: 48_300 };
    expect(layout.boxOf(document.querySelector('#s10')!).bottom - layout.boxOf(document.querySelector('#s10')!).top).toBeGreaterThan(300);
    const before = layout.asked;
    const blocks = blocksOnScreen(document, { band, boxOf: layout.boxOf });
    const asked = layout.asked - before;

    expect(blocks.length).toBeGreaterThan(5);
    // Every line in view is inside one taken block, and no block is off screen.
    const lines = textInBand(layout.boxOf, band);
    expect(lines.length).toBeGreaterThan(20);
    for (const t of lines) expect(blocks.filter((b) => b.contains(t)), `${t.data} ${JSON.stringify(layout.boxOf(t.parentElement!))}`).toHaveLength(1);
    for (const b of blocks) {
      const box = layout.boxOf(b);
      expect(box.bottom >= band.top && box.top <= band.bottom).toBe(true);
    }
    // Reading order, none inside another, nothing hidden or a field.
    for (let i = 1; i < blocks.length; i++) expect(blocks[i - 1]!.compareDocumentPosition(blocks[i]!) & 4).toBeTruthy();
    expect(blocks.some((b) => b.hasAttribute('hidden') || b.localName === 'textarea')).toBe(false);
    // 4,000 paragraphs in 100 sections, yet a few dozen boxes measured: a binary search per
    // level, then on to the screen's end (going through from the top takes over 100).
    expect(asked).toBeLessThan(60);
  });

  it('finds the top of the page and the end of it alike', () => {
    report(5, 30);
    const layout = fakeLayout(document.body);
    const top = blocksOnScreen(document, { band: { top: 0, bottom: 600 }, boxOf: layout.boxOf });
    expect(top[0]!.textContent).toBe('Report of the Working Group');
    const end = layout.boxOf(document.querySelector('main')!).bottom;
    const last = blocksOnScreen(document, { band: { top: end - 300, bottom: end + 300 }, boxOf: layout.boxOf });
    expect(last.at(-1)!.contains(document.querySelector('main td:last-of-type')?.firstChild ?? null)).toBe(false);
    const cells = document.querySelectorAll('td');
    expect(last.at(-1)!.contains(cells[cells.length - 1]!)).toBe(true);
  });

  it('descends into a container taller than the screen, takes a long paragraph whole, and leaves a tall heap of inline pieces to the rest of the pass', () => {
    const long = 'crimes against <em>humanity</em> '.repeat(300);
    const heap = '<span>war crimes</span> '.repeat(1_000);
    document.body.innerHTML = `<main><article><p id="a">Short one.</p><p id="b">${long}</p><p id="c">Another short one.</p><div id="d">${heap}</div></article></main>`;
    const layout = fakeLayout(document.body);
    const box = (id: string) => layout.boxOf(document.getElementById(id)!);
    // From the middle of #b to just into #d: shorter than #b and #d, both of which reach into it.
    const band = { top: (box('b').top + box('b').bottom) / 2, bottom: box('d').top + 10 };
    expect(box('b').bottom - box('b').top).toBeGreaterThan(band.bottom - band.top);
    expect(box('d').bottom - box('d').top).toBeGreaterThan(band.bottom - band.top);
    const blocks = blocksOnScreen(document, { band, boxOf: layout.boxOf });
    expect(blocks.map((b) => b.id)).toEqual(['b', 'c']);
  });

  it('enters an app shell the size of the screen that scrolls a whole document inside, instead of taking it whole', () => {
    document.body.innerHTML = `<div id="shell"><article>${Array.from({ length: 1_000 }, (_, i) => `<p id="q${i}">Paragraph ${i} on <em>war crimes</em>.</p>`).join('')}</article><iframe id="frame"></iframe></div>`;
    // The shell fills the viewport and scrolls inside: 400 paragraphs up, each 20 px.
    const boxOf = (el: Element) => {
      if (el.id === 'shell' || el.localName === 'iframe') return { top: 0, bottom: 600 };
      if (el.localName === 'article') return { top: -8_000, bottom: 12_000 };
      const i = Number(el.id.slice(1));
      return { top: -8_000 + i * 20, bottom: -8_000 + (i + 1) * 20 };
    };
    const blocks = blocksOnScreen(document, { band: { top: 0, bottom: 600 }, boxOf });
    // The paragraphs in view, and the two touching its edges.
    expect(blocks.map((b) => b.id)).toEqual(Array.from({ length: 32 }, (_, i) => `q${399 + i}`));
  });

  it('gives up on a page nested thousands of levels deep instead of stalling it', () => {
    // 10,000 in the browser test of hostile pages; happy-dom's own code recurses per level.
    let html = '';
    for (let i = 0; i < 2_000; i++) html += i % 2 ? '<span>' : '<div>';
    html += 'genocide';
    for (let i = 1_999; i >= 0; i--) html += i % 2 ? '</span>' : '</div>';
    document.body.innerHTML = html;
    let asked = 0;
    // Every level looks taller than the screen, so each one is entered.
    const blocks = blocksOnScreen(document, { band: { top: 0, bottom: 600 }, boxOf: () => (asked++, { top: 0, bottom: 5_000 }) });
    expect(blocks).toEqual([]);
    expect(asked).toBeLessThanOrEqual(300);
  });

  it('stops sizing blocks up after 20,000 nodes walked', () => {
    // 40 wrappers, each one line high on screen, around 3,000 spans: every level is walked into
    // (too many nodes to take whole) and entered; the walking stops a few levels down.
    document.body.innerHTML = '<div>'.repeat(40) + '<span>war crimes</span>'.repeat(3_000) + '</div>'.repeat(40);
    let asked = 0;
    expect(blocksOnScreen(document, { band: { top: 0, bottom: 600 }, boxOf: () => (asked++, { top: 0, bottom: 20 }) })).toEqual([]);
    expect(asked).toBeLessThan(15);
  });

  it('takes nothing from a page whose whole body is editable (a rich-text editor)', () => {
    report(2, 10);
    const layout = fakeLayout(document.body);
    expect(blocksOnScreen(document, { band: { top: 0, bottom: 600 }, boxOf: layout.boxOf }).length).toBeGreaterThan(0);
    document.body.setAttribute('contenteditable', 'true');
    expect(blocksOnScreen(document, { band: { top: 0, bottom: 600 }, boxOf: layout.boxOf })).toEqual([]);
    document.body.removeAttribute('contenteditable');
  });

  it('takes nothing on a page with no box measured (no layout yet)', () => {
    report(2, 10);
    expect(blocksOnScreen(document, { band: { top: 0, bottom: 600 }, boxOf: () => ({ top: 0, bottom: 0 }) })).toEqual([]);
    expect(LINE).toBeGreaterThan(0);
  });
});
