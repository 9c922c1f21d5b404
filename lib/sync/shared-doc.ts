/**
 * The layout of a review's shared document (one Y.Doc per shared review):
 * - root map `rows`: `table/id` -> a marker that the entity exists, and `table/id/field` -> a cell
 *   `{ v, by, at }` for each `value` field (who set it, when: "who changed what last");
 * - root Y.Text `table/id/field` for each `text` field, root Y.Array for each `list` field.
 * Texts and lists are root types, never nested in a map: two people creating the same entity
 * offline (an assessment of the same indicator) then merge their texts instead of one replacing
 * the other.
 */
import * as Y from 'yjs';
import { SHARED_TABLES, splitKey, type Entity, type SharedTable, type Snapshot } from './fields';
import { dedupe, listSplice, splice } from './text-merge';

export interface Cell {
  v?: unknown;
  /** The display name of whoever set it. */
  by: string;
  at: number;
}

export interface Author {
  name: string;
  now: number;
}

export const rowsMap = (doc: Y.Doc) => doc.getMap<Cell>('rows');
export const textOf = (doc: Y.Doc, key: string, field: string) => doc.getText(`${key}/${field}`);
export const listOf = (doc: Y.Doc, key: string, field: string) => doc.getArray<string>(`${key}/${field}`);

const isEntityKey = (k: string) => k.indexOf('/') === k.lastIndexOf('/');

/** The document's entities as plain data (the same shape `snapshotOf` gives the local rows). */
export function readDoc(doc: Y.Doc): Snapshot {
  const rows = rowsMap(doc);
  const out: Snapshot = {};
  for (const key of rows.keys()) {
    if (!isEntityKey(key)) continue;
    const { table } = splitKey(key);
    const spec = SHARED_TABLES[table];
    if (!spec) continue;
    const e: Entity = {};
    for (const [field, kind] of Object.entries(spec.fields)) {
      if (kind === 'text') e[field] = textOf(doc, key, field).toString();
      else if (kind === 'list') e[field] = dedupe(listOf(doc, key, field).toArray());
      else {
        const cell = rows.get(`${key}/${field}`);
        if (cell && cell.v !== undefined) e[field] = cell.v;
      }
    }
    out[key] = e;
  }
  return out;
}

/** The id of the review the document holds (set by whoever shared it). */
export function docReviewId(doc: Y.Doc): string | undefined {
  const id = doc.getMap('meta').get('reviewId');
  return typeof id === 'string' ? id : undefined;
}

/** Who last set a `value` field, if anyone did through the shared document. */
export function lastChange(doc: Y.Doc, key: string, field: string): Cell | undefined {
  return rowsMap(doc).get(`${key}/${field}`);
}

export function setText(t: Y.Text, to: string): void {
  const s = splice(t.toString(), to);
  if (s.remove) t.delete(s.index, s.remove);
  if (s.insert) t.insert(s.index, s.insert);
}

export function setList(a: Y.Array<string>, to: readonly string[]): void {
  const s = listSplice(a.toArray(), to);
  if (s.remove) a.delete(s.index, s.remove);
  if (s.insert.length) a.insert(s.index, s.insert);
}

/** Sets one field of an entity in the document (call inside a transaction). */
export function setField(doc: Y.Doc, key: string, table: SharedTable, field: string, value: unknown, author: Author): void {
  const kind = SHARED_TABLES[table].fields[field];
  if (kind === 'text') setText(textOf(doc, key, field), typeof value === 'string' ? value : '');
  else if (kind === 'list') setList(listOf(doc, key, field), Array.isArray(value) ? (value as string[]) : []);
  else if (kind === 'value') {
    const cell: Cell = { by: author.name, at: author.now };
    if (value !== undefined) cell.v = value;
    rowsMap(doc).set(`${key}/${field}`, cell);
  }
}

/** Marks the entity as existing and writes every field given. */
export function putEntity(doc: Y.Doc, key: string, e: Entity, author: Author): void {
  const { table } = splitKey(key);
  rowsMap(doc).set(key, { v: true, by: author.name, at: author.now });
  for (const field of Object.keys(SHARED_TABLES[table].fields)) {
    if (e[field] !== undefined) setField(doc, key, table, field, e[field], author);
  }
}

/** Removes the entity: its marker, its values, and the content of its texts and lists. */
export function deleteEntity(doc: Y.Doc, key: string): void {
  const { table } = splitKey(key);
  const rows = rowsMap(doc);
  rows.delete(key);
  for (const [field, kind] of Object.entries(SHARED_TABLES[table].fields)) {
    if (kind === 'value') rows.delete(`${key}/${field}`);
    else if (kind === 'text') setText(textOf(doc, key, field), '');
    else setList(listOf(doc, key, field), []);
  }
}
