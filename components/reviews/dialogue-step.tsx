/** Step 2: advance questions, recommendations and the oral statement. */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { R2PDatabase } from '@/lib/db/database';
import type { DraftRow, ReviewRow } from '@/lib/db/rows';
import type { Recommendation } from '@/lib/catalogue/schema';
import type { StateNames } from '@/lib/catalogue/state-in-sentence';
import { createDraft, listDrafts } from '@/lib/reviews/drafts';
import { questionFromRecommendation, recommendationDraft } from '@/lib/upr/templates';
import { CataloguePicker } from './catalogue-picker';
import { DraftEditor } from './draft-editor';
import { PreviouslyRecommended } from './previously-recommended';
import { StatementBuilder } from './statement-builder';

const KIND_LABEL = { question: 'Question', recommendation: 'Recommendation' } as const;

export function DialogueStep({ db, review, state, onDelegationSet }: { db: R2PDatabase; review: ReviewRow; state: StateNames; onDelegationSet?: () => void }) {
  const drafts = useLiveQuery(() => listDrafts(db, review.id), [db, review.id]);
  const [picking, setPicking] = useState(false);
  const numbered = useMemo(() => {
    const labels = new Map<string, string>();
    for (const kind of ['question', 'recommendation'] as const) (drafts ?? []).filter((d) => d.kind === kind).forEach((d, i) => labels.set(d.id, `${KIND_LABEL[kind]} ${i + 1}`));
    return labels;
  }, [drafts]);
  if (!drafts) return <p className="muted">Loading…</p>;
  const labelOf = (id: string) => (numbered.get(id) ?? 'another draft').toLowerCase();
  const addFromEntry = (rec: Recommendation, kind: DraftRow['kind'], sentence: number) => {
    const t = kind === 'recommendation' ? recommendationDraft(rec, { sentence }) : questionFromRecommendation(rec, state.inSentence, sentence);
    void createDraft(db, review.id, kind, { text: t.text, recommendationIds: t.catalogueIds, riskFactorIds: t.riskFactorIds });
  };
  const list = (kind: DraftRow['kind']) => {
    const own = drafts.filter((d) => d.kind === kind);
    return (
      <ol className="drafts" aria-label={kind === 'question' ? 'Advance questions' : 'Recommendations'}>
        {own.map((d, i) => (
          <DraftEditor
            key={d.id}
            db={db}
            draft={d}
            label={numbered.get(d.id)!}
            state={state}
            earlier={own.slice(0, i).map(({ id, text }) => ({ id, text }))}
            labelOf={labelOf}
          />
        ))}
      </ol>
    );
  };
  return (
    <div className="dialogue-step">
      <p className="muted">Step 2: atrocity prevention in the interactive dialogue. Start from the catalogue, from an indicator marked present (step 1), or from a blank page.</p>
      <PreviouslyRecommended db={db} stateCode={review.stateCode} stateName={state.inSentence} />
      <div className="card-actions">
        <button type="button" onClick={() => setPicking((p) => !p)} aria-expanded={picking}>
          From the catalogue
        </button>
        <button type="button" className="secondary" onClick={() => void createDraft(db, review.id, 'recommendation')}>
          Blank recommendation
        </button>
        <button type="button" className="secondary" onClick={() => void createDraft(db, review.id, 'question')}>
          Blank question
        </button>
      </div>
      {picking && <CataloguePicker onUse={addFromEntry} onClose={() => setPicking(false)} />}
      <section aria-labelledby="questions-h">
        <h3 id="questions-h">Advance questions</h3>
        {drafts.some((d) => d.kind === 'question') ? list('question') : <p className="muted">No question yet.</p>}
      </section>
      <section aria-labelledby="recs-h">
        <h3 id="recs-h">Recommendations</h3>
        {drafts.some((d) => d.kind === 'recommendation') ? list('recommendation') : <p className="muted">No recommendation yet.</p>}
      </section>
      <StatementBuilder db={db} review={review} state={state} drafts={drafts} labelOf={(id) => numbered.get(id) ?? ''} onDelegationSet={onDelegationSet} />
    </div>
  );
}
