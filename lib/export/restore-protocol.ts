/** Messages between a page restoring a backup and its restore worker (same extension; checked with Zod all the same). */
import { z } from 'zod';
import type { Backup, BackupProgress, BackupTable } from './backup';

export const ToRestoreWorker = z.discriminatedUnion('type', [
  /** Read and check the file; nothing is written. */
  z.object({ type: z.literal('check'), file: z.instanceof(Blob) }),
  /** Write the file checked last, in one transaction. */
  z.object({ type: z.literal('write') }),
  /** Stop the write and undo it. */
  z.object({ type: z.literal('cancel') }),
]);
export type ToRestoreWorker = z.infer<typeof ToRestoreWorker>;

export type FromRestoreWorker =
  | { type: 'progress'; progress: BackupProgress }
  /** The file passed every check: what it holds, and its settings (the page writes those). */
  | { type: 'checked'; counts: Record<BackupTable, number>; settings?: Backup['settings'] }
  | { type: 'refused'; message: string }
  | { type: 'written' }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };
