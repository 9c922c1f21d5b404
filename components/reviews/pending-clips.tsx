/** Clips made while reading, waiting to be filed under a review and an indicator. */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { R2PDatabase } from '@/lib/db/database';
import type { EvidenceRow, ReviewRow } from '@/lib/db/rows';
import { fileEvidence, pendingEvidence, removeEvidence } from '@/lib/reviews/evidence';
import { assessableGroups, type FactorGroup } from '@/lib/reviews/indicators';
import { useKnowledge } from '../knowledge-context';
import { reviewLabel } from './review-list';

interface Props {
  db: R2PDatabase;
  reviews: ReviewRow[];
  currentReviewId: string | null;
  stateName: (code: string) => string;
}

export function PendingClips({ db, reviews, currentReviewId, stateName }: Props) {
  const clips = useLiveQuery(() => pendingEvidence(db), [db]) ?? [];
  const kb = useKnowledge();
  const groups = useMemo(() => assessableGroups(kb.riskFactors.factors), [kb]);
  if (clips.length === 0) return null;
  return (
    <section className="pending-clips" aria-labelledby="pending-h">
      <h2 id="pending-h">Evidence to file ({clips.length})</h2>
      {reviews.length === 0 && <p>Create a review first, then file these clips under it.</p>}
      <ul>
        {clips.map((c) => (
          <PendingClip key={c.id} db={db} clip={c} reviews={reviews} groups={groups} defaultReview={currentReviewId ?? reviews[0]?.id ?? ''} stateName={stateName} />
        ))}
      </ul>
    </section>
  );
}

function PendingClip({ db, clip, reviews, groups, defaultReview, stateName }: { db: R2PDatabase; clip: EvidenceRow; reviews: ReviewRow[]; groups: FactorGroup[]; defaultReview: string; stateName: (c: string) => string }) {
  const [reviewId, setReviewId] = useState(defaultReview);
  const [indicatorId, setIndicatorId] = useState('');
  const [error, setError] = useState('');
  const chosenReview = reviews.some((r) => r.id === reviewId) ? reviewId : defaultReview;
  const file = async () => {
    if (!chosenReview) return setError('Choose a review.');
    if (!indicatorId) return setError('Choose the indicator this evidence supports.');
    await fileEvidence(db, clip.id, chosenReview, indicatorId);
  };
  const short = clip.quote.length > 60 ? `${clip.quote.slice(0, 60)}…` : clip.quote;
  return (
    <li className="pending-clip">
      <blockquote>{clip.quote}</blockquote>
      <p className="muted">
        {clip.title} · {new Date(clip.clippedAt).toLocaleString()}
      </p>
      <div className="field-row">
        <label>
          Review
          <select aria-label={`Review for the clip "${short}"`} value={chosenReview} onChange={(e) => setReviewId(e.target.value)}>
            {reviews.map((r) => (
              <option key={r.id} value={r.id}>
                {reviewLabel(r, stateName)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Indicator
          <select aria-label={`Indicator for the clip "${short}"`} value={indicatorId} onChange={(e) => (setIndicatorId(e.target.value), setError(''))}>
            <option value="">Choose an indicator</option>
            {groups.map((g) => (
              <optgroup key={g.factor.id} label={`${g.factor.framework === 'foa-2014' ? `${g.factor.number}. ` : '2013: '}${g.factor.title}`}>
                {g.items.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.number ? `${i.number} ${i.text.slice(0, 80)}` : g.factor.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="card-actions">
        <button type="button" onClick={() => void file()} disabled={reviews.length === 0}>
          File evidence
        </button>
        <button type="button" className="secondary" onClick={() => void removeEvidence(db, clip.id)}>
          Discard
        </button>
      </div>
    </li>
  );
}
