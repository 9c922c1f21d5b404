/** Step 3: the State's answer to each of the delegation's recommendations, and where it stands. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { R2PDatabase } from '@/lib/db/database';
import type { ReviewRow, UprResponse } from '@/lib/db/rows';
import { listDrafts, outcomeSummary, saveDraft } from '@/lib/reviews/drafts';
import { AutosaveField } from './autosave-field';
import { LastChange } from './last-change';

const RESPONSES: Record<UprResponse, string> = { pending: 'Pending', supported: 'Supported', noted: 'Noted' };

export function OutcomeStep({ db, review, stateName }: { db: R2PDatabase; review: ReviewRow; stateName: string }) {
  const recs = useLiveQuery(() => listDrafts(db, review.id, 'recommendation'), [db, review.id]);
  if (!recs) return <p className="muted">Loading…</p>;
  const s = outcomeSummary(recs);
  return (
    <div className="outcome-step">
      <p className="muted">Step 3: record how {stateName} answered each of your recommendations in the Working Group report.</p>
      <p className="outcome-summary" role="status">
        {s.total === 0
          ? 'No recommendation drafted yet.'
          : `${s.total} recommendation${s.total === 1 ? '' : 's'}: ${s.supported} supported, ${s.noted} noted, ${s.pending} pending.`}
      </p>
      <ol className="outcomes">
        {recs.map((r, i) => (
          <li key={r.id}>
            <p>{r.text || '(empty draft)'}</p>
            <div className="field-row">
              <label>
                Response
                <select aria-label={`Response to recommendation ${i + 1}`} value={r.response} onChange={(e) => void saveDraft(db, r.id, { response: e.target.value as UprResponse })}>
                  {(Object.keys(RESPONSES) as UprResponse[]).map((k) => (
                    <option key={k} value={k}>
                      {RESPONSES[k]}
                    </option>
                  ))}
                </select>
                <LastChange entity={`drafts/${r.id}`} field="response" />
              </label>
              <AutosaveField
                label={`Paragraph in the report (recommendation ${i + 1})`}
                initial={r.reportParagraph}
                placeholder="e.g. 107.41"
                edit={{ table: 'drafts', id: r.id, field: 'reportParagraph' }}
              />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
