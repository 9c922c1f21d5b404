/**
 * A catalogue entry's UPR sentences, one action each: whose conduct each concerns (the State's own
 * record, its conduct in UN bodies, its help to other States) and the time element offered.
 * Search cards, the Dialogue step's catalogue picker and the Prepare step's suggestions show them
 * the same way; each passes the actions it offers per sentence.
 */
import { useId, type ReactNode } from 'react';
import type { Recommendation, UprSentence } from '@/lib/catalogue/schema';
import { SCOPE_LABELS, scopeLabel, withoutFinalStop } from '@/lib/upr/sentences';
import './upr-sentences.css';

export function ScopeChip({ sentence }: { sentence: UprSentence }) {
  const id = useId();
  const label = scopeLabel(sentence);
  if (!label) return null;
  return (
    <>
      <span className="scope-chip" title={label.long} aria-describedby={id}>
        {label.short}
      </span>
      <span id={id} className="visually-hidden">
        {label.long}
      </span>
    </>
  );
}

/** The sentence as it will be pasted, its time element set apart as our suggestion. */
export function SentenceText({ sentence }: { sentence: UprSentence }) {
  return (
    <span className="upr-text">
      {withoutFinalStop(sentence.text)}
      {sentence.timeframe && (
        <>
          {' '}
          <span className="time-element" title="Suggested time element: keep it, change it or delete it in your draft">
            {sentence.timeframe}
          </span>
        </>
      )}
      .
    </span>
  );
}

interface Props {
  rec: Recommendation;
  /** What a user can do with each sentence (copy, use as recommendation, add as draft). */
  actions?: (sentence: UprSentence, index: number) => ReactNode;
}

export function UprSentences({ rec, actions }: Props) {
  const single = rec.upr.length === 1;
  // Said once under the list, so neither the label nor the time element needs a hover to be understood.
  const scopes = [...new Set(rec.upr.flatMap((s) => (s.scope === 'own-record' ? [] : [s.scope])))];
  const timed = rec.upr.some((s) => s.timeframe);
  return (
    <div className="upr-sentences">
      <p>
        <strong>{single ? 'As a UPR recommendation:' : `As UPR recommendations (${rec.upr.length}, one action each):`}</strong>
      </p>
      <ol className={single ? 'upr-list single' : 'upr-list'}>
        {rec.upr.map((s, i) => (
          <li key={i} className="upr-sentence" data-scope={s.scope}>
            <ScopeChip sentence={s} />
            <SentenceText sentence={s} />
            {actions && <div className="card-actions">{actions(s, i)}</div>}
          </li>
        ))}
      </ol>
      {(scopes.length > 0 || timed) && (
        <p className="muted upr-legend">
          {scopes.map((sc) => `“${SCOPE_LABELS[sc].short}”: the sentence concerns ${SCOPE_LABELS[sc].about}, not its own human rights record, which is what the UPR reviews. `)}
          {timed && 'Dotted underline: a time element we suggest; keep, change or delete it in your draft.'}
        </p>
      )}
    </div>
  );
}

/** "Use as recommendation: <title>", numbered when the entry offers several sentences. */
export function sentenceName(verb: string, rec: Recommendation, index: number): string {
  return rec.upr.length > 1 ? `${verb}: ${rec.title} (${index + 1} of ${rec.upr.length})` : `${verb}: ${rec.title}`;
}
