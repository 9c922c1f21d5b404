import { afterEach, describe, expect, it } from 'vitest';
import { bundledLexicon } from '@/lib/concepts/bundled';
import { matchConcepts } from '@/lib/concepts/match';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { observePage } from '@/lib/highlight/observer';
import { createHighlighter, type Highlighter } from '@/lib/highlight/orchestrator';
import { CollectingPainter } from './support/collecting-painter';
import { browserSlicing, type Slicing } from '@/lib/highlight/slicing';

const lexicon = bundledLexicon();
const categories = new Map(knowledgeBase().concepts.map((c) => [c.id, c.category]));

/** Each painted hit as "text node number:start-end category text", in document order. */
function snapshot(painter: CollectingPainter): string[] {
  const order = new Map<Node, number>();
  const walker = document.createTreeWalker(document.body, 4);
  for (let n = walker.nextNode(), i = 0; n; n = walker.nextNode(), i++) order.set(n, i);
  return [...painter.painted]
    .map(([r, c]) => `${order.get(r.startContainer)}:${r.startOffset}-${order.get(r.endContainer)}:${r.endOffset} ${c} ${r.toString()}`)
    .sort();
}

/** A report-like page: paragraphs with phrases split across inline elements, line breaks, hidden and skipped parts, a shadow root. */
function bigPage(paragraphs: number): string {
  const html: string[] = ['<main>'];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) html.push(`<section><h2>Part ${i / 50}: war crimes</h2>`);
    if (i % 7 === 0) html.push(`<p id="p${i}">Reports of crimes against <em>humanity</em> and <b>geno</b>cide in region ${i}.</p>`);
    else if (i % 7 === 1) html.push(`<div id="p${i}">The <span>Rome</span> <span>Statute</span><br>ethnic cleansing <code>genocide</code> incitement</div>`);
    else if (i % 7 === 2) html.push(`<p id="p${i}" hidden>genocide hidden</p><textarea>war crimes</textarea>`);
    else html.push(`<p id="p${i}">Paragraph ${i} on torture, <i>early warning</i> and the responsibility to protect.</p>`);
    if (i % 50 === 49) html.push('</section>');
  }
  html.push('</main>');
  return html.join('');
}

/** A clock that advances with every reading, and a yield that counts the page's turns. */
function fakeSlicing(onYield: (turn: number) => void | Promise<void> = () => {}): Slicing & { turns: number } {
  let t = 0;
  const s = {
    turns: 0,
    budgetMs: 1,
    now: () => (t += 0.25),
    async yield() {
      s.turns++;
      await onYield(s.turns);
    },
  };
  return s;
}

const oneSlice: Slicing = { now: () => 0, budgetMs: Infinity, yield: async () => {} };

function highlighterWith(painter: CollectingPainter, onScreen?: () => Element[]): Highlighter {
  return createHighlighter({ document, match: (t) => matchConcepts(t, lexicon), categoryOf: (id) => categories.get(id), painterFor: () => painter, onScreen });
}

/** Also keeps every range it was handed, in order, doubles included. */
class RecordingPainter extends CollectingPainter {
  readonly handed: Range[] = [];
  add(category: string, range: Range, ahead?: boolean) {
    this.handed.push(range);
    super.add(category, range, ahead);
  }
}

