/**
 * The Reviews tab: a delegation's UPR workspace, organised by the 2017 report's four steps.
 * Everything is kept in the extension's IndexedDB and autosaved.
 */
import { useCallback, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { database, type R2PDatabase } from '@/lib/db/database';
import type { Clock } from '@/lib/reviews/autosave';
import { createReview, listReviews, purgeDeletedReviews, softDeleteReview, undoDeleteReview, UNDO_WINDOW_MS } from '@/lib/reviews/reviews';
import { clearOpenRequest, peekOpenRequest, type ReviewStep } from '@/lib/reviews/open-request';
import { stateNames } from '@/lib/catalogue/state-in-sentence';
import { serverHost } from '@/lib/sync/share-address';
import { useKnowledge } from '../knowledge-context';
import { AutosaveProvider, SaveStatus } from './autosave-context';
import { NewReviewForm } from './new-review-form';
import { PendingClips } from './pending-clips';
import { ReviewList, reviewLabel } from './review-list';
import { ReviewWorkspace } from './review-workspace';
import { restoreDefaultPanel } from './panel-path';
import { SharingProvider } from './share-context';
import { ShareForm } from './share-form';
import './reviews.css';

const SELECTED_KEY = 'r2p:reviews:selected';
/** The review last open in the Reviews tab, so other tabs can offer it first. */
export const rememberedReviewId = (): string | null => remembered();
const remembered = () => {
  try {
    return localStorage.getItem(SELECTED_KEY);
  } catch {
    return null;
  }
};
/** What another tab asked to show ("Use as recommendation" in Search), if anything. */
const openRequest = () => {
  try {
    return peekOpenRequest(localStorage);
  } catch {
    return undefined;
  }
};
const remember = (id: string | null) => {
  try {
    if (id) localStorage.setItem(SELECTED_KEY, id);
    else localStorage.removeItem(SELECTED_KEY);
  } catch {
    /* private mode: the choice is simply not remembered */
  }
};

export function ReviewsView({ db = database(), clock, delayMs }: { db?: R2PDatabase; clock?: Clock; delayMs?: number }) {
  const kb = useKnowledge();
  const stateName = useCallback((code: string) => kb.states.find((s) => s.code === code)?.name ?? code, [kb]);
  const reviews = useLiveQuery(() => listReviews(db), [db]);
  const sharedWith = useLiveQuery(async () => new Map((await db.shares.toArray()).map((s) => [s.reviewId, serverHost(s.server)])), [db]);
  const [opening] = useState(openRequest);
  const [selectedId, setSelectedId] = useState<string | null>(() => opening?.reviewId ?? remembered());
  const [openStep, setOpenStep] = useState<ReviewStep | undefined>(opening?.step);
  const [creating, setCreating] = useState(false);
  const [joining, setJoining] = useState(false);
  const [deleted, setDeleted] = useState<{ id: string; label: string } | null>(null);

  useEffect(() => {
    void purgeDeletedReviews(db).catch(() => {});
    restoreDefaultPanel();
  }, [db]);
  useEffect(() => {
    if (!opening) return;
    remember(opening.reviewId);
    try {
      clearOpenRequest(localStorage);
    } catch {
      /* no storage: nothing was left to clear */
    }
  }, [opening]);
  useEffect(() => {
    if (!deleted) return;
    const t = setTimeout(() => setDeleted(null), UNDO_WINDOW_MS);
    return () => clearTimeout(t);
  }, [deleted]);

  if (!reviews) return <p className="muted">Loading reviews…</p>;
  const selected = reviews.find((r) => r.id === selectedId) ?? null;
  const select = (id: string | null) => {
    setSelectedId(id);
    remember(id);
    setCreating(false);
    setOpenStep(undefined);
  };

  return (
    <SharingProvider db={db}>
      <AutosaveProvider db={db} clock={clock} delayMs={delayMs}>
        <section className="reviews-view" aria-label="UPR reviews">
          <div className="reviews-top">
            <h2>Reviews</h2>
            <SaveStatus />
          </div>
          {deleted && (
            <div className="undo-bar" role="status">
              Deleted the review of {deleted.label}.{' '}
              <button
                type="button"
                onClick={() => {
                  void undoDeleteReview(db, deleted.id).then(() => select(deleted.id));
                  setDeleted(null);
                }}
              >
                Undo
              </button>
            </div>
          )}
          <PendingClips db={db} reviews={reviews} currentReviewId={selected?.id ?? null} stateName={stateName} />
          {reviews.length > 0 && (
            <ReviewList
              reviews={reviews}
              selectedId={selected?.id ?? null}
              stateName={stateName}
              sharedWith={sharedWith}
              onSelect={select}
              onNew={() => setCreating(true)}
              onDelete={(id) => {
                const r = reviews.find((x) => x.id === id)!;
                void softDeleteReview(db, id);
                setDeleted({ id, label: reviewLabel(r, stateName) });
                if (id === selected?.id) select(null);
              }}
            />
          )}
          {joining ? (
            <ShareForm db={db} onDone={(id) => (select(id), setJoining(false))} onCancel={() => setJoining(false)} />
          ) : (
            <button type="button" className="secondary small join-shared" onClick={() => setJoining(true)}>
              Join a shared review…
            </button>
          )}
          {creating || reviews.length === 0 ? (
            <NewReviewForm
              states={kb.states}
              delegation={reviews.find((r) => r.delegation.trim())?.delegation ?? ''}
              onCancel={reviews.length > 0 ? () => setCreating(false) : undefined}
              onCreate={(input) => void createReview(db, input).then((r) => select(r.id))}
            />
          ) : selected ? (
            <ReviewWorkspace key={selected.id} db={db} review={selected} state={stateNames(selected.stateCode, kb)} initialStep={openStep} />
          ) : (
            <p className="empty-state">Choose a review above, or start a new one.</p>
          )}
        </section>
      </AutosaveProvider>
    </SharingProvider>
  );
}
