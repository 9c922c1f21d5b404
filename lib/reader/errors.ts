/**
 * What went wrong when opening a PDF, in words a reader can act on. pdf.js reports its failures
 * as exceptions named by kind (they cross from its worker by name, not by class), and our own
 * loading steps throw ReaderError with a kind of their own.
 */

export type ProblemKind =
  | 'password'
  | 'damaged'
  | 'not-pdf'
  | 'empty'
  | 'too-large'
  | 'network'
  | 'permission'
  | 'http'
  | 'bad-address'
  | 'local-file-address'
  | 'unknown';

export interface ReaderProblem {
  kind: ProblemKind;
  message: string;
}

export class ReaderError extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'ReaderError';
  }
}

export const NO_TEXT_LAYER_MESSAGE =
  'This PDF has no text layer: it is probably a scan, so its words cannot be searched, highlighted or clipped. The pages are shown as pictures.';

const MESSAGES: Record<Exclude<ProblemKind, 'http' | 'too-large'>, string> = {
  password:
    'This PDF is protected by a password, so R2P Lens cannot open it. Open it in the browser, or ask the sender for an unprotected copy.',
  damaged:
    'This file is damaged or is not a valid PDF, so it cannot be shown. Try downloading it again, or open the original from its source.',
  'not-pdf': 'This is not a PDF file. R2P Lens reads PDF documents only.',
  empty: 'This file is empty (0 bytes). Try downloading it again.',
  network:
    'The PDF could not be downloaded. Check the connection, or download the file and open it here with "Open a PDF file".',
  permission:
    'R2P Lens needs your permission to download this PDF from its website.',
  'bad-address': 'This address cannot be opened: only web addresses (https://…) of PDF documents can.',
  'local-file-address':
    'R2P Lens cannot read files from your computer by their address. Use "Open a PDF file" and choose the file instead.',
  unknown: 'This PDF could not be opened. Try downloading it again, or open it in the browser.',
};

export function problem(kind: ProblemKind, detail?: string): ReaderProblem {
  if (kind === 'http') return { kind, message: `The website refused to send the PDF${detail ? ` (${detail})` : ''}. Check the address, or download the file and open it here.` };
  if (kind === 'too-large') return { kind, message: `This PDF is too large to open here${detail ? ` (${detail})` : ''}.` };
  return { kind, message: MESSAGES[kind] };
}

/** Any thrown value → a problem with a plain message. Never throws. */
export function classifyPdfError(error: unknown): ReaderProblem {
  if (error instanceof ReaderError) return { kind: error.kind, message: error.message };
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  switch (name) {
    case 'PasswordException':
      return problem('password');
    case 'InvalidPDFException':
      return /empty|zero bytes/i.test(text) ? problem('empty') : problem('damaged');
    case 'FormatError':
      return problem('damaged');
    case 'MissingPDFException':
      return problem('http', 'not found');
    case 'UnexpectedResponseException':
      return problem('http');
  }
  if (/password/i.test(text)) return problem('password');
  if (/invalid pdf|pdf structure|xref|corrupt|bad (?:xref|format)/i.test(text)) return problem('damaged');
  if (name === 'TypeError' && /fetch|network/i.test(text)) return problem('network');
  return problem('unknown');
}
