/**
 * The journal of typed text: every keystroke's text is written at once, before the event that
 * carried it returns, to a small IndexedDB table (`journal`, one record per field); the field's
 * own row is written later by the autosaver, and that same transaction drops the journal record.
 * A page that closes, or a browser that quits or is killed, before the row was written leaves
 * the record behind, and the next context to open the database writes it to its row first
 * (`replayJournal`, wired in lib/db/database.ts).
 *
 * Why IndexedDB, and why at the keystroke (tests/e2e/keystrokes-survive.test.ts, Chromium): a
 * put issued in the input event outlived `context.close()`, a killed browser process and a page
 * closed at once, every time. localStorage outlived a quit and a closed page but never a killed
 * browser (Chromium writes it to disk seconds later); the row's own read-then-write transaction,
 * started when the page hides, is cut off when the page goes.
 *
 * The interface an editor uses: `recordEdit` on each change, `saveEdit` when it saves (or
 * `forgetEdit` once the text is stored another way, as a shared review's document).
 */
import { reopenIfFailed, type R2PDatabase } from '../db/database';
import type { JournalRow } from '../db/rows';
import { applyEdit, editKey, editTables, FieldEditSchema, type FieldEdit } from './field-edits';

/**
 * Journals a field's latest text. The IndexedDB request is issued before this returns (and
 * committed without waiting for its answer), so it is durable within milliseconds even if the
 * page closes right after. A journal that cannot be written (a full disk) changes nothing here:
 * the save that follows reports it.
 */
export function recordEdit(db: R2PDatabase, edit: FieldEdit, value: string, at = Date.now()): void {
  const row: JournalRow = { key: editKey(edit), edit, value, at };
  reopenIfFailed(db);
  let idb: IDBDatabase | undefined;
  try {
    idb = db.isOpen() ? db.backendDB() : undefined;
  } catch {
    idb = undefined;
  }
  if (!idb) {
    // Not open yet (the first keystroke of a page): Dexie writes it once the database is open.
    void db.journal.put(row).catch(() => {});
    return;
  }
  try {
    const tx = idb.transaction('journal', 'readwrite');
    tx.objectStore('journal').put(row);
    tx.commit?.();
  } catch {
    void db.journal.put(row).catch(() => {});
  }
}

/**
 * Writes a field's text to its row and, in the same transaction, drops its journal record if
 * that still holds this text (a newer keystroke's record stays until its own save).
 */
export async function saveEdit(db: R2PDatabase, edit: FieldEdit, value: string, now = Date.now()): Promise<void> {
  reopenIfFailed(db);
  await db.transaction('rw', [db.journal, ...editTables(db)], async () => {
    await applyEdit(db, edit, value, now);
    const key = editKey(edit);
    if ((await db.journal.get(key))?.value === value) await db.journal.delete(key);
  });
}

/** Drops a field's journal record if it still holds this text (saved another way: a shared review's document). */
export async function forgetEdit(db: R2PDatabase, edit: FieldEdit, value: string): Promise<void> {
  await db.transaction('rw', db.journal, async () => {
    const key = editKey(edit);
    if ((await db.journal.get(key))?.value === value) await db.journal.delete(key);
  });
}

/**
 * Writes every journaled text to its row, oldest first, and empties the journal, in one
 * transaction (all of it or, on a failure such as a full disk, none: it is tried again at the
 * next open). Records that are not edits this version knows are dropped. Returns how many were
 * written.
 */
export async function replayJournal(db: R2PDatabase, now = Date.now()): Promise<number> {
  return db.transaction('rw', [db.journal, ...editTables(db)], async () => {
    const rows = await db.journal.toArray();
    if (!rows.length) return 0;
    let written = 0;
    for (const row of rows.sort((a, b) => a.at - b.at)) {
      const edit = FieldEditSchema.safeParse(row.edit);
      if (!edit.success || typeof row.value !== 'string') continue;
      await applyEdit(db, edit.data, row.value, now);
      written++;
    }
    await db.journal.bulkDelete(rows.map((r) => r.key));
    return written;
  });
}

