/** One review, by the 2017 report's four UPR steps, plus export and backup. */
import { useState } from 'react';
import type { R2PDatabase } from '@/lib/db/database';
import type { ReviewRow } from '@/lib/db/rows';
import type { StateNames } from '@/lib/catalogue/state-in-sentence';
import type { ReviewStep } from '@/lib/reviews/open-request';
import { BackupPanel } from './backup-panel';
import { DialogueStep } from './dialogue-step';
import { ExportPanel } from './export-panel';
import { FollowUpStep } from './follow-up-step';
import { OutcomeStep } from './outcome-step';
import { PrepareStep } from './prepare-step';
import { ReviewDetails } from './review-details';
import { OpenReview } from './share-context';
import { SharePanel } from './share-panel';

const STEPS = [
  { id: 'prepare', label: '1 Prepare' },
  { id: 'dialogue', label: '2 Dialogue' },
  { id: 'outcome', label: '3 Outcome' },
  { id: 'follow-up', label: '4 Follow-up' },
  { id: 'export', label: 'Export' },
] as const satisfies readonly { id: ReviewStep; label: string }[];

export function ReviewWorkspace({ db, review, state, initialStep = 'prepare' }: { db: R2PDatabase; review: ReviewRow; state: StateNames; initialStep?: ReviewStep }) {
  const [step, setStep] = useState<ReviewStep>(initialStep);
  // Bumped when the statement builder sets the delegation, so the details show it.
  const [detailsVersion, setDetailsVersion] = useState(0);
  return (
    <OpenReview reviewId={review.id}>
      <article className="review-workspace" aria-labelledby="review-h">
        <h2 id="review-h">
          {state.name}
          {review.session ? `, session ${review.session}` : ''}
          <span className="muted"> · {review.delegation || 'delegation not set'}</span>
        </h2>
        <SharePanel db={db} reviewId={review.id} />
        <ReviewDetails key={detailsVersion} review={review} />
        <nav className="step-nav" aria-label="UPR steps">
          {STEPS.map((s) => (
            <button key={s.id} type="button" className="secondary" aria-pressed={step === s.id} onClick={() => setStep(s.id)}>
              {s.label}
            </button>
          ))}
        </nav>
        {step === 'prepare' && <PrepareStep db={db} review={review} stateName={state.inSentence} />}
        {step === 'dialogue' && <DialogueStep db={db} review={review} state={state} onDelegationSet={() => setDetailsVersion((v) => v + 1)} />}
        {step === 'outcome' && <OutcomeStep db={db} review={review} stateName={state.inSentence} />}
        {step === 'follow-up' && <FollowUpStep db={db} review={review} />}
        {step === 'export' && (
          <>
            <ExportPanel db={db} review={review} state={state} />
            <BackupPanel db={db} />
          </>
        )}
      </article>
    </OpenReview>
  );
}
