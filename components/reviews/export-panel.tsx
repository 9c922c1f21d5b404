/** Export the review's statement, questions and recommendations as .docx, Markdown or text. */
import { useState } from 'react';
import type { R2PDatabase } from '@/lib/db/database';
import type { ReviewRow } from '@/lib/db/rows';
import { delegationInSentence, type StateNames } from '@/lib/catalogue/state-in-sentence';
import { useKnowledge } from '../knowledge-context';
import { listDrafts } from '@/lib/reviews/drafts';
import { getStatement } from '@/lib/reviews/statement';
import { exportFileName, reviewDocument, toMarkdown, toPlainText } from '@/lib/export/review-document';
import { docxBlob } from '@/lib/export/docx';
import { downloadBlob, MIME } from '@/lib/export/download';
import { useAutosave } from './autosave-context';

type Format = 'docx' | 'md' | 'txt';

export function ExportPanel({ db, review, state }: { db: R2PDatabase; review: ReviewRow; state: StateNames }) {
  const kb = useKnowledge();
  const { flush } = useAutosave();
  const [message, setMessage] = useState('');
  const run = async (format: Format) => {
    try {
      // What is on screen is what gets exported: write pending edits first.
      await flush();
      const current = (await db.reviews.get(review.id)) ?? review;
      const names = { state, delegation: delegationInSentence(current.delegation, kb) };
      const doc = reviewDocument(current, names, await listDrafts(db, review.id), await getStatement(db, review.id));
      const blob =
        format === 'docx' ? await docxBlob(doc) : new Blob([format === 'md' ? toMarkdown(doc) : toPlainText(doc)], { type: MIME[format] });
      const name = exportFileName(state.name, review.session, format);
      downloadBlob(blob, name);
      setMessage(`Saved ${name} to your downloads.`);
    } catch (e) {
      setMessage(`The export failed: ${e instanceof Error ? e.message : String(e)}. Your drafts are unchanged.`);
    }
  };
  return (
    <section className="export-panel" aria-labelledby="export-h">
      <h3 id="export-h">Export</h3>
      <p className="muted">The oral statement, advance questions and recommendations, headed with your delegation, {state.inSentence} and the session.</p>
      <div className="card-actions">
        <button type="button" onClick={() => void run('docx')}>
          Word (.docx)
        </button>
        <button type="button" className="secondary" onClick={() => void run('md')}>
          Markdown (.md)
        </button>
        <button type="button" className="secondary" onClick={() => void run('txt')}>
          Plain text (.txt)
        </button>
      </div>
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  );
}
