/**
 * From an indicator marked present to step 2: suggested recommendations from the catalogue, and
 * an advance question on the indicator itself. Each draft keeps its links.
 */
import { useMemo, useState } from 'react';
import type { R2PDatabase } from '@/lib/db/database';
import type { DraftRow, ReviewRow } from '@/lib/db/rows';
import type { AssessableItem } from '@/lib/reviews/indicators';
import { createDraft } from '@/lib/reviews/drafts';
import { questionFromIndicator, recommendationDraft, suggestedRecommendations, type DraftTemplate } from '@/lib/upr/templates';
import { useKnowledge } from '../knowledge-context';
import { sentenceName, UprSentences } from '../upr-sentences';

interface Props {
  db: R2PDatabase;
  review: ReviewRow;
  stateName: string;
  item: AssessableItem;
  onClose: () => void;
}

const SHOWN = 6;

export function Suggestions({ db, review, stateName, item, onClose }: Props) {
  const kb = useKnowledge();
  const list = useMemo(() => suggestedRecommendations(item.id, { knowledge: kb, limit: SHOWN }), [kb, item.id]);
  const question = useMemo(() => questionFromIndicator(item.id, stateName, kb), [kb, item.id, stateName]);
  const [added, setAdded] = useState<string[]>([]);
  const add = async (key: string, kind: DraftRow['kind'], t: DraftTemplate) => {
    // The draft points at the indicator as well as its risk factor, so step 2 shows where it came from.
    await createDraft(db, review.id, kind, { text: t.text, recommendationIds: t.catalogueIds, riskFactorIds: [...new Set([item.id, ...t.riskFactorIds])] });
    setAdded((a) => [...a, key]);
  };
  const name = item.number ? `indicator ${item.number}` : 'this risk factor';
  return (
    <section className="suggestions" aria-labelledby="suggestions-h">
      <h3 id="suggestions-h">Drafts for {name}</h3>
      {question && (
        <div>
          <p>{question.text}</p>
          <button type="button" className="secondary small" disabled={added.includes('q')} onClick={() => void add('q', 'question', question)}>
            {added.includes('q') ? 'Added to questions' : 'Add as advance question'}
          </button>
        </div>
      )}
      {list.length === 0 && <p className="muted">The catalogue has no recommendation linked to {name}.</p>}
      <ul>
        {list.map(({ rec, why }) => (
          <li key={rec.id}>
            <p className="muted">
              {rec.title}: {why}
            </p>
            <UprSentences
              rec={rec}
              actions={(_, i) => {
                const key = `${rec.id}:${i}`;
                return (
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={sentenceName('Add as recommendation', rec, i)}
                    disabled={added.includes(key)}
                    onClick={() => void add(key, 'recommendation', recommendationDraft(rec, { sentence: i }))}
                  >
                    {added.includes(key) ? 'Added to drafts' : 'Add as recommendation'}
                  </button>
                );
              }}
            />
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onClose}>
        Close suggestions
      </button>
    </section>
  );
}
