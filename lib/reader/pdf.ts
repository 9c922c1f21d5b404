/**
 * pdf.js set up for an extension page: its worker is a file of the extension (bundled, never
 * fetched from a CDN), and nothing needs eval or WebAssembly, which the extension's content
 * security policy (`script-src 'self'`) forbids. pdf.js falls back to its JavaScript decoders.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy, TextContent };

/** Opens a PDF from its bytes (pdf.js takes ownership of the buffer). */
export function openPdf(data: Uint8Array): { promise: Promise<PDFDocumentProxy>; destroy(): Promise<void> } {
  const task = getDocument({
    data,
    isEvalSupported: false,
    // Standard fonts that a PDF does not embed are drawn with the system's fonts: no font files fetched.
    useSystemFonts: true,
    enableXfa: false,
    stopAtErrors: false,
  });
  return { promise: task.promise, destroy: () => task.destroy() };
}

/** Title from the PDF's own metadata, if it has a useful one. */
export async function pdfTitle(doc: PDFDocumentProxy): Promise<string | undefined> {
  try {
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: unknown } | undefined)?.Title;
    return typeof title === 'string' && title.trim() && !/^untitled$/i.test(title.trim()) ? title.trim().slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}
