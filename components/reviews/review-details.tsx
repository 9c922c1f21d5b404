/** The open review's own details, editable and autosaved. */
import type { R2PDatabase } from '@/lib/db/database';
import type { ReviewRow } from '@/lib/db/rows';
import { updateReview } from '@/lib/reviews/reviews';
import { AutosaveField } from './autosave-field';

const positive = (s: string) => {
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

export function ReviewDetails({ db, review }: { db: R2PDatabase; review: ReviewRow }) {
  const key = (f: string) => `review:${review.id}:${f}`;
  return (
    <details className="review-details">
      <summary>Review details</summary>
      <div className="field-row">
        <AutosaveField label="Your delegation" initial={review.delegation} saveKey={key('delegation')} onSave={(v) => updateReview(db, review.id, { delegation: v.trim() })} />
        <AutosaveField label="Session" type="number" initial={review.session?.toString() ?? ''} saveKey={key('session')} onSave={(v) => updateReview(db, review.id, { session: positive(v) })} />
        <AutosaveField label="Cycle" type="number" initial={review.cycle?.toString() ?? ''} saveKey={key('cycle')} onSave={(v) => updateReview(db, review.id, { cycle: positive(v) })} />
        <AutosaveField label="Date" type="date" initial={review.date ?? ''} saveKey={key('date')} onSave={(v) => updateReview(db, review.id, { date: v || undefined })} />
      </div>
    </details>
  );
}
