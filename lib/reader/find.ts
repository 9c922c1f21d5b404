/**
 * Find in document: the query is looked for in each page's extracted text, ignoring case,
 * accents and how the PDF broke lines ("crimes against\nhumanity" is found by "crimes against
 * humanity"). Pure, so the same function finds the hits in the extracted text (which pages, how
 * many) and again in a rendered text layer (where to paint them): both read the same string.
 */

export interface FindHit {
  /** 1-based page number. */
  page: number;
  /** UTF-16 offsets into that page's text. */
  start: number;
  end: number;
}

interface Folded {
  text: string;
  /** For each folded character, where it came from in the original string. */
  from: number[];
}

const SPACE = /\s/;
const COMBINING = /[\u0300-\u036f]/g;
/** Soft hyphen and zero-width characters: PDFs scatter them inside words. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

/** One character at a time, so every folded character still knows its original offset. */
function foldChar(ch: string): string {
  const base = ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
  if (base === '\u2019' || base === '\u2018') return "'";
  if (base === '\u201c' || base === '\u201d') return '"';
  if (base === '\u2013' || base === '\u2014' || base === '\u2010' || base === '\u2011') return '-';
  return base;
}

export function foldForFind(text: string): Folded {
  let out = '';
  const from: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      // A run of spaces and line breaks is one space; leading spaces are dropped.
      if (!lastSpace) {
        out += ' ';
        from.push(i);
      }
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    for (const f of foldChar(ch)) {
      out += f;
      from.push(i);
    }
  }
  return { text: out, from };
}

/** The query as it is searched for; empty when there is nothing to find. */
export function normaliseQuery(query: string): string {
  return foldForFind(query).text.trim();
}

/** Every occurrence of the query in one text, as [start, end) offsets of that text. */
export function findInText(text: string, query: string): { start: number; end: number }[] {
  const q = normaliseQuery(query);
  if (!q) return [];
  const folded = foldForFind(text);
  const hits: { start: number; end: number }[] = [];
  let at = folded.text.indexOf(q);
  while (at !== -1) {
    const last = at + q.length - 1;
    hits.push({ start: folded.from[at]!, end: folded.from[last]! + 1 });
    at = folded.text.indexOf(q, at + q.length);
  }
  return hits;
}

/** Every occurrence in the document, in reading order. `pages[i]` is the text of page i + 1. */
export function findInPages(pages: readonly (string | undefined)[], query: string): FindHit[] {
  const hits: FindHit[] = [];
  pages.forEach((text, i) => {
    if (!text) return;
    for (const h of findInText(text, query)) hits.push({ page: i + 1, ...h });
  });
  return hits;
}

/** The hit to show first: the first one on or after the page being read, else the first. */
export function firstHitFrom(hits: readonly FindHit[], currentPage: number): number {
  if (!hits.length) return -1;
  const i = hits.findIndex((h) => h.page >= currentPage);
  return i === -1 ? 0 : i;
}
