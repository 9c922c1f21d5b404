/**
 * "Use as recommendation" on a search result: one of the entry's UPR sentences becomes a draft in
 * a review's Dialogue step. One review: it goes there. Several: the user picks. None: the user
 * starts one, and the draft goes into it. A sentence about the State's conduct in UN bodies or
 * abroad says so before and after it is added.
 */
import { useId, useState } from 'react';
import { database, type R2PDatabase } from '@/lib/db/database';
import type { ReviewRow } from '@/lib/db/rows';
import type { Recommendation } from '@/lib/catalogue/schema';
import { draftFromCatalogue, reviewWithDraftFromCatalogue } from '@/lib/reviews/from-catalogue';
import { requestOpenReview } from '@/lib/reviews/open-request';
import { listReviews, type ReviewInput } from '@/lib/reviews/reviews';
import { scopeLabel, uprSentence } from '@/lib/upr/sentences';
import { useKnowledge } from '../knowledge-context';
import { NewReviewForm } from '../reviews/new-review-form';
import { reviewLabel } from '../reviews/review-list';
import { rememberedReviewId } from '../reviews/reviews-view';
import './use-as-recommendation.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'choose'; reviews: ReviewRow[] }
  | { kind: 'new' }
  | { kind: 'added'; reviewId: string; label: string };

interface Props {
  rec: Recommendation;
  /** Which of the entry's UPR sentences (the first by default). */
  sentence?: number;
  /** The button's text and accessible name, when it is not the card's own. */
  label?: string;
  name?: string;
  className?: string;
  /** The extension's database unless a test passes its own; opened only when the button is used. */
  db?: R2PDatabase;
  /** Only one card at a time shows its chooser (the new-review form has fixed field ids). */
  active: boolean;
  onActivate: (on: boolean) => void;
}

/** The side panel switches tab on a hash change; the Reviews tab then reads the request. */
function showInReviews(reviewId: string) {
  try {
    requestOpenReview(localStorage, { reviewId, step: 'dialogue' });
  } catch {
    /* no storage: the Reviews tab opens on the last review instead */
  }
  location.hash = '#reviews';
}

export function UseAsRecommendation({ rec, sentence = 0, label = 'Use as recommendation', name, className = 'secondary', db, active, onActivate }: Props) {
  const kb = useKnowledge();
  const id = useId();
  const stateName = (code: string) => kb.states.find((s) => s.code === code)?.name ?? code;
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');
  const shown: Phase = active || phase.kind === 'added' ? phase : { kind: 'idle' };
  const scope = scopeLabel(uprSentence(rec, sentence));
  const scopeNote = scope && <p className="scope-note">Note: {scope.long}</p>;

  const done = (review: ReviewRow) => {
    setPhase({ kind: 'added', reviewId: review.id, label: reviewLabel(review, stateName) });
    onActivate(false);
  };
  const failed = (e: unknown) =>
    setError(`The draft could not be saved (${e instanceof Error ? e.message : String(e)}); nothing was changed. Try again.`);

  const addTo = async (review: ReviewRow) => {
    setError('');
    try {
      await draftFromCatalogue(db ?? database(), review.id, rec, Date.now(), sentence);
      done(review);
    } catch (e) {
      failed(e);
    }
  };
  const createAndAdd = async (input: ReviewInput) => {
    setError('');
    try {
      done((await reviewWithDraftFromCatalogue(db ?? database(), input, rec, Date.now(), sentence)).review);
    } catch (e) {
      failed(e);
    }
  };
  const start = async () => {
    setError('');
    onActivate(true);
    try {
      const reviews = await listReviews(db ?? database());
      if (reviews.length === 1) return void (await addTo(reviews[0]!));
      if (reviews.length === 0) return setPhase({ kind: 'new' });
      const last = rememberedReviewId();
      setChosen(reviews.some((r) => r.id === last) ? last! : reviews[0]!.id);
      setPhase({ kind: 'choose', reviews });
    } catch (e) {
      failed(e);
    }
  };
  const cancel = () => (setPhase({ kind: 'idle' }), onActivate(false), setError(''));

  return (
    <>
      <button type="button" className={className} aria-label={name ?? `Use as recommendation: ${rec.title}`} aria-expanded={shown.kind === 'choose' || shown.kind === 'new'} onClick={() => void start()}>
        {label}
      </button>
      {shown.kind === 'choose' && (
        <div className="use-as-rec" role="group" aria-label={`Add to a review: ${rec.title}`}>
          {scopeNote}
          <label htmlFor={`${id}-review`}>Add to the review of</label>
          <select id={`${id}-review`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {shown.reviews.map((r) => (
              <option key={r.id} value={r.id}>
                {reviewLabel(r, stateName)}
              </option>
            ))}
          </select>
          <div className="card-actions">
            <button type="button" onClick={() => void addTo(shown.reviews.find((r) => r.id === chosen) ?? shown.reviews[0]!)}>
              Add to this review
            </button>
            <button type="button" className="secondary" onClick={() => setPhase({ kind: 'new' })}>
              New review…
            </button>
            <button type="button" className="secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {shown.kind === 'new' && (
        <div className="use-as-rec">
          {scopeNote}
          <p className="muted">Start a review for the State you are preparing; the recommendation becomes its first draft.</p>
          <NewReviewForm states={kb.states} onCreate={(input) => void createAndAdd(input)} onCancel={cancel} />
        </div>
      )}
      {shown.kind === 'added' && (
        <p className="use-as-rec" role="status">
          Added to the recommendations of {shown.label}.{' '}
          {scope && <>It concerns {scope.about}, not its own record.{' '}</>}
          <button type="button" className="link-button" onClick={() => showInReviews(shown.reviewId)}>
            Open its Dialogue step
          </button>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
