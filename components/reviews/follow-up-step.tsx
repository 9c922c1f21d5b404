/** Step 4: offers of assistance, follow-up actions, the mid-term report, and what the catalogue says. */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { R2PDatabase } from '@/lib/db/database';
import type { FollowUpRow, ReviewRow } from '@/lib/db/rows';
import { addFollowUp, deleteFollowUp, listFollowUps, saveFollowUp } from '@/lib/reviews/follow-ups';
import { assistanceEntries } from '@/lib/reviews/suggestions';
import { useKnowledge } from '../knowledge-context';
import { AutosaveField } from './autosave-field';

export function FollowUpStep({ db, review }: { db: R2PDatabase; review: ReviewRow }) {
  const kb = useKnowledge();
  const rows = useLiveQuery(() => listFollowUps(db, review.id), [db, review.id]);
  const entries = useMemo(() => assistanceEntries(kb), [kb]);
  if (!rows) return <p className="muted">Loading…</p>;
  return (
    <div className="follow-up-step">
      <p className="muted">Step 4: assistance to implement the recommendations, and your own follow-up.</p>
      <AutosaveField
        label="Mid-term report expected on"
        type="date"
        initial={review.midTermReportDate ?? ''}
        edit={{ table: 'reviews', id: review.id, field: 'midTermReportDate' }}
      />
      <div className="card-actions">
        <button type="button" className="secondary" onClick={() => void addFollowUp(db, review.id, 'assistance')}>
          Add an offer of assistance
        </button>
        <button type="button" className="secondary" onClick={() => void addFollowUp(db, review.id, 'action')}>
          Add a follow-up action
        </button>
      </div>
      {rows.length > 0 && (
        <ol className="follow-ups">
          {rows.map((f, i) => (
            <FollowUp key={f.id} db={db} row={f} n={i + 1} />
          ))}
        </ol>
      )}
      <details className="assistance-entries">
        <summary>The Secretary-General on international assistance ({entries.length})</summary>
        <ul>
          {entries.map((r) => (
            <li key={r.id}>
              <strong>{r.title}</strong> <span className="muted">({r.report.replace('sg-', '')})</span>
              <p>{r.summary}</p>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function FollowUp({ db, row, n }: { db: R2PDatabase; row: FollowUpRow; n: number }) {
  const kind = row.kind === 'assistance' ? 'Offer of assistance' : 'Follow-up action';
  const edit = (field: 'what' | 'partner' | 'owner' | 'due') => ({ table: 'followUps', id: row.id, field }) as const;
  return (
    <li className="follow-up">
      <p>
        <strong>
          {kind} {n}
        </strong>
      </p>
      <AutosaveField label={`What (${kind.toLowerCase()} ${n})`} multiline rows={2} initial={row.what} edit={edit('what')} />
      <div className="field-row">
        {/* Partners are named in full ("OHCHR, UNDP and the Office on Genocide Prevention …"): the whole row, wrapping. */}
        <AutosaveField label="Partner" className="wide" multiline rows={1} initial={row.partner} placeholder="OHCHR, UNDP, …" edit={edit('partner')} />
        <AutosaveField label="Who in the delegation" initial={row.owner} edit={edit('owner')} />
        <AutosaveField label="By when" type="date" initial={row.due} edit={edit('due')} />
      </div>
      <label className="pick">
        <input type="checkbox" checked={row.done} onChange={(e) => void saveFollowUp(db, row.id, { done: e.target.checked })} /> Done
      </label>
      <button type="button" className="secondary small" aria-label={`Delete ${kind.toLowerCase()} ${n}`} onClick={() => void deleteFollowUp(db, row.id)}>
        Delete
      </button>
    </li>
  );
}
