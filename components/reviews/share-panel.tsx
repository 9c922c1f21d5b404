/**
 * "This review is shared with …", always in sight at the top of a review: where it is shared,
 * under which name, whether it is offline, syncing or synced, who else has it open, and the way
 * out (leave, or stop sharing for everyone). A review not shared shows only a Share button.
 */
import { useState } from 'react';
import type { R2PDatabase } from '@/lib/db/database';
import type { ShareRow } from '@/lib/db/rows';
import type { SessionView } from '@/lib/sync/session';
import { isUnencrypted, serverHost, shareLink } from '@/lib/sync/share-address';
import { leaveReview } from '@/lib/sync/shares';
import { CopyButton } from '../copy-button';
import { useSharing } from './share-context';
import { ShareForm } from './share-form';
import './share.css';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function statusLine(share: ShareRow, view: SessionView | undefined): { text: string; tone: string } {
  if (share.stopped?.reason === 'unshared' || view?.status === 'unshared') {
    return { text: 'No longer shared: whoever shared this review stopped sharing it. Your copy stays on this computer; nothing more is sent.', tone: 'stopped' };
  }
  if (share.stopped?.reason === 'refused' || view?.status === 'refused') {
    return { text: 'The server refused this review’s token (it may have been revoked). Your copy stays on this computer; nothing more is sent. Ask for a new link.', tone: 'stopped' };
  }
  switch (view?.status) {
    case 'synced':
      return { text: `Synced${view.syncedAt ? ` at ${time(view.syncedAt)}` : ''}`, tone: 'synced' };
    case 'syncing':
      return { text: 'Syncing…', tone: 'syncing' };
    case 'offline':
      return { text: 'Offline: your changes are kept on this computer and sent when the server can be reached again.', tone: 'offline' };
    default:
      return { text: 'Connecting to the server…', tone: 'syncing' };
  }
}

export function SharePanel({ db, reviewId }: { db: R2PDatabase; reviewId: string }) {
  const { share, session, view } = useSharing(reviewId);
  const [sharing, setSharing] = useState(false);
  const [confirm, setConfirm] = useState<'leave' | 'unshare' | null>(null);
  const [problem, setProblem] = useState('');
  if (!share) {
    return sharing ? (
      <ShareForm db={db} reviewId={reviewId} onDone={() => setSharing(false)} onCancel={() => setSharing(false)} />
    ) : (
      <div className="share-bar not-shared">
        <span className="muted">Only on this computer.</span>
        <button type="button" className="secondary small" onClick={() => setSharing(true)}>
          Share with your team…
        </button>
      </div>
    );
  }
  const status = statusLine(share, view);
  const stopped = status.tone === 'stopped';
  const unshare = async () => {
    setProblem('');
    const done = await session?.unshare();
    if (!done) return setProblem('Stopping the sharing needs the server: try again when the review shows “Synced”.');
    await leaveReview(db, reviewId);
  };
  return (
    <section className={`share-bar shared tone-${status.tone}`} aria-label="Sharing">
      <p className="share-where">
        <strong>{stopped ? 'Was shared' : 'Shared'}</strong> on {serverHost(share.server)} · you are {share.displayName}
        {isUnencrypted(share.server) && <span className="share-warning"> · not encrypted</span>}
      </p>
      <p className="share-status" role={stopped ? 'alert' : 'status'} aria-live="polite">
        {status.text}
        {status.tone === 'offline' && session && (
          <>
            {' '}
            <button type="button" className="secondary small" onClick={() => session.retry()}>
              Try now
            </button>
          </>
        )}
      </p>
      {!stopped && view && view.peers.length > 0 && <p className="muted share-peers">Also here now: {view.peers.join(', ')}</p>}
      {view?.error && <p className="form-error">A change could not be merged: {view.error}</p>}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {stopped ? (
        <button type="button" className="secondary small" onClick={() => void leaveReview(db, reviewId)}>
          Keep it as a review of my own
        </button>
      ) : (
        <details className="share-options">
          <summary>Sharing options</summary>
          <p className="muted">
            The review is kept on this server and your colleagues’ computers. Whoever runs the server can read it (no end-to-end encryption).
          </p>
          <div className="card-actions">
            <CopyButton text={() => shareLink(share)} label="Copy link for a colleague" doneLabel="Link copied" />
            <button type="button" className="secondary" onClick={() => setConfirm('leave')}>
              Leave
            </button>
            {share.role === 'owner' && (
              <button type="button" className="secondary" onClick={() => setConfirm('unshare')}>
                Stop sharing…
              </button>
            )}
          </div>
          {confirm && (
            <div className="confirm" role="group" aria-label={confirm === 'leave' ? 'Confirm leaving' : 'Confirm stop sharing'}>
              <span>
                {confirm === 'leave'
                  ? 'Stop syncing this review on this computer? Your copy stays here; colleagues keep theirs.'
                  : 'Delete the review from the server and stop sharing it for everyone? Each keeps the copy they have.'}
              </span>
              <button type="button" className="danger" onClick={() => (setConfirm(null), void (confirm === 'leave' ? leaveReview(db, reviewId) : unshare()))}>
                {confirm === 'leave' ? 'Leave' : 'Stop sharing'}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirm(null)}>
                Cancel
              </button>
            </div>
          )}
        </details>
      )}
    </section>
  );
}
