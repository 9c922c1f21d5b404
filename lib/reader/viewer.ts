/**
 * The page column of the reader: one placeholder per page, sized from the page's viewport, and a
 * canvas plus a selectable pdf.js text layer drawn only for pages near the view
 * (IntersectionObserver). Pages far from the view are released again, so a 200-page report costs
 * what a dozen pages cost. Plain DOM, no React: React never re-renders the column while scrolling.
 */
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist';
import type { PageTexts } from './page-texts';

/** PDF points to CSS pixels: 100% zoom shows a page at its printed size. */
export const CSS_UNITS = 96 / 72;
export const ZOOM_MIN = 0.25;
export const ZOOM_MAX = 4;
/** Pages kept drawn at most; the farthest from the current page are released first. */
const KEEP_RENDERED = 10;
const RENDER_AT_ONCE = 2;
const PAGE_GAP = 12;

export interface ViewerOptions {
  doc: PDFDocumentProxy;
  texts: PageTexts;
  /** The scrolling element; the viewer appends its page column to it. */
  scroller: HTMLElement;
  /** A zoom, or 'fit' for the width of the scroller. */
  zoom: number | 'fit';
  onPageRendered?: (page: number, textLayer: HTMLElement) => void;
  onPageReleased?: (page: number) => void;
  onCurrentPage?: (page: number) => void;
  /** The first page drawn (canvas and text layer), for the reader's timing mark. */
  onFirstRender?: (page: number) => void;
}

type PageState = 'empty' | 'rendering' | 'rendered' | 'failed';

interface PageSlot {
  div: HTMLDivElement;
  /** Size in PDF points (rotation applied). Page 1's size until the page itself is loaded. */
  width: number;
  height: number;
  state: PageState;
  task?: RenderTask;
  layer?: TextLayer;
  /** Bumped on every release/zoom so a render that finishes late knows it is stale. */
  generation: number;
}

export class PdfViewer {
  readonly column: HTMLDivElement;
  private readonly slots: PageSlot[] = [];
  private readonly visible = new Set<number>();
  private readonly queue = new Set<number>();
  private running = 0;
  private zoomValue: number;
  private current = 1;
  private observer: IntersectionObserver;
  private scrollScheduled = false;
  private destroyed = false;
  private firstRenderSeen = false;

