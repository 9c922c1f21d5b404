/** Messages between the Library tab and its import worker (same extension page; checked with Zod all the same). */
import { z } from 'zod';
import type { LibraryRow } from '../db/rows';
import type { ImportProgress, ImportSummary } from './run-import';

export const ToWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), name: z.string(), bytes: z.instanceof(ArrayBuffer) }),
  z.object({ type: z.literal('cancel') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  /** Rows the import added, a batch per message (after the commit, before `done`). */
  | { type: 'rows'; rows: LibraryRow[] }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'refused'; message: string }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };
