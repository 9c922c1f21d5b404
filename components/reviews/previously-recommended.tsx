/** What earlier reviews recommended to this State, from the imported UPR library (if any). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { R2PDatabase } from '@/lib/db/database';
import { previousRecommendations } from '@/lib/library/previous';

const SHOWN = 20;

export function PreviouslyRecommended({ db, stateCode, stateName }: { db: R2PDatabase; stateCode: string; stateName: string }) {
  const rows = useLiveQuery(() => previousRecommendations(db, stateCode).catch(() => []), [db, stateCode]);
  if (!rows || rows.length === 0) return null;
  return (
    <details className="previously">
      <summary>
        Previously recommended to {stateName} ({rows.length})
      </summary>
      <ul>
        {rows.slice(0, SHOWN).map((r) => (
          <li key={r.id}>
            {r.text}{' '}
            <span className="muted">
              ({r.from}
              {r.session ? `, session ${r.session}` : ''}
              {r.response ? `, ${r.response}` : ''})
            </span>
          </li>
        ))}
      </ul>
      {rows.length > SHOWN && <p className="muted">The Library tab lists all {rows.length}.</p>}
    </details>
  );
}
