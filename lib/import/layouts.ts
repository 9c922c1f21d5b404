/**
 * The export layouts we read, recognised by their column labels (../shared/REAL-EXPORTS.md):
 * UPR Info's older CSV, the UPR Info database's CSV (Uwazi: labels not seen in a real file, so
 * matched tolerantly), OHCHR UHRI's Excel and CSV ("Reccomending" or "Recommending") and UHRI's
 * full JSON (the same fields under camel-case keys). A table whose header matches none gets a
 * column-mapping step (`MappedLayout`), remembered for that header.
 */
import type { LibrarySource } from '../db/rows';

/** What a row of any layout can tell. */
export const FIELDS = ['text', 'title', 'sur', 'from', 'body', 'response', 'action', 'issues', 'session', 'cycle', 'symbol', 'date', 'kind', 'annotationId'] as const;
export type Field = (typeof FIELDS)[number];

/** Field → column position (tables) or key (JSON records). */
export type Columns = Partial<Record<Field, number>>;

export interface Layout {
  id: 'upr-info' | 'upr-info-db' | 'uhri' | 'mapped';
  /** For the import summary. */
  name: string;
  source: LibrarySource;
  /** Accepted labels per field, folded by `labelKey`. */
  labels: Partial<Record<Field, readonly string[]>>;
  /** Fields the header must have; `text` is satisfied by `title` too. */
  required: readonly Field[];
  /** What joins several values in one cell of a list field. */
  split: RegExp;
  /** Issues split differently (the older UPR Info CSV joins them with commas). */
  splitIssues?: RegExp;
  /** Every row is a UPR recommendation (UPR Info's exports). */
  upr?: boolean;
  /** The text, session or response may not be left empty (the older layout always fills them). */
  strict?: boolean;
}

/** "Reccomending Body" and "UprRecommendingCountry" fold to comparable keys. */
export const labelKey = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/reccomend/g, 'recommend')
    .replace(/[^a-z0-9]+/g, '');

export const LAYOUTS: readonly Layout[] = [
  {
    id: 'upr-info',
    name: 'UPR Info (older export)',
    source: 'upr-info',
    labels: { sur: ['to'], text: ['text'], from: ['from'], response: ['response'], action: ['action'], issues: ['issue'], session: ['session'] },
    required: ['sur', 'text', 'from', 'response', 'action', 'issues', 'session'],
    split: /\|/,
    splitIssues: /,/,
    upr: true,
    strict: true,
  },
  {
    id: 'upr-info-db',
    name: 'UPR Info database',
    source: 'upr-info',
    labels: {
      text: ['recommendation', 'recommendationtext', 'text'],
      title: ['title'],
      sur: ['stateunderreview', 'stateunderreviewsur', 'sur', 'reviewedstate'],
      from: ['recommendingstate', 'recommendingstates', 'recommendingstatess', 'recommendingcountry'],
      response: ['response', 'position', 'responsebythestateunderreview'],
      action: ['actioncategory', 'categoryofaction', 'action'],
      issues: ['issues', 'issue', 'themes', 'theme'],
      session: ['session', 'uprsession'],
      cycle: ['cycle', 'uprcycle'],
      date: ['dateofdocument', 'documentdate'],
      symbol: ['documentsymbol', 'symbol'],
    },
    required: ['text', 'sur', 'from'],
    split: /\|/,
    upr: true,
  },
  {
    id: 'uhri',
    name: 'OHCHR Universal Human Rights Index',
    source: 'uhri',
    labels: {
      text: ['text'],
      sur: ['countriesconcerned', 'countryconcerned', 'countries', 'country'],
      body: ['recommendingbody', 'body', 'mechanism'],
      symbol: ['documentsymbol', 'symbol'],
      issues: ['themes', 'theme'],
      date: ['documentpublicationdate', 'publicationdate'],
      from: ['uprrecommendingstates', 'uprrecommendingstate', 'uprrecommendingcountry', 'uprrecommendingcountries'],
      response: ['uprposition', 'uprpositions'],
      kind: ['type', 'annotationtype'],
      annotationId: ['ohchrannotationid', 'annotationid'],
      session: ['uprsession'],
      cycle: ['uprcycle'],
    },
    required: ['text', 'sur', 'body'],
    // UHRI's Excel puts several values on separate lines; its older CSV used semicolons.
    split: /[\r\n;|]+/,
  },
];

/** Columns the user chose for a header no layout knows. */
export function mappedLayout(): Layout {
  return { id: 'mapped', name: 'your column choices', source: 'mapped', labels: {}, required: ['text', 'sur'], split: /[\r\n;|]+/ };
}

/** What the user is asked to choose in the mapping step, in this order, with what each means. */
export const MAPPABLE: ReadonlyArray<{ field: Field; label: string; required?: boolean }> = [
  { field: 'text', label: 'Text of the recommendation', required: true },
  { field: 'sur', label: 'State under Review (country concerned)', required: true },
  { field: 'from', label: 'Recommending State or body' },
  { field: 'session', label: 'UPR session' },
  { field: 'response', label: 'Response (supported, noted…)' },
  { field: 'action', label: 'Action category (1–5)' },
  { field: 'issues', label: 'Issues or themes' },
  { field: 'kind', label: 'Type (recommendation, concern)' },
  { field: 'symbol', label: 'Document symbol' },
  { field: 'date', label: 'Date' },
];

/** The columns of a header for a layout: each field at the first column carrying one of its labels. */
export function columnsFor(layout: Layout, header: readonly string[]): Columns {
  const keys = header.map(labelKey);
  const out: Columns = {};
  for (const f of FIELDS) {
    for (const label of layout.labels[f] ?? []) {
      const i = keys.indexOf(label);
      if (i >= 0 && !Object.values(out).includes(i)) {
        out[f] = i;
        break;
      }
    }
  }
  return out;
}

export function missingFields(layout: Layout, columns: Columns): Field[] {
  return layout.required.filter((f) => columns[f] === undefined && !(f === 'text' && columns.title !== undefined));
}

/** The known layout a header belongs to, with its columns, or undefined (then the user maps it). */
export function detectLayout(header: readonly string[]): { layout: Layout; columns: Columns } | undefined {
  for (const layout of LAYOUTS) {
    const columns = columnsFor(layout, header);
    if (!missingFields(layout, columns).length) return { layout, columns };
  }
  return undefined;
}

/** A header's identity for remembering the user's column choices: its folded labels in order. */
export const headerSignature = (header: readonly string[]) => header.map(labelKey).join('|');

/** The labels a user reads for a field under a layout (for messages: "the session (Session) is empty"). */
export function columnLabel(header: readonly string[], columns: Columns, field: Field): string {
  const i = columns[field];
  return i === undefined ? field : (header[i] ?? field).replace(/^\uFEFF/, '').trim();
}
