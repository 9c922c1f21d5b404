/** The delegation's reviews, side by side: pick one, start a new one, delete (asks, can be undone). */
import { useState } from 'react';
import type { ReviewRow } from '@/lib/db/rows';

interface Props {
  reviews: ReviewRow[];
  selectedId: string | null;
  stateName: (code: string) => string;
  onSelect: (id: string) => void;
  onNew: () => void;
  onDelete: (id: string) => void;
  /** Where each shared review syncs (review id → server host): said in the list, not only inside the review. */
  sharedWith?: ReadonlyMap<string, string>;
}

export const reviewLabel = (r: ReviewRow, stateName: (code: string) => string) =>
  `${stateName(r.stateCode)}${r.session ? `, session ${r.session}` : ''}`;

export function ReviewList({ reviews, selectedId, stateName, onSelect, onNew, onDelete, sharedWith }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <nav className="review-list" aria-label="Reviews">
      <ul>
        {reviews.map((r) => (
          <li key={r.id} className={r.id === selectedId ? 'current' : undefined}>
            <button type="button" className="secondary" aria-current={r.id === selectedId ? 'true' : undefined} onClick={() => onSelect(r.id)}>
              {reviewLabel(r, stateName)}
              {sharedWith?.has(r.id) && (
                <span className="shared-tag" title={`Shared with ${sharedWith.get(r.id)}`}>
                  {' '}
                  · shared<span className="visually-hidden"> with {sharedWith.get(r.id)}</span>
                </span>
              )}
            </button>
            {confirming === r.id ? (
              <span className="confirm" role="group" aria-label={`Confirm deleting the review of ${reviewLabel(r, stateName)}`}>
                <span>
                  {sharedWith?.has(r.id)
                    ? 'Delete this review and all its drafts from this browser? Colleagues keep their copy.'
                    : 'Delete this review and all its drafts?'}
                </span>
                <button type="button" className="danger" onClick={() => (setConfirming(null), onDelete(r.id))}>
                  Yes, delete
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                  Keep it
                </button>
              </span>
            ) : (
              <button type="button" className="secondary icon" aria-label={`Delete the review of ${reviewLabel(r, stateName)}`} onClick={() => setConfirming(r.id)}>
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onNew}>
        New review
      </button>
    </nav>
  );
}
