/**
 * The text of every page, extracted once in the background after the document opens (find in
 * document and the concept list need it), and shared with the text layers so pdf.js extracts each
 * page only once. Pages the reader is looking at jump the queue.
 */
import type { PDFDocumentProxy, TextContent } from './pdf';
import { pageTextOf } from './page-text';

export class PageTexts {
  private readonly contents = new Map<number, Promise<TextContent>>();
  readonly texts: (string | undefined)[];
  private stopped = false;

  constructor(private readonly doc: PDFDocumentProxy) {
    this.texts = new Array<string | undefined>(doc.numPages).fill(undefined);
  }

  /** The text content of a page (1-based), extracted on first request. */
  content(page: number): Promise<TextContent> {
    let p = this.contents.get(page);
    if (!p) {
      p = this.doc
        .getPage(page)
        .then((pg) => pg.getTextContent())
        .then((c) => {
          this.texts[page - 1] = pageTextOf(c);
          return c;
        });
      // A failed page gives empty text rather than a stuck document.
      p.catch(() => {
        this.texts[page - 1] ??= '';
      });
      this.contents.set(page, p);
    }
    return p;
  }

  get done(): number {
    return this.texts.filter((t) => t !== undefined).length;
  }

  /** Extracts every page in order, reporting progress; a few pages per task so scrolling stays smooth. */
  async extractAll(onProgress: (done: number, total: number) => void): Promise<void> {
    const total = this.doc.numPages;
    for (let page = 1; page <= total && !this.stopped; page++) {
      await this.content(page).catch(() => undefined);
      if (page % 10 === 0 || page === total) onProgress(this.done, total);
    }
  }

  stop(): void {
    this.stopped = true;
  }
}
