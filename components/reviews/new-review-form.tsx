/** Creating a review: the State under Review, session and cycle, date, own delegation. */
import { useState } from 'react';
import type { UnState } from '@/lib/catalogue/schema';
import type { ReviewInput } from '@/lib/reviews/reviews';
import { StateSelect } from './state-select';

const positive = (s: string) => {
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

/** `delegation`: the one the user last named, so it is typed once, not for every review. */
export function NewReviewForm({ states, onCreate, onCancel, delegation: lastDelegation = '' }: { states: UnState[]; onCreate: (r: ReviewInput) => void; onCancel?: () => void; delegation?: string }) {
  const [stateCode, setStateCode] = useState('');
  const [delegation, setDelegation] = useState(lastDelegation);
  const [session, setSession] = useState('');
  const [cycle, setCycle] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!stateCode) return setError('Choose the State under Review.');
    onCreate({ stateCode, delegation, session: positive(session), cycle: positive(cycle), date: date || undefined });
  };
  return (
    <form className="new-review" onSubmit={submit} aria-label="New review">
      <h2>New review</h2>
      <StateSelect states={states} value={stateCode} onChange={(c) => (setStateCode(c), setError(''))} />
      <div className="field-row">
        <div className="field">
          <label htmlFor="nr-session">Working Group session</label>
          <input id="nr-session" type="number" min={1} value={session} onChange={(e) => setSession(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="nr-cycle">Cycle</label>
          <input id="nr-cycle" type="number" min={1} value={cycle} onChange={(e) => setCycle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="nr-date">Date of the review</label>
          <input id="nr-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="nr-delegation">Your delegation</label>
        <input id="nr-delegation" type="text" value={delegation} placeholder="e.g. Norway" onChange={(e) => setDelegation(e.target.value)} />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="card-actions">
        <button type="submit">Create review</button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
