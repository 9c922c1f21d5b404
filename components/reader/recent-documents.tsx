import { useLiveQuery } from 'dexie-react-hooks';
import { database } from '@/lib/db/database';
import { recentDocuments } from '@/lib/reader/documents';
import { readerUrlFor } from '@/lib/reader/source';

/** Recently opened documents; web ones reopen where the reader stopped, local ones need the file again. */
export function RecentDocuments() {
  const rows = useLiveQuery(() => recentDocuments(database()), []);
  if (!rows?.length) return null;
  return (
    <section className="reader-recents" aria-labelledby="reader-recents-title">
      <h2 id="reader-recents-title">Recently opened</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            {r.url ? <a href={readerUrlFor(r.url, location.href)}>{r.title}</a> : <span>{r.title}</span>}
            <span className="muted">
              {' '}
              · page {r.lastPage} of {r.pageCount}
              {r.fileName ? ' · file on this computer: open it again with "Open a PDF file"' : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
