/**
 * Recently opened documents and where the reader stopped in each, in the Dexie `documents`
 * table. A document is keyed by its address, or by name and size for a local file.
 */
import type { R2PDatabase } from '../db/database';
import type { ReaderDocumentRow } from '../db/rows';
import { documentId, type DocumentSource } from './source';

export const RECENT_LIMIT = 12;

/** Records an opening; keeps the page the reader stopped at. Returns the row as stored. */
export async function rememberOpened(
  db: R2PDatabase,
  source: DocumentSource,
  info: { title: string; pageCount: number },
  now = Date.now(),
): Promise<ReaderDocumentRow> {
  const id = documentId(source);
  return db.transaction('rw', db.documents, async () => {
    const before = await db.documents.get(id);
    const lastPage = before ? Math.min(Math.max(1, before.lastPage), Math.max(1, info.pageCount)) : 1;
    const row: ReaderDocumentRow = {
      id,
      title: info.title,
      lastPage,
      pageCount: info.pageCount,
      openedAt: now,
      ...(source.kind === 'url' ? { url: source.url } : { fileName: source.name }),
    };
    await db.documents.put(row);
    return row;
  });
}

export async function saveReadingPosition(db: R2PDatabase, source: DocumentSource, page: number): Promise<void> {
  await db.documents.update(documentId(source), { lastPage: Math.max(1, Math.floor(page)) });
}

/** Most recently opened first. */
export async function recentDocuments(db: R2PDatabase, limit = RECENT_LIMIT): Promise<ReaderDocumentRow[]> {
  return db.documents.orderBy('openedAt').reverse().limit(limit).toArray();
}

export async function forgetDocument(db: R2PDatabase, id: string): Promise<void> {
  await db.documents.delete(id);
}
