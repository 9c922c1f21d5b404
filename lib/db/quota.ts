/**
 * Recognising "the disk or the browser's allowance for this extension is full", whichever way it
 * arrives: a DOMException from IndexedDB, Dexie's wrapper of it (sometimes inside an AbortError of
 * the transaction), or the message string of `storage.local` ("QUOTA_BYTES quota exceeded"). A full
 * disk is the one write failure a user can do something about, so it gets its own message.
 *
 * Chromium rarely says "quota" when the disk itself is full. Seen on a full disk (a profile on a
 * small tmpfs, tests/e2e/disk-full.test.ts): the write fails with "UnknownError: Connection is
 * closing because of: IO error: …: FILE_ERROR_NO_SPACE", every connection is closed, and each
 * reopen fails with "Internal error opening backing store for indexedDB.open." until there is room;
 * other versions and write paths say "Failed to write blobs (IOError)" or, for auto-increment
 * keys, "Maximum key generator value reached".
 */

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const QUOTA_TEXT =
  /quota|QUOTA_BYTES|not enough (disk )?space|disk is full|no space left|FILE_ERROR_NO_SPACE|Failed to write blobs|\bIOError\b|IO error|Maximum key generator value reached|Internal error opening backing store/i;

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
export const QUOTA_MESSAGE = 'Your disk is full: free some space, then Try again.';

/** A plain message for a failed write: the quota message, or the error's own words. */
export function writeErrorMessage(e: unknown, fallback = 'The change could not be saved.'): string {
  if (isQuotaError(e)) return `${fallback} ${QUOTA_MESSAGE}`;
  const m = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return m ? `${fallback} (${m})` : fallback;
}
