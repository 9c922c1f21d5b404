/**
 * Everything the highlighter does on one page, started and stopped as a whole: the passes, the
 * observer, hover and keyboard cards, jumping between hits, and reporting counts. The content
 * script only wires it to the browser; all it needs arrives as parameters.
 */
import type { CardDetails } from '../messages/highlight';
import type { HighlightSettings } from '../settings/highlight-settings';
import { ConceptCard } from './card';
import { hitAtPoint } from './hit-at-point';
import { followHover } from './hover';
import type { Hit, HitStore } from './hits';
import { HitNavigator } from './navigator';
import { observePage } from './observer';
import { createHighlighter, type Highlighter, type Match, type PassInfo } from './orchestrator';
import { paintNearViewport } from './near-viewport';
import { createOverlayPainter } from './overlay-painter';
import { createHighlightPainter, supportsCustomHighlights, type Painter } from './painter';
import { nearestBlock } from './observer';
import { blocksOnScreen, screenBand } from './on-screen';
import { removeUiHost } from './ui-host';

export interface PageServices {
  match: (text: string) => Match[];
  categoryOf: (conceptId: string) => string | undefined;
  details(conceptId: string): Promise<CardDetails | null>;
  openInPanel(conceptId: string): Promise<void>;
  addToEvidence(clip: { quote: string; title: string; url: string }): Promise<void>;
  /**
   * Counts for the badge and the side panel (called after changes, at most every 300 ms): every
   * concept found, and the total of those marked (categories switched off are counted, not marked).
   */
  report(summary: { url: string; total: number; counts: Record<string, number> }): void;
  /** Asked before acting on the page's changes or the pointer: false once the extension is gone (then everything stops). */
  alive?: () => boolean;
}

export interface JumpResult {
  index: number;
  total: number;
}

const QUOTE_MAX = 1_200;