async function unsliced(): Promise<{ shot: string[]; counts: Record<string, number> }> {
  const painter = new CollectingPainter();
  const h = highlighterWith(painter);
  await h.fullPass({ slicing: oneSlice });
  return { shot: snapshot(painter), counts: h.store.counts() };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the first pass runs in slices', () => {
  it('gives the page its turn between slices and paints exactly what one uninterrupted pass paints', async () => {
    document.body.innerHTML = bigPage(400);
    const expected = await unsliced();
    expect(expected.shot.length).toBeGreaterThan(900);

    const painter = new CollectingPainter();
    const h = highlighterWith(painter);
    const paintedAtTurn: number[] = [];
    const slicing = fakeSlicing(() => void paintedAtTurn.push(painter.painted.size));
    const info = await h.fullPass({ slicing });

    expect(info.slices).toBeGreaterThan(5);
    expect(slicing.turns).toBe(info.slices! - 1);
    // Hits were painted as the pass went (in batches that double), not all at its end.
    const midway = paintedAtTurn.filter((n) => n > 0 && n < expected.shot.length);
    expect(midway.length).toBeGreaterThan(0);
    expect(snapshot(painter)).toEqual(expected.shot);
    expect(h.store.counts()).toEqual(expected.counts);
    expect(info.added).toBe(expected.shot.length);
    expect(info.aborted).toBe(false);
  });

  it('stops between slices when aborted, and paints nothing more', async () => {
    document.body.innerHTML = bigPage(400);
    const total = (await unsliced()).shot.length;
    const painter = new CollectingPainter();
    const h = highlighterWith(painter);
    const abort = new AbortController();
    let atAbort = 0;
    let abortedAt = 0;
    const slicing = fakeSlicing((turn) => {
      if (!abortedAt && painter.painted.size > 0) {
        abort.abort();
        abortedAt = turn;
        atAbort = painter.painted.size;
      }
    });
    const info = await h.fullPass({ signal: abort.signal, slicing });
    await wait(20);
    expect(info.aborted).toBe(true);
    expect(info.slices).toBe(abortedAt);
    expect(atAbort).toBeGreaterThan(0);
    expect(painter.painted.size).toBe(atAbort);
    expect(atAbort).toBeLessThan(total);
  });

  it('keeps the page’s changes made during the pass, without losing or doubling a hit', async () => {
    document.body.innerHTML = bigPage(400);
    const painter = new CollectingPainter();
    const h = highlighterWith(painter);
    const abort = new AbortController();
    let passing = true;
    let reportedDuring = 0;
    observePage(
      document,
      (b) => {
        if (passing) reportedDuring++;
        h.update(b.units, b.sweep);
      },
      abort.signal,
    );
    const updatesDuring: number[] = [];
    const slicing = fakeSlicing(async (turn) => {
      if (turn !== 2) return;
      // Already read: changed, removed, and one moved into a part not read yet.
      (document.querySelector('#p3')!.firstChild as Text).data = 'Now about ethnic cleansing, ';
      document.querySelector('#p4')!.remove();
      document.querySelector('#p399')!.before(document.querySelector('#p0')!);
      // Not read yet: changed and added to.
      (document.querySelector('#p395')!.firstChild as Text).data = 'Later: war crimes and ';
      document.querySelector('#p394')!.insertAdjacentHTML('afterend', '<p>Added: atrocity crimes.</p>');
      document.querySelector('main')!.insertAdjacentHTML('afterbegin', '<p>Added first: genocide.</p>');
      // Let the observer report these while the pass is still under way.
      const before = painter.painted.size;
      for (let i = 0; i < 100 && !reportedDuring; i++) await wait(20);
      updatesDuring.push(painter.painted.size - before);
    });
    await h.fullPass({ signal: abort.signal, slicing });
    passing = false;
    await wait(80);
    abort.abort();
    // Reported during the pass, nothing was painted then; all of it is there now, once.
    expect(reportedDuring).toBeGreaterThan(0);
    expect(updatesDuring).toEqual([0]);
    const got = { shot: snapshot(painter), counts: h.store.counts() };
    const expected = await unsliced();
    expect(got).toEqual(expected);
    expect(got.shot).toEqual(expect.arrayContaining([expect.stringMatching(/ethnic cleansing$/), expect.stringMatching(/Added: atrocity crimes|atrocity crimes$/), expect.stringMatching(/genocide$/)]));
    expect(h.store.size).toBe(painter.painted.size);
  });
});

describe('slices stay near their budget', () => {
  it('after a first read the page slowed down (a style recalculation), the next slices still read only what they can match in time', async () => {
    document.body.innerHTML = bigPage(600);
    // A clock that ticks with every reading, jumps 20 ms at the first question the walker asks
    // (the page recalculating its styles), and matching that costs 2 µs a character.
    let t = 0;
    let asked = 0;
    const yields: number[] = [];
    const slicing: Slicing = {
      budgetMs: 8,
      now: () => (t += 0.01),
      async yield() {
        yields.push(t);
      },
    };
    const h = createHighlighter({
      document,
      match: (text) => {
        t += text.length * 0.002;
        return matchConcepts(text, lexicon);
      },
      categoryOf: (id) => categories.get(id),
      painterFor: () => new CollectingPainter(),
    });
    // Asked twice around the (empty) part on screen, once at the slice's start, then by the walker.
    const walkerQuestion = slicing.now;
    slicing.now = () => (asked++ === 3 ? (t += 20) : walkerQuestion());
    const info = await h.fullPass({ slicing });
    const lengths = yields.map((y, i) => y - (yields[i - 1] ?? 0));
    expect(info.slices).toBeGreaterThan(5);
    expect(lengths[0]).toBeGreaterThan(20);
    // Every later slice near the 8 ms budget, none reading on to the end of the page.
    expect(Math.max(...lengths.slice(1), info.busyMs! - yields.at(-1)!)).toBeLessThan(16);
  });
});

