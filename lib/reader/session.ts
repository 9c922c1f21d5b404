/**
 * One open document in the reader: pdf.js document, page column, text extraction, concept list,
 * highlights, find, reading position. The React UI only shows `SessionState` and calls methods.
 */
import type { R2PDatabase } from '../db/database';
import type { HighlightSettings } from '../settings/highlight-settings';
import { ConceptIndex, type ConceptPages } from './concept-pages';
import { rememberOpened, saveReadingPosition } from './documents';
import { NO_TEXT_LAYER_MESSAGE } from './errors';
import { findInPages, firstHitFrom, type FindHit } from './find';
import { FindPainter } from './find-paint';
import { createPageHighlighting, pageOfNode, type PageHighlightServices, type PageHighlighting } from './highlight-pages';
import { openPdf, pdfTitle, type PDFDocumentProxy } from './pdf';
import { PageTexts } from './page-texts';
import { nameFromSource, sourceLabel, type DocumentSource } from './source';
import { clampZoom, PdfViewer } from './viewer';

export interface FindState {
  query: string;
  total: number;
  /** 0-based index of the hit shown, -1 for none. */
  index: number;
  /** Pages not yet searched (the text is still being extracted). */
  pending: boolean;
}

export interface SessionState {
  title: string;
  pageCount: number;
  currentPage: number;
  zoom: number;
  /** Pages whose text has been extracted. */
  extracted: number;
  concepts: ConceptPages[];
  notice: string | undefined;
  find: FindState;
}

export interface SessionOptions {
  bytes: Uint8Array;
  source: DocumentSource;
  scroller: HTMLElement;
  db: R2PDatabase;
  highlight: { settings: HighlightSettings; services: PageHighlightServices } | undefined;
  onChange: (state: SessionState) => void;
  now?: () => number;
}

export interface SelectionClip {
  quote: string;
  title: string;
  url: string;
  page: number | undefined;
}

const SAVE_POSITION_AFTER = 600;

export class ReaderSession {
  private state: SessionState;
  private hits: FindHit[] = [];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly layers = new Map<number, HTMLElement>();
  private readonly findPainter: FindPainter;
  private highlighting: PageHighlighting | undefined;
  private viewer!: PdfViewer;
  private texts!: PageTexts;
  private destroyed = false;

  private constructor(
    private readonly o: SessionOptions,
    private readonly doc: PDFDocumentProxy,
    private readonly destroyTask: () => Promise<void>,
    title: string,
  ) {
    this.state = {
      title,
      pageCount: doc.numPages,
      currentPage: 1,
      zoom: 1,
      extracted: 0,
      concepts: [],
      notice: undefined,
      find: { query: '', total: 0, index: -1, pending: false },
    };
    this.findPainter = new FindPainter(o.scroller.ownerDocument);
  }

