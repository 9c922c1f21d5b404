/**
 * Live feedback on a recommendation: UPR Info action category and the words that decided it (for
 * each recommendation the draft holds), SMART checklist, near-duplicates. The draft is read as a
 * statement is: "We recommend that Syria ratify …" is decided by "ratify".
 */
import { useMemo } from 'react';
import { classifyDraft, CATEGORY_NAMES, type DraftCategory } from '@/lib/upr/action-category';
import type { StateNames } from '@/lib/catalogue/state-in-sentence';
import { checkSmart } from '@/lib/upr/smart';
import { closestEarlier } from '@/lib/upr/near-duplicates';

interface Props {
  text: string;
  state: StateNames;
  /** Drafts before this one, to flag a near-duplicate. */
  earlier: { id: string; text: string }[];
  /** Position of each earlier draft, to name it ("recommendation 2"). */
  labelOf: (id: string) => string;
}

function Category({ read, label }: { read: DraftCategory; label?: string }) {
  return (
    <p className={`category category-${read.category}`} data-category={read.category}>
      <strong>
        {label && <>{label}: </>}Category {read.category}: {CATEGORY_NAMES[read.category]}
      </strong>
      {read.verb && <> · decided by “{read.verb}”</>}
      {read.learned && read.learned.words.length > 0 && (
        <span className="learned">
          {' '}
          · {read.category === 5 ? 'made specific' : 'left general'} by {read.learned.words.map((w) => `“${w}”`).join(', ')}
        </span>
      )}
      <span className="muted"> {read.reason}</span>
    </p>
  );
}

export function DraftAnalysis({ text, state, earlier, labelOf }: Props) {
  const categories = useMemo(() => (text.trim() ? classifyDraft(text) : []), [text]);
  const smart = useMemo(
    () => (text.trim() ? checkSmart(text, { stateUnderReview: state.inSentence, stateCode: state.code }) : null),
    [text, state.inSentence, state.code],
  );
  const duplicate = useMemo(() => (text.trim() ? closestEarlier(text, earlier) : null), [text, earlier]);
  if (categories.length === 0 || !smart) return null;
  return (
    <div className="draft-analysis">
      {categories.length === 1 ? (
        <Category read={categories[0]!} />
      ) : (
        <>
          <p className="muted">This draft holds {categories.length} recommendations; UPR Info codes each on its own.</p>
          {categories.map((c, i) => (
            <Category key={i} read={c} label={`${i + 1}`} />
          ))}
        </>
      )}
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
