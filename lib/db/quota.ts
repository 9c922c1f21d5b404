/**
 * Recognising "the disk or the browser's allowance for this extension is full", whichever way it
 * arrives: a DOMException from IndexedDB, Dexie's wrapper of it (sometimes inside an AbortError of
 * the transaction), or the message string of `storage.local` ("QUOTA_BYTES quota exceeded"). A full
 * disk is the one write failure a user can do something about, so it gets its own message.
 */

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const QUOTA_TEXT = /quota|QUOTA_BYTES|not enough (disk )?space|disk is full/i;

export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return typeof e === 'string' && QUOTA_TEXT.test(e);
  const x = e as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof x.name === 'string' && QUOTA_NAMES.has(x.name)) return true;
  if (typeof x.message === 'string' && QUOTA_TEXT.test(x.message)) return true;
  // Dexie: `inner` holds the IndexedDB error; bulk writes list theirs in `failures`.
  if (isQuotaError(x.inner, depth + 1) || isQuotaError(x.cause, depth + 1)) return true;
  return Array.isArray(x.failures) && x.failures.some((f) => isQuotaError(f, depth + 1));
}

/** What to tell the user when a write was refused for lack of space, and what to do about it. */
export const QUOTA_MESSAGE =
  'Your browser has no room left to save R2P Lens data (the disk or the browser’s storage allowance is full). ' +
  'Nothing you typed is lost while this page stays open. To make room: export a backup (Settings › Data), ' +
  'then delete reviews or an imported library you no longer need, or free disk space on this computer. Then try again.';

/** A plain message for a failed write: the quota message, or the error's own words. */
export function writeErrorMessage(e: unknown, fallback = 'The change could not be saved.'): string {
  if (isQuotaError(e)) return `${fallback} ${QUOTA_MESSAGE}`;
  const m = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return m ? `${fallback} (${m})` : fallback;
}
