/** The open review's own details, editable and autosaved. */
import type { ReviewRow } from '@/lib/db/rows';
import { AutosaveField } from './autosave-field';

export function ReviewDetails({ review }: { review: ReviewRow }) {
  const edit = (field: 'delegation' | 'session' | 'cycle' | 'date') => ({ table: 'reviews', id: review.id, field }) as const;
  return (
    <details className="review-details">
      <summary>Review details</summary>
      <div className="field-row">
        <AutosaveField label="Your delegation" initial={review.delegation} edit={edit('delegation')} />
        <AutosaveField label="Session" type="number" initial={review.session?.toString() ?? ''} edit={edit('session')} />
        <AutosaveField label="Cycle" type="number" initial={review.cycle?.toString() ?? ''} edit={edit('cycle')} />
        <AutosaveField label="Date" type="date" initial={review.date ?? ''} edit={edit('date')} />
      </div>
    </details>
  );
}