  /** Opens the bytes; rejects with pdf.js's error (classifyPdfError names it) if they are not a readable PDF. */
  static async open(o: SessionOptions): Promise<ReaderSession> {
    const task = openPdf(o.bytes);
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
      performance.mark('r2p:reader:parsed');
    } catch (e) {
      void task.destroy();
      throw e;
    }
    const title = (await pdfTitle(doc)) ?? nameFromSource(o.source);
    const session = new ReaderSession(o, doc, task.destroy, title);
    await session.start();
    return session;
  }

  private async start(): Promise<void> {
    const { o, doc } = this;
    const perf = o.scroller.ownerDocument.defaultView?.performance;
    this.texts = new PageTexts(doc);
    const firstPage = Promise.withResolvers<void>();
    const concepts = o.highlight ? new ConceptIndex(o.highlight.services.match) : undefined;
    if (o.highlight) {
      this.highlighting = createPageHighlighting(o.scroller.ownerDocument, o.scroller, o.highlight.services, o.highlight.settings);
    }
    this.viewer = await PdfViewer.create({
      doc,
      texts: this.texts,
      scroller: o.scroller,
      zoom: 'fit',
      onFirstRender: () => {
        perf?.mark('r2p:reader:first-page');
        firstPage.resolve();
      },
      onPageRendered: (page, layer) => {
        this.layers.set(page, layer);
        this.highlightWhenIdle(page, layer);
        this.findPainter.paintPage(page, layer);
        if (this.hits[this.state.find.index]?.page === page) this.revealCurrentHit();
      },
      onPageReleased: (page) => {
        this.layers.delete(page);
        this.findPainter.releasePage(page);
        this.highlighting?.releasePage(page);
      },
      onCurrentPage: (page) => {
        this.update({ currentPage: page });
        this.scheduleSave(page);
      },
    });
    const row = await rememberOpened(o.db, o.source, { title: this.state.title, pageCount: doc.numPages }, o.now?.());
    if (this.destroyed) return;
    this.update({ zoom: this.viewer.zoom });
    if (row.lastPage > 1) this.viewer.goToPage(row.lastPage);

    // Every page's text, in the background: find in document and the concept list need it.
    // Started once the first page is drawn, so the worker serves that page first.
    void (async () => {
      await Promise.race([firstPage.promise, new Promise((r) => setTimeout(r, 3_000))]);
      if (this.destroyed) return;
      await this.texts.extractAll((done) => {
        if (this.destroyed) return;
        if (concepts) this.texts.texts.forEach((t, i) => t !== undefined && concepts.addPage(i + 1, t));
        const all = done === doc.numPages;
        const notice = all && this.texts.texts.every((t) => !t?.trim()) ? NO_TEXT_LAYER_MESSAGE : undefined;
        this.update({ extracted: done, concepts: concepts?.list() ?? [], notice });
        if (this.state.find.query) this.runFind(this.state.find.query, false);
      });
    })();
  }

  /**
   * Concept marks for a drawn page when the browser is idle: the highlight pass then never lands
   * in the middle of a scrolling frame. Skipped if the page was released meanwhile.
   */
  private highlightWhenIdle(page: number, layer: HTMLElement): void {
    if (!this.highlighting) return;
    const run = () => {
      if (!this.destroyed && this.layers.get(page) === layer && layer.isConnected) this.highlighting?.highlightTextLayer(layer, page);
    };
    const win = this.o.scroller.ownerDocument.defaultView as (Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }) | null;
    if (win?.requestIdleCallback) win.requestIdleCallback(run, { timeout: 500 });
    else setTimeout(run, 0);
  }

  get snapshot(): SessionState {
    return this.state;
  }

  private update(change: Partial<SessionState>): void {
    this.state = { ...this.state, ...change };
    if (!this.destroyed) this.o.onChange(this.state);
  }

  private scheduleSave(page: number): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void saveReadingPosition(this.o.db, this.o.source, page).catch(() => {}), SAVE_POSITION_AFTER);
  }

  goToPage(page: number): void {
    this.viewer.goToPage(page);
  }

  setZoom(zoom: number): void {
    this.viewer.setZoom(clampZoom(zoom));
    this.update({ zoom: this.viewer.zoom });
  }

  fitWidth(): void {
    this.setZoom(this.viewer.fitWidthZoom());
  }

  /** Searches the extracted text; shows the first hit on or after the current page. */
  find(query: string): FindState {
    return this.runFind(query, true);
  }

  private runFind(query: string, jump: boolean): FindState {
    const keepIndex = !jump && query === this.state.find.query ? this.state.find.index : -1;
    this.hits = findInPages(this.texts.texts, query);
    this.findPainter.setSearch(query, this.hits, this.layers);
    let index = keepIndex >= 0 && keepIndex < this.hits.length ? keepIndex : -1;
    if (jump) index = firstHitFrom(this.hits, this.state.currentPage);
    const find = { query, total: this.hits.length, index, pending: this.texts.done < this.doc.numPages };
    this.update({ find });
    if (index >= 0) this.showHit(index, jump);
    return find;
  }

  findStep(direction: 1 | -1): void {
    if (!this.hits.length) return;
    const index = (this.state.find.index + direction + this.hits.length) % this.hits.length;
    this.update({ find: { ...this.state.find, index } });
    this.showHit(index, true);
  }

  private showHit(index: number, scroll: boolean): void {
    const hit = this.hits[index]!;
    this.findPainter.setCurrent(index);
    if (!scroll) return;
    if (this.viewer.textLayerOf(hit.page)) this.revealCurrentHit();
    else this.viewer.goToPage(hit.page);
  }

  private revealCurrentHit(): void {
    const range = this.findPainter.setCurrent(this.state.find.index);
    if (range) this.viewer.revealRect(range.getBoundingClientRect());
  }

  /** The selected text as a clip with this document's title, address or file name, and page. */
  selectionClip(selection: Selection | null): SelectionClip | undefined {
    if (!selection || selection.isCollapsed || !selection.rangeCount) return undefined;
    const range = selection.getRangeAt(0);
    if (!this.o.scroller.contains(range.commonAncestorContainer)) return undefined;
    const quote = selection.toString().replace(/\s+/g, ' ').trim();
    if (!quote) return undefined;
    return { quote, title: this.state.title, url: sourceLabel(this.o.source), page: pageOfNode(range.startContainer) };
  }

  /** A clip from the concept card (which knows its page), with this document's title and address. */
  clipFor(quote: string, page: number | undefined): SelectionClip {
    return { quote, title: this.state.title, url: sourceLabel(this.o.source), page };
  }

  applyHighlightSettings(settings: HighlightSettings): void {
    this.highlighting?.applySettings(settings);
  }

  destroy(): void {
    if (this.destroyed) return;
    clearTimeout(this.saveTimer);
    void saveReadingPosition(this.o.db, this.o.source, this.state.currentPage).catch(() => {});
    this.destroyed = true;
    this.texts?.stop();
    this.viewer?.destroy();
    this.highlighting?.destroy();
    this.findPainter.destroy();
    void this.destroyTask();
  }
}
