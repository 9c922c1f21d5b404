/**
 * Where a document comes from: a web address given to reader.html?src=…, or a local file the
 * user chose. The address arrives in the reader's own URL (anyone can link to it), so it is
 * checked before anything is fetched: web addresses only.
 */
import { z } from 'zod';
import { ReaderError, problem } from './errors';

export type DocumentSource =
  | { kind: 'url'; url: string }
  | { kind: 'file'; name: string; size: number };

const WebAddress = z
  .string()
  .max(4_000)
  .transform((s, ctx) => {
    try {
      const u = new URL(s.trim());
      if (u.protocol === 'https:' || u.protocol === 'http:') {
        u.hash = '';
        return u.href;
      }
      if (u.protocol === 'file:') {
        ctx.addIssue({ code: 'custom', message: 'local-file-address' });
        return z.NEVER;
      }
    } catch {
      // falls through to the issue below
    }
    ctx.addIssue({ code: 'custom', message: 'bad-address' });
    return z.NEVER;
  });

/** The web address a reader URL asks to open, or undefined when it asks for none (pick a file). */
export function sourceFromReaderUrl(readerUrl: string): DocumentSource | undefined {
  const src = new URL(readerUrl).searchParams.get('src');
  if (src === null || src.trim() === '') return undefined;
  const parsed = WebAddress.safeParse(src);
  if (!parsed.success) {
    const kind = parsed.error.issues[0]?.message === 'local-file-address' ? 'local-file-address' : 'bad-address';
    throw new ReaderError(kind, problem(kind).message);
  }
  return { kind: 'url', url: parsed.data };
}

/** reader.html?src=… for a PDF's address; `base` is the reader page's own URL. */
export function readerUrlFor(pdfUrl: string, base: string): string {
  const u = new URL(base);
  u.search = '';
  u.hash = '';
  u.searchParams.set('src', pdfUrl);
  return u.href;
}

/** The key of the `documents` table: the address, or name and size for a local file. */
export function documentId(source: DocumentSource): string {
  return source.kind === 'url' ? source.url : `file:${source.name}:${source.size}`;
}

/** What a clip records as the document's address: the web address, or the file's name. */
export function sourceLabel(source: DocumentSource): string {
  return source.kind === 'url' ? source.url : source.name;
}

/** A readable name when the PDF has no title of its own: the file name from the address. */
export function nameFromSource(source: DocumentSource): string {
  if (source.kind === 'file') return source.name;
  try {
    const u = new URL(source.url);
    const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? '');
    return last || u.host;
  } catch {
    return source.url;
  }
}

/** Addresses that look like a PDF by their path (what the context menus and popup offer to open). */
export function looksLikePdfUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'file:') && /\.pdf$/i.test(u.pathname);
  } catch {
    return false;
  }
}

/** Match patterns for the context menus: pages and links whose path ends in .pdf. */
export const PDF_URL_PATTERNS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', '*://*/*.PDF?*', 'file:///*.pdf', 'file:///*.PDF'];
