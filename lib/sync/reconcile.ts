/**
 * The three-way merge between this browser's tables and a review's shared document. `base` is
 * the state both last agreed on; whatever the local rows changed since (typed here, restored from
 * a backup, filed from a clip) goes into the document, and the document as it then stands is what
 * the local rows become. The document is a CRDT, so changes that reached it from colleagues are
 * already merged there; this only has to tell local changes from theirs.
 */
import type * as Y from 'yjs';
import { SHARED_TABLES, sameEntity, sameValue, splitKey, type Entity, type Snapshot } from './fields';
import { deleteEntity, docReviewId, listOf, putEntity, readDoc, setField, setList, setText, textOf, type Author } from './shared-doc';
import { rebaseList, rebaseText } from './text-merge';

/**
 * Writes the local changes since `base` into `doc` in one transaction (tagged `origin`) and
 * returns the document's state afterwards: what the local rows must now hold.
 *
 * With no base yet (the first sync after sharing or joining), an entity both sides hold is taken
 * as the document has it: joining a review gives the server's copy. Later, an entity that appeared
 * on both sides (two people assessing the same indicator offline) keeps both texts.
 */
export function pushLocalChanges(doc: Y.Doc, reviewId: string, base: Snapshot, local: Snapshot, author: Author, origin: unknown): Snapshot {
  const remote = readDoc(doc);
  const firstSync = Object.keys(base).length === 0;
  doc.transact(() => {
    // Whoever joins later gives their copy the same id, so row ids agree everywhere.
    if (!docReviewId(doc)) doc.getMap('meta').set('reviewId', reviewId);
    for (const key of new Set([...Object.keys(base), ...Object.keys(local)])) {
      const b = base[key];
      const l = local[key];
      const r = remote[key];
      const { table } = splitKey(key);
      if (!SHARED_TABLES[table]) continue;
      if (!l) {
        // Deleted here since the last agreement: deleted for everyone.
        if (b && r) deleteEntity(doc, key);
        continue;
      }
      if (!r) {
        // New here; or deleted by a colleague, which loses nothing only if it was not changed here meanwhile.
        if (!b) putEntity(doc, key, withTypedTexts(doc, key, l), author);
        else if (!sameEntity(table, l, b)) putEntity(doc, key, l, author);
        continue;
      }
      if (!b && firstSync) continue;
      mergeFields(doc, key, b ?? {}, l, r, author);
    }
  }, origin);
  return readDoc(doc);
}

/**
 * A new entity's texts as typed: its fields write into the document from the first key (a draft
 * added, then typed in at once), before the row reaches the document, so what the document holds
 * for them is newer than the row (an empty text when the draft was added).
 */
function withTypedTexts(doc: Y.Doc, key: string, l: Entity): Entity {
  const e = { ...l };
  for (const [field, kind] of Object.entries(SHARED_TABLES[splitKey(key).table].fields)) {
    const typed = kind === 'text' ? textOf(doc, key, field).toString() : '';
    if (typed) e[field] = typed;
  }
  return e;
}

function mergeFields(doc: Y.Doc, key: string, b: Entity, l: Entity, r: Entity, author: Author): void {
  const { table } = splitKey(key);
  for (const [field, kind] of Object.entries(SHARED_TABLES[table].fields)) {
    if (sameValue(l[field], b[field])) continue;
    if (kind === 'text') {
      setText(textOf(doc, key, field), rebaseText(String(b[field] ?? ''), String(l[field] ?? ''), String(r[field] ?? '')));
    } else if (kind === 'list') {
      const list = (x: unknown) => (Array.isArray(x) ? (x as string[]) : []);
      setList(listOf(doc, key, field), rebaseList(list(b[field]), list(l[field]), list(r[field])));
    } else if (!sameValue(l[field], r[field])) {
      setField(doc, key, table, field, l[field], author);
    }
  }
}
