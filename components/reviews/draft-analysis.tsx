/** Live feedback on a recommendation: UPR Info action category, SMART checklist, near-duplicates. */
import { useMemo } from 'react';
import { classifyActionCategory, CATEGORY_NAMES } from '@/lib/upr/action-category';
import { checkSmart } from '@/lib/upr/smart';
import { closestEarlier } from '@/lib/upr/near-duplicates';

interface Props {
  text: string;
  stateName: string;
  /** Drafts before this one, to flag a near-duplicate. */
  earlier: { id: string; text: string }[];
  /** Position of each earlier draft, to name it ("recommendation 2"). */
  labelOf: (id: string) => string;
}

export function DraftAnalysis({ text, stateName, earlier, labelOf }: Props) {
  const category = useMemo(() => (text.trim() ? classifyActionCategory(text) : null), [text]);
  const smart = useMemo(() => (text.trim() ? checkSmart(text, { stateUnderReview: stateName }) : null), [text, stateName]);
  const duplicate = useMemo(() => (text.trim() ? closestEarlier(text, earlier) : null), [text, earlier]);
  if (!category || !smart) return null;
  return (
    <div className="draft-analysis">
      <p className={`category category-${category.category}`} data-category={category.category}>
        <strong>
          Category {category.category}: {CATEGORY_NAMES[category.category]}
        </strong>
        {category.verb && <> · decided by “{category.verb}”</>}
        <span className="muted"> {category.reason}</span>
      </p>
      <ul className="smart" aria-label="SMART checklist">
        {smart.checks.map((c) => (
          <li key={c.id} className={c.passed ? 'passed' : 'failed'}>
            <span aria-hidden="true">{c.passed ? '✓' : '○'}</span> {c.label}
            <span className="visually-hidden">{c.passed ? ': yes' : ': not yet'}</span>
          </li>
        ))}
      </ul>
      {smart.hint && <p className="hint">Hint: {smart.hint}</p>}
      {duplicate && (
        <p className="duplicate" role="note">
          Very close to {labelOf(duplicate.id)}: merge them or make them distinct.
        </p>
      )}
    </div>
  );
}
