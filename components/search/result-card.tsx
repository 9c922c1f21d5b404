import { forwardRef, useRef, useState } from 'react';
import type { CatalogueHit } from '@/lib/catalogue/search';
import type { Report } from '@/lib/catalogue/schema';
import { formatCitation, formatUprRecommendation } from '@/lib/catalogue/citation';
import { ACTOR_LABELS, PILLAR_LABELS, UPR_STEP_LABELS } from '@/lib/catalogue/labels';
import type { R2PDatabase } from '@/lib/db/database';
import { CopyButton } from '../copy-button';
import { useKnowledge } from '../knowledge-context';
import { sentenceName, UprSentences } from '../upr-sentences';
import { UseAsRecommendation } from './use-as-recommendation';

interface Props {
  hit: CatalogueHit;
  report: Report;
  expanded: boolean;
  onToggle: () => void;
  onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => void;
  /** Offer "Use as recommendation" (the side panel; not the popup, which has no reviews). */
  drafting?: { db?: R2PDatabase; active: boolean; onActivate: (on: boolean) => void };
}

export const ResultCard = forwardRef<HTMLElement, Props>(function ResultCard(
  { hit, report, expanded, onToggle, onKeyDown, drafting },
  ref,
) {
  const rec = hit.item;
  const kb = useKnowledge();
  const titleId = `rec-${rec.id}-title`;
  const stateName = (code: string) => kb.states.find((s) => s.code === code)?.name ?? code;
  const several = rec.upr.length > 1;
  // Which sentence's "Use as recommendation" chooser is open: one per card at a time.
  const [using, setUsing] = useState(0);
  const sentencesRef = useRef<HTMLDivElement>(null);
  const useButton = (i: number, props: { label?: string; name?: string; className?: string } = {}) =>
    drafting && (
      <UseAsRecommendation
        rec={rec}
        sentence={i}
        {...props}
        {...drafting}
        active={drafting.active && using === i}
        onActivate={(on) => (setUsing(i), drafting.onActivate(on))}
      />
    );
  return (
    <article
      ref={ref}
      className="result-card"
      tabIndex={0}
      aria-labelledby={titleId}
      aria-expanded={expanded}
      data-rec-id={rec.id}
      onKeyDown={onKeyDown}
    >
      <h3 id={titleId}>
        <button type="button" className="link-button" onClick={onToggle} tabIndex={-1}>
          {rec.title}
        </button>
      </h3>
      <p className="citation">
        {report.year} · {report.symbol} · {rec.section}
      </p>
      <p className={expanded ? 'summary' : 'summary clamped'}>{rec.summary}</p>
      {expanded && (
        <div className="details">
          {rec.context && (
            <p className="added-context">
              <strong>Context added by R2P Lens, not in the report:</strong> {rec.context}
            </p>
          )}
          <div ref={sentencesRef}>
          <UprSentences
            rec={rec}
            actions={
              several
                ? (_, i) => (
                    <>
                      <CopyButton
                        className="secondary small"
                        label="Copy"
                        name={sentenceName('Copy as UPR recommendation', rec, i)}
                        text={() => formatUprRecommendation(rec, report, undefined, i)}
                        doneLabel="Copied"
                      />
                      {useButton(i, { className: 'secondary small', name: sentenceName('Use as recommendation', rec, i) })}
                    </>
                  )
                : undefined
            }
          />
          </div>
          <p>
            <strong>Addressed to:</strong> {rec.actors.map((a) => ACTOR_LABELS[a]).join(', ')} ·{' '}
            {rec.pillars.map((p) => PILLAR_LABELS[p]).join(', ')}
            {rec.uprSteps.length > 0 && <> · {rec.uprSteps.map((s) => UPR_STEP_LABELS[s]).join(', ')}</>}
          </p>
          {rec.statePractice.length > 0 && (
            <ul className="practice">
              {rec.statePractice.map((p) => (
                <li key={p.state + p.what}>
                  <strong>{stateName(p.state)}</strong>: {p.what}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="card-actions">
        <CopyButton label="Copy citation" text={() => formatCitation(rec, report)} doneLabel="Citation copied" />
        {several ? (
          // Several actions: the user picks one in the card's list, so the card opens on it.
          <button
            type="button"
            className="secondary"
            aria-label={`Choose one of ${rec.upr.length} recommendations: ${rec.title}`}
            onClick={() => {
              if (!expanded) onToggle();
              requestAnimationFrame(() => sentencesRef.current?.querySelector<HTMLElement>('.upr-sentence button')?.focus());
            }}
          >
            Choose one of {rec.upr.length} recommendations
          </button>
        ) : (
          <>
            <CopyButton label="Copy as UPR recommendation" text={() => formatUprRecommendation(rec, report)} doneLabel="Recommendation copied" />
            {useButton(0)}
          </>
        )}
      </div>
    </article>
  );
});
