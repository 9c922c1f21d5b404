/** Messages between the Library tab and its import worker (same extension page; checked with Zod all the same). */
import { z } from 'zod';
import type { Columns } from './layouts';
import type { ImportProgress, ImportSummary, MappingQuestion } from './run-import';

export const ToWorker = z.discriminatedUnion('type', [
  // Files, not their bytes: the worker reads them a slice at a time (a 360 MB JSON is never copied whole).
  z.object({
    type: z.literal('start'),
    files: z.array(z.custom<File>((v) => v instanceof Blob && typeof (v as File).name === 'string', 'a file')).min(1),
    /** Ports to helper workers that tag batches (lib/import/tag-worker.ts); none: the import worker tags alone. */
    helpers: z.array(z.custom<MessagePort>((v) => v instanceof MessagePort, 'a port')).default([]),
  }),
  z.object({ type: z.literal('cancel') }),
  /** Build the stored search index from the rows (none is stored: a library from before version 4, or a restore). */
  z.object({ type: z.literal('reindex') }),
  /** The user's answer to `choose-columns`: field → column position, or null to leave the file out. */
  z.object({ type: z.literal('columns'), columns: z.record(z.string(), z.number().int().nonnegative()).nullable() }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  /** A file whose header no layout knows: the page shows the mapping step and answers with `columns`. */
  | { type: 'choose-columns'; question: MappingQuestion }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'refused'; message: string }
  | { type: 'cancelled' }
  | { type: 'reindexed' }
  | { type: 'failed'; message: string };

export type ColumnsAnswer = Columns | null;