describe('the first pass starts with the blocks on screen', () => {
  const screen = () => ['#p200', '#p201', '#p203', '#p207', '#p208'].map((q) => document.querySelector(q)!);
  const inScreen = (r: Range) => screen().some((b) => b.contains(r.startContainer));

  it('paints them before anything else, then the rest, each hit once, as one pass from the top would', async () => {
    document.body.innerHTML = bigPage(400);
    const expected = await unsliced();
    const onScreenHits = expected.shot.length && (await (async () => {
      const p = new CollectingPainter();
      await highlighterWith(p).fullPass({ slicing: oneSlice });
      return [...p.painted.keys()].filter(inScreen).length;
    })());
    expect(onScreenHits).toBeGreaterThan(5);

    const painter = new RecordingPainter();
    const h = highlighterWith(painter, screen);
    // The browser draws a frame with the screen painted, nothing more, before the rest is read.
    const atFrames: number[] = [];
    const slicing = { ...fakeSlicing(), frame: async () => void atFrames.push(painter.handed.length) };
    const info = await h.fullPass({ slicing });

    expect(info.screen).toMatchObject({ blocks: 5, added: onScreenHits });
    expect(atFrames).toEqual([onScreenHits]);
    expect(painter.handed.slice(0, onScreenHits).every(inScreen)).toBe(true);
    // The rest is read ahead of the reader: painted once the browser finds it near the viewport.
    expect([...painter.painted.keys()].filter((r) => !painter.ahead.has(r)).every(inScreen)).toBe(true);
    expect(painter.ahead.size).toBe(expected.shot.length - onScreenHits);
    expect(painter.handed.length).toBe(painter.painted.size);
    expect(snapshot(painter)).toEqual(expected.shot);
    expect(h.store.counts()).toEqual(expected.counts);
    expect(info.added).toBe(expected.shot.length);
  });

  it('keeps a change the page makes on screen while the rest is read', async () => {
    document.body.innerHTML = bigPage(400);
    const painter = new CollectingPainter();
    const h = highlighterWith(painter, screen);
    const abort = new AbortController();
    observePage(document, (b) => h.update(b.units, b.sweep), abort.signal);
    const markedIn = (selector: string) =>
      [...painter.painted.keys()].filter((r) => document.querySelector(selector)!.contains(r.startContainer)).map((r) => r.toString());
    const slicing = fakeSlicing(async (turn) => {
      if (turn !== 2) return;
      expect(markedIn('#p203')).toContain('crimes against humanity');
      (document.querySelector('#p203 em')!.firstChild as Text).data = 'peace';
      document.querySelector('#p200')!.insertAdjacentHTML('beforeend', ' Also ethnic cleansing.');
      await wait(40);
    });
    await h.fullPass({ signal: abort.signal, slicing });
    await wait(80);
    abort.abort();
    expect(markedIn('#p203')).not.toContain('crimes against humanity');
    expect(markedIn('#p200')).toContain('ethnic cleansing');
    // What the page changed is painted at once, not left for the browser to find near.
    const changed = [...painter.painted.keys()].find((r) => r.toString() === 'ethnic cleansing' && document.querySelector('#p200')!.contains(r.startContainer))!;
    expect(painter.ahead.has(changed)).toBe(false);
    expect(snapshot(painter)).toEqual((await unsliced()).shot);
  });
});

describe('waiting for the frame that shows the screen', () => {
  /** A window whose animation frames and timers run only when the test says so (frames never, in a hidden tab). */
  function windowWithFrames() {
    const frames: (() => void)[] = [];
    const timers: { run: () => void; ms: number }[] = [];
    const channels: MessageChannel[] = [];
    return {
      performance,
      MessageChannel: class extends MessageChannel {
        constructor() {
          super();
          channels.push(this);
        }
      },
      channels,
      requestAnimationFrame: (cb: () => void) => frames.push(cb),
      setTimeout: (run: () => void, ms: number) => timers.push({ run, ms }),
      drawFrame: () => frames.splice(0).forEach((cb) => cb()),
      timers,
    };
  }
  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await wait(10);
    return done;
  };

  it('goes on once the browser has drawn its next frame', async () => {
    const win = windowWithFrames();
    const slicing = browserSlicing(win as unknown as Window);
    const waited = slicing.frame!();
    expect(await settled(waited)).toBe(false);
    win.drawFrame();
    expect(await settled(waited)).toBe(true);
    slicing.close?.();
  });

  it('does not wait long for a frame in a hidden tab, where none comes', async () => {
    const win = windowWithFrames();
    const slicing = browserSlicing(win as unknown as Window);
    const waited = slicing.frame!();
    expect(await settled(waited)).toBe(false);
    expect(win.timers.map((t) => t.ms)).toEqual([100]);
    win.timers[0]!.run();
    expect(await settled(waited)).toBe(true);
    slicing.close?.();
    // The tab shown again after the pass: its late frame opens nothing that would stay open.
    win.drawFrame();
    await wait(10);
    expect(win.channels).toEqual([]);
  });
});
