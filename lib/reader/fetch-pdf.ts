/**
 * Downloading the one PDF the user asked to open, from its one address. This is the only
 * network request the extension makes, and it is made only on that explicit action.
 *
 * An extension page may read a cross-origin response only if the site allows it (CORS) or the
 * user granted R2P Lens that site (an optional host permission, asked for at the click in
 * `requestSiteAccess`). Without either, fetch fails with a TypeError, which is reported as
 * 'permission' so the reader can offer the button that asks.
 */
import { ReaderError, problem } from './errors';

export const MAX_PDF_BYTES = 200 * 1024 * 1024;

export interface FetchPdfOptions {
  fetch?: typeof fetch;
  /** Whether the user has granted this site; decides cookies and how a failure is read. */
  granted: boolean;
  signal?: AbortSignal;
}

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Whether the bytes start like a PDF (pdf.js accepts the header anywhere in the first 1 KB). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

export async function fetchPdf(url: string, o: FetchPdfOptions): Promise<Uint8Array> {
  const doFetch = o.fetch ?? fetch;
  let response: Response;
  try {
    // Cookies only to a site the user granted: a signed-in intranet copy then opens as in a tab.
    response = await doFetch(url, { credentials: o.granted ? 'include' : 'omit', redirect: 'follow', signal: o.signal, cache: 'no-store' });
  } catch (e) {
    if (o.signal?.aborted) throw e;
    throw o.granted ? new ReaderError('network', problem('network').message) : new ReaderError('permission', problem('permission').message);
  }
  if (!response.ok) throw new ReaderError('http', problem('http', `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`).message);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_PDF_BYTES) throw new ReaderError('too-large', problem('too-large', `${megabytes(declared)}; the limit is ${megabytes(MAX_PDF_BYTES)}`).message);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength === 0) throw new ReaderError('empty', problem('empty').message);
  if (bytes.byteLength > MAX_PDF_BYTES) throw new ReaderError('too-large', problem('too-large', megabytes(bytes.byteLength)).message);
  if (!hasPdfHeader(bytes)) {
    throw new ReaderError(
      'not-pdf',
      'This address sent a web page, not a PDF (perhaps a sign-in or cookie page). Open it in a tab first, or download the file and open it here with "Open a PDF file".',
    );
  }
  return bytes;
}

/** A local file the user chose or dropped: read, checked for size, never sent anywhere. */
export async function readLocalPdf(file: Blob & { name: string }): Promise<Uint8Array> {
  if (file.size === 0) throw new ReaderError('empty', problem('empty').message);
  if (file.size > MAX_PDF_BYTES) throw new ReaderError('too-large', problem('too-large', `${megabytes(file.size)}; the limit is ${megabytes(MAX_PDF_BYTES)}`).message);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!hasPdfHeader(bytes)) {
    throw /\.pdf$/i.test(file.name) ? new ReaderError('damaged', problem('damaged').message) : new ReaderError('not-pdf', problem('not-pdf').message);
  }
  return bytes;
}

/** The optional host permission pattern for one site. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}