  private constructor(
    private readonly o: ViewerOptions,
    first: { width: number; height: number },
  ) {
    const doc = o.scroller.ownerDocument;
    this.zoomValue = o.zoom === 'fit' ? fitZoom(o.scroller, first.width) : clampZoom(o.zoom);
    this.column = doc.createElement('div');
    this.column.className = 'pdf-pages';
    for (let n = 1; n <= o.doc.numPages; n++) {
      const div = doc.createElement('div');
      div.className = 'pdf-page';
      div.dataset.pageNumber = String(n);
      div.setAttribute('role', 'group');
      div.setAttribute('aria-label', `Page ${n} of ${o.doc.numPages}`);
      this.slots.push({ div, width: first.width, height: first.height, state: 'empty', generation: 0 });
      this.sizeSlot(n);
      this.column.append(div);
    }
    o.scroller.append(this.column);
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { root: o.scroller, rootMargin: '100% 0px' });
    for (const s of this.slots) this.observer.observe(s.div);
    o.scroller.addEventListener('scroll', this.onScroll, { passive: true });
  }

  static async create(o: ViewerOptions): Promise<PdfViewer> {
    const page = await o.doc.getPage(1);
    const vp = page.getViewport({ scale: 1 });
    return new PdfViewer(o, { width: vp.width, height: vp.height });
  }

  get zoom(): number {
    return this.zoomValue;
  }

  get currentPage(): number {
    return this.current;
  }

  get pageCount(): number {
    return this.slots.length;
  }

  pageElement(page: number): HTMLDivElement | undefined {
    return this.slots[page - 1]?.div;
  }

  /** The text layer of a page if it is drawn now. */
  textLayerOf(page: number): HTMLElement | undefined {
    const slot = this.slots[page - 1];
    return slot?.state === 'rendered' ? (slot.div.querySelector<HTMLElement>('.textLayer') ?? undefined) : undefined;
  }

  /** Scale that fits page 1's width into the scroller. */
  fitWidthZoom(): number {
    const first = this.slots[0];
    return first ? fitZoom(this.o.scroller, first.width) : 1;
  }

  goToPage(page: number, offsetInPage = 0): void {
    const n = Math.min(Math.max(1, Math.round(page)), this.slots.length);
    const div = this.slots[n - 1]!.div;
    this.o.scroller.scrollTop = div.offsetTop - PAGE_GAP + offsetInPage;
    this.setCurrent(n);
  }

  /** Scrolls so that a rectangle (client coordinates) inside the page column is in view. */
  revealRect(rect: DOMRect): void {
    const box = this.o.scroller.getBoundingClientRect();
    if (rect.top >= box.top + 40 && rect.bottom <= box.bottom - 40) return;
    this.o.scroller.scrollTop += rect.top - box.top - box.height / 3;
  }

  setZoom(zoom: number): void {
    const z = clampZoom(zoom);
    if (Math.abs(z - this.zoomValue) < 1e-3) return;
    const page = this.current;
    const div = this.slots[page - 1]!.div;
    const fraction = (this.o.scroller.scrollTop - div.offsetTop) / Math.max(1, div.offsetHeight);
    this.zoomValue = z;
    for (let n = 1; n <= this.slots.length; n++) {
      this.release(n);
      this.sizeSlot(n);
    }
    this.o.scroller.scrollTop = div.offsetTop + fraction * div.offsetHeight;
    // The observer reports changes only; pages that stay in view must be queued again by hand.
    for (const n of this.visible) this.queue.add(n);
    this.pump();
  }

  destroy(): void {
    this.destroyed = true;
    this.observer.disconnect();
    this.o.scroller.removeEventListener('scroll', this.onScroll);
    for (let n = 1; n <= this.slots.length; n++) this.release(n);
    this.column.remove();
  }

  private sizeSlot(n: number): void {
    const s = this.slots[n - 1]!;
    const scale = this.zoomValue * CSS_UNITS;
    s.div.style.width = `${Math.floor(s.width * scale)}px`;
    s.div.style.height = `${Math.floor(s.height * scale)}px`;
    s.div.style.setProperty('--total-scale-factor', String(scale));
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const n = Number((e.target as HTMLElement).dataset.pageNumber);
      if (e.isIntersecting) {
        this.visible.add(n);
        if (this.slots[n - 1]!.state === 'empty') this.queue.add(n);
      } else {
        this.visible.delete(n);
        this.queue.delete(n);
        const slot = this.slots[n - 1]!;
        // A page scrolled past before it was drawn: stop drawing it.
        if (slot.state === 'rendering') this.release(n);
      }
    }
    this.pump();
    this.onScroll();
  }

  private readonly onScroll = (): void => {
    if (this.scrollScheduled) return;
    this.scrollScheduled = true;
    requestAnimationFrame(() => {
      this.scrollScheduled = false;
      if (!this.destroyed) this.setCurrent(this.pageAtView());
    });
  };

  /** The page under a line a third of the way down the view (binary search over the column). */
  private pageAtView(): number {
    const y = this.o.scroller.scrollTop + this.o.scroller.clientHeight / 3;
    let lo = 0;
    let hi = this.slots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.slots[mid]!.div.offsetTop <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private setCurrent(n: number): void {
    if (n === this.current) return;
    this.current = n;
    this.o.onCurrentPage?.(n);
  }

  private pump(): void {
    while (this.running < RENDER_AT_ONCE && this.queue.size && !this.destroyed) {
      // Nearest the current page first.
      let best = -1;
      for (const n of this.queue) if (best === -1 || Math.abs(n - this.current) < Math.abs(best - this.current)) best = n;
      this.queue.delete(best);
      const slot = this.slots[best - 1]!;
      if (slot.state !== 'empty') continue;
      this.running++;
      void this.render(best).finally(() => {
        this.running--;
        this.pump();
      });
    }
    this.trim();
  }

  /** Releases drawn pages beyond KEEP_RENDERED, farthest from the current page first. */
  private trim(): void {
    const drawn = this.slots.map((s, i) => ({ s, n: i + 1 })).filter(({ s, n }) => s.state === 'rendered' && !this.visible.has(n));
    const total = this.slots.filter((s) => s.state === 'rendered').length;
    if (total <= KEEP_RENDERED) return;
    drawn.sort((a, b) => Math.abs(b.n - this.current) - Math.abs(a.n - this.current));
    for (const { n } of drawn.slice(0, total - KEEP_RENDERED)) this.release(n);
  }

  private release(n: number): void {
    const slot = this.slots[n - 1]!;
    const wasRendered = slot.state === 'rendered';
    slot.generation++;
    slot.task?.cancel();
    slot.layer?.cancel();
    slot.task = undefined;
    slot.layer = undefined;
    for (const canvas of slot.div.querySelectorAll('canvas')) {
      // Frees the bitmap now rather than at the next garbage collection.
      canvas.width = 0;
      canvas.height = 0;
    }
    slot.div.replaceChildren();
    slot.div.classList.remove('is-rendered', 'has-error');
    delete slot.div.dataset.rendered;
    slot.state = 'empty';
    if (wasRendered) this.o.onPageReleased?.(n);
  }

  private async render(n: number): Promise<void> {
    const slot = this.slots[n - 1]!;
    const generation = ++slot.generation;
    slot.state = 'rendering';
    const stale = () => this.destroyed || slot.generation !== generation;
    try {
      const page: PDFPageProxy = await this.o.doc.getPage(n);
      if (stale()) return;
      const base = page.getViewport({ scale: 1 });
      if (base.width !== slot.width || base.height !== slot.height) {
        slot.width = base.width;
        slot.height = base.height;
        this.sizeSlot(n);
      }
      const viewport = page.getViewport({ scale: this.zoomValue * CSS_UNITS });
      const doc = slot.div.ownerDocument;
      const ratio = Math.min(doc.defaultView?.devicePixelRatio ?? 1, 2);
      const canvas = doc.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.setAttribute('aria-hidden', 'true');
      const layerDiv = doc.createElement('div');
      layerDiv.className = 'textLayer';
      slot.div.replaceChildren(canvas, layerDiv);

      slot.task = page.render({
        canvas,
        viewport,
        ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}),
      });
      const content = this.o.texts.content(n);
      await slot.task.promise;
      if (stale()) return;
      slot.layer = new TextLayer({ textContentSource: await content, container: layerDiv, viewport });
      if (stale()) return;
      await slot.layer.render();
      if (stale()) return;
      slot.state = 'rendered';
      slot.div.classList.add('is-rendered');
      slot.div.dataset.rendered = 'true';
      if (!this.firstRenderSeen) {
        this.firstRenderSeen = true;
        this.o.onFirstRender?.(n);
      }
      this.o.onPageRendered?.(n, layerDiv);
    } catch (e) {
      if (stale() || (e as { name?: string })?.name === 'RenderingCancelledException' || (e as { name?: string })?.name === 'AbortException') return;
      slot.state = 'failed';
      slot.div.classList.add('has-error');
      const note = slot.div.ownerDocument.createElement('p');
      note.className = 'pdf-page-error';
      note.textContent = `Page ${n} could not be drawn: this part of the file may be damaged.`;
      slot.div.replaceChildren(note);
    }
  }
}

function fitZoom(scroller: HTMLElement, pageWidth: number): number {
  const available = Math.max(200, scroller.clientWidth - 2 * PAGE_GAP - 16);
  // Never larger than 150%: a wide window should not blow a page up past reading size.
  return Math.min(1.5, clampZoom(available / (pageWidth * CSS_UNITS)));
}

export function clampZoom(z: number): number {
  if (!Number.isFinite(z)) return 1;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(z * 100) / 100));
}
