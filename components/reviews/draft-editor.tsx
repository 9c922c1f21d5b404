/** One draft question or recommendation: its text (autosaved), links, analysis, delete. */
import { useState } from 'react';
import type { R2PDatabase } from '@/lib/db/database';
import type { DraftRow } from '@/lib/db/rows';
import type { StateNames } from '@/lib/catalogue/state-in-sentence';
import { deleteDraft } from '@/lib/reviews/drafts';
import { useKnowledge } from '../knowledge-context';
import { AutosaveField } from './autosave-field';
import { DraftAnalysis } from './draft-analysis';

interface Props {
  db: R2PDatabase;
  draft: DraftRow;
  label: string;
  state: StateNames;
  earlier: { id: string; text: string }[];
  labelOf: (id: string) => string;
}

export function DraftEditor({ db, draft, label, state, earlier, labelOf }: Props) {
  const kb = useKnowledge();
  const [text, setText] = useState(draft.text);
  const recTitles = draft.recommendationIds.map((id) => kb.recommendations.find((r) => r.id === id)?.title ?? id);
  const factorTitles = draft.riskFactorIds.map((id) => {
    const f = kb.riskFactors.factors.find((x) => x.id === id || x.indicators.some((i) => i.id === id));
    if (!f) return id;
    return f.id === id ? f.title : `indicator ${id.replace(/^foa-/, '')}`;
  });
  return (
    <li className="draft" data-draft-id={draft.id} data-kind={draft.kind}>
      <AutosaveField label={label} multiline rows={3} initial={draft.text} edit={{ table: 'drafts', id: draft.id, field: 'text' }} onInput={setText} />
      {(recTitles.length > 0 || factorTitles.length > 0) && (
        <p className="links muted">
          {recTitles.length > 0 && <>From: {recTitles.join('; ')}. </>}
          {factorTitles.length > 0 && <>Risk: {[...new Set(factorTitles)].join('; ')}.</>}
        </p>
      )}
      {draft.kind === 'recommendation' && <DraftAnalysis text={text} state={state} earlier={earlier} labelOf={labelOf} />}
      <button type="button" className="secondary small" aria-label={`Delete ${label.toLowerCase()}`} onClick={() => void deleteDraft(db, draft.id)}>
        Delete
      </button>
    </li>
  );
}