export class PageController {
  private settings: HighlightSettings | undefined;
  private run: { abort: AbortController; highlighter: Highlighter; nav: HitNavigator; firstPass: Promise<PassInfo> } | undefined;
  private readonly painters = new Map<Document, Painter>();
  private readonly card: ConceptCard;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly services: PageServices,
  ) {
    this.card = new ConceptCard(doc, {
      details: services.details,
      openInPanel: services.openInPanel,
      addToEvidence: (quote) => services.addToEvidence({ quote, title: doc.title, url: doc.location?.href ?? '' }),
    });
  }

  get settingsNow(): HighlightSettings | undefined {
    return this.settings;
  }

  get running(): boolean {
    return !!this.run;
  }

  get store(): HitStore | undefined {
    return this.run?.highlighter.store;
  }

  /** The first pass over the page (it runs in slices), once started. */
  get firstPass(): Promise<PassInfo> | undefined {
    return this.run?.firstPass;
  }

  private painterFor = (doc: Document): Painter => {
    let p = this.painters.get(doc);
    if (!p) {
      const win = doc.defaultView!;
      // The overlay draws only what is near the viewport already.
      p = supportsCustomHighlights(win) ? paintNearViewport(createHighlightPainter(doc), { IntersectionObserver: win.IntersectionObserver }) : createOverlayPainter(doc);
      if (this.settings) p.applySettings(this.settings);
      this.painters.set(doc, p);
    }
    return p;
  };

  applySettings(settings: HighlightSettings): void {
    this.settings = settings;
    if (settings.paused) return this.stop();
    for (const p of this.painters.values()) p.applySettings(settings);
    if (this.run) this.scheduleReport();
    // Ready before the first pass (the colours parsed now), though it touches the page only when it paints.
    this.painterFor(this.doc);
  }

  /** Highlights the page (once; later calls are no-ops) unless paused. Returns whether it runs. */
  start(): boolean {
    if (this.run) return true;
    if (this.settings?.paused) return false;
    const abort = new AbortController();
    // Roots (shadow roots, iframes) met before the observer exists are watched once it does.
    const early: Node[] = [];
    let observe: (root: Node) => void = (root) => void early.push(root);
    const highlighter = createHighlighter({
      document: this.doc,
      match: this.services.match,
      categoryOf: this.services.categoryOf,
      painterFor: this.painterFor,
      onRoots: (roots) => roots.forEach((r) => observe(r)),
      onChange: () => this.scheduleReport(),
      onScreen: (doc) => blocksOnScreen(doc, { band: screenBand(doc.defaultView!) }),
    });
    // What is on screen first: the pass starts before anything else is set up (no page code
    // runs until it yields, so the observer set up next misses nothing). The painter adds its
    // stylesheet only when it paints, after the blocks on screen have been measured: before, it
    // would make those layout reads restyle the whole page. The rest follows in slices, the
    // page working in between; hits are painted (and counted) as they come.
    const firstPass = highlighter.fullPass({ signal: abort.signal });
    const live = observePage(this.doc, (b) => this.stillOurs() && highlighter.update(b.units, b.sweep), abort.signal);
    observe = live.observe;
    early.forEach(observe);
    this.run = { abort, highlighter, nav: new HitNavigator(this.doc, highlighter.store), firstPass };
    firstPass.then(
      () => this.scheduleReport(),
      (e: unknown) => console.warn('R2P Lens could not highlight this page:', e),
    );
    this.scheduleReport();
    this.listenForPointer(abort.signal);
    return true;
  }

  /** False, and everything stopped, once the extension that started this copy is gone. */
  private stillOurs(): boolean {
    if (this.services.alive?.() === false) {
      this.stop();
      return false;
    }
    return true;
  }

  stop(): void {
    if (!this.run) return;
    this.run.abort.abort();
    this.run.highlighter.clear();
    this.run = undefined;
    this.card.hide();
    for (const p of this.painters.values()) p.destroy();
    this.painters.clear();
    removeUiHost(this.doc);
    clearTimeout(this.reportTimer);
    this.services.report({ url: this.doc.location?.href ?? '', total: 0, counts: {} });
  }

  private shows = (category: string | undefined) => this.settings?.categories[category as keyof HighlightSettings['categories']]?.on !== false;
  private visible = (h: Hit) => this.shows(h.category);

  /** Moves to the next or previous hit (optionally of one concept), scrolls to it and opens its card. */
  jump(direction: 'next' | 'previous', conceptId?: string): JumpResult {
    if (!this.run) return { index: -1, total: 0 };
    const step = this.run.nav.step(direction, (h) => this.visible(h) && (!conceptId || h.conceptId === conceptId));
    if (!step) return { index: -1, total: 0 };
    const { hit } = step;
    for (const [doc, p] of this.painters) p.setCurrent(doc === hit.nodes[0]!.ownerDocument ? hit.range : null);
    this.bringIntoView(hit);
    void this.card.show(this.target(hit), true);
    return { index: step.index, total: step.total };
  }

  /**
   * The term itself in the middle of the window: its element brought into view within any
   * scroller it sits in, then the window scrolled by the term's own box (a long paragraph centred
   * as a whole could leave a term near its top above the window).
   */
  private bringIntoView(hit: Hit): void {
    const win = hit.nodes[0]!.ownerDocument.defaultView;
    hit.nodes[0]!.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = hit.range.getBoundingClientRect();
    if (win && r.height) win.scrollBy({ top: r.top + r.height / 2 - win.innerHeight / 2, behavior: 'instant' });
  }

  private target(hit: Hit) {
    const block = nearestBlock(hit.nodes[0]!);
    const passage = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { conceptId: hit.conceptId, surface: hit.range.toString(), quote: passage.slice(0, QUOTE_MAX), anchor: hit.range };
  }

  private scheduleReport(): void {
    if (this.reportTimer !== undefined) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = undefined;
      const store = this.run?.highlighter.store;
      if (!store) return;
      const counts = store.counts();
      let total = 0;
      for (const [id, n] of Object.entries(counts)) if (this.shows(this.services.categoryOf(id))) total += n;
      this.services.report({ url: this.doc.location?.href ?? '', total, counts });
    }, 300);
  }

  /** Hover: the card opens after a short rest on a marked term and closes when the pointer leaves both. */
  private listenForPointer(signal: AbortSignal): void {
    const win = this.doc.defaultView!;
    followHover({
      win,
      card: this.card,
      surface: this.doc,
      hitAt: (x, y) => {
        if (!this.stillOurs()) return undefined;
        const store = this.run?.highlighter.store;
        const hit = store && hitAtPoint(this.doc, store, x, y);
        return hit && this.visible(hit) ? hit : undefined;
      },
      show: (hit) => void this.card.show(this.target(hit), false),
      signal,
    });
  }
}
