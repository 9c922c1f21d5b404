/** A helper of the import worker: tags batches of texts and splits their words (lib/import/tag-batch.ts), answering on the port it was given. */
import { z } from 'zod';
import { bundledTagger } from '../library/bundled-tagger';
import { tagBatch } from './tag-batch';

const Job = z.object({ id: z.number(), texts: z.array(z.string()) });

self.addEventListener('message', (e: MessageEvent) => {
  const port = e.data?.port;
  if (!(port instanceof MessagePort)) return;
  port.onmessage = (m: MessageEvent) => {
    const job = Job.safeParse(m.data);
    if (!job.success) return;
    const batch = tagBatch(job.data.texts, bundledTagger());
    port.postMessage({ id: job.data.id, batch }, [batch.termIds.buffer, batch.offsets.buffer, batch.lengths.buffer]);
  };
});
