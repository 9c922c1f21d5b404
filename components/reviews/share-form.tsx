/**
 * The form to share a review or join one: the server's address (a pasted share link fills both
 * fields), the token, the user's name. It checks the server before anything is stored, and says
 * plainly what sharing sends and who can read it.
 */
import { useEffect, useId, useState } from 'react';
import type { R2PDatabase } from '@/lib/db/database';
import { askSharingConsent } from '@/lib/sync/data-consent';
import { isUnencrypted, parseShareTarget, splitShareLink } from '@/lib/sync/share-address';
import { joinReview, lastDisplayName, shareReview, type ShareOutcome } from '@/lib/sync/shares';

interface Props {
  db: R2PDatabase;
  /** Share this review; without it, join the review behind the link. */
  reviewId?: string;
  onDone: (reviewId: string) => void;
  onCancel: () => void;
}

export function ShareForm({ db, reviewId, onDone, onCancel }: Props) {
  const id = useId();
  const [address, setAddress] = useState('');
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const joining = !reviewId;
  useEffect(() => {
    let live = true;
    void lastDisplayName(db).then((n) => live && n && setName((x) => x || n));
    return () => void (live = false);
  }, [db]);

  // A pasted link (address#token) goes into both fields. One typed key at a time it stays whole
  // until the field is left: split at the "#" as it is typed, the token's keys went into the address.
  const splitLink = (v: string) => {
    const link = token ? undefined : splitShareLink(v);
    if (!link) return false;
    setAddress(link.address);
    setToken(link.token);
    return true;
  };
  const onAddress = (v: string) => {
    if (!(v.length > address.length + 1 && splitLink(v))) setAddress(v);
    setError('');
  };
  const target = parseShareTarget(address, token);
  const plain = target.ok && isUnencrypted(target.value.server);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    // Firefox's consent must be asked before any await.
    const consent = askSharingConsent();
    if (!target.ok) return setError(target.message);
    if (!name.trim()) return setError('Enter your name: colleagues see it beside the changes you make.');
    if (!(await consent)) return setError('Firefox did not allow sending the review to the server, so nothing was sent. Allow it when asked to share.');
    setBusy(true);
    setError('');
    let out: ShareOutcome;
    try {
      // The client is loaded only now: a browser that never shares never loads it.
      const { probeServer } = await import('@/lib/sync/probe');
      const probe = await probeServer(target.value);
      out = joining ? await joinReview(db, target.value, name, probe) : await shareReview(db, reviewId, target.value, name, probe);
    } catch (err) {
      out = { ok: false, message: `Sharing failed: ${err instanceof Error ? err.message : String(err)}` };
    }
    setBusy(false);
    if (out.ok) onDone(out.reviewId);
    else setError(out.message);
  };

  return (
    <form className="share-form" onSubmit={(e) => void submit(e)} aria-label={joining ? 'Join a shared review' : 'Share this review'}>
      <h3>{joining ? 'Join a shared review' : 'Share this review with your team'}</h3>
      <p className="muted">
        {joining
          ? 'Paste the link a colleague sent you (or the server address and the token).'
          : 'Your mission’s R2P Lens server and the token its administrator gave for this review (npm run team-server -- token).'}
      </p>
      <div className="field">
        <label htmlFor={`${id}-address`}>{joining ? 'Share link or server address' : 'Server address (or a share link)'}</label>
        <input id={`${id}-address`} type="text" value={address} placeholder="wss://r2p.your-mission.org" autoComplete="off" spellCheck={false} onChange={(e) => onAddress(e.target.value)} onBlur={() => splitLink(address)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-token`}>Token</label>
        <input id={`${id}-token`} type="text" value={token} placeholder="r2p.…" autoComplete="off" spellCheck={false} onChange={(e) => (setToken(e.target.value), setError(''))} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Your name (colleagues see it beside your changes)</label>
        <input id={`${id}-name`} type="text" value={name} maxLength={60} autoComplete="name" onChange={(e) => (setName(e.target.value), setError(''))} />
      </div>
      <p className="share-privacy">
        {joining ? 'The review' : 'This review'} (drafts, evidence, assessments, statement, outcome, follow-ups) and your name are kept on this
        server and on your colleagues’ computers. Whoever runs the server can read them: they are not end-to-end encrypted. Your other reviews
        and everything else stay in this browser.
      </p>
      {plain && (
        <p className="share-warning" role="note">
          This address is not encrypted (ws://): anyone on the network between you and the server could read the review. Ask for a wss:// address.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="card-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Checking the server…' : joining ? 'Join' : 'Share this review'}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
