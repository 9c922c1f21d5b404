/** How an import that did not finish is told to the page: cancelled, refused (plainly) or failed (a full disk in plain words). */
import { isQuotaError, writeErrorMessage } from '../db/quota';
import { RefusedFile } from './formats';

export type ImportFailure = { type: 'cancelled' } | { type: 'refused'; message: string } | { type: 'failed'; message: string };

export function importFailure(err: unknown, signal: AbortSignal): ImportFailure {
  if (signal.aborted) return { type: 'cancelled' };
  if (err instanceof RefusedFile) return { type: 'refused', message: err.message };
  const message = isQuotaError(err) ? writeErrorMessage(err, 'The import was not saved; the library is as it was.') : err instanceof Error ? err.message : String(err);
  return { type: 'failed', message };
}
