/** How an import that did not finish is told to the page: cancelled, refused (plainly) or failed (a full disk in plain words). */
import { isQuotaError } from '../db/quota';
import { RefusedFile } from './formats';

/** The page already says the import stopped and nothing was added; this says why and what to do. */
export const IMPORT_QUOTA_MESSAGE = 'Your browser has no room left to save R2P Lens data (the disk is full): free some space, then import the file again.';

export type ImportFailure = { type: 'cancelled' } | { type: 'refused'; message: string } | { type: 'failed'; message: string };

export function importFailure(err: unknown, signal: AbortSignal): ImportFailure {
  if (signal.aborted) return { type: 'cancelled' };
  if (err instanceof RefusedFile) return { type: 'refused', message: err.message };
  const message = isQuotaError(err) ? IMPORT_QUOTA_MESSAGE : err instanceof Error ? err.message : String(err);
  return { type: 'failed', message };
}
