import { forwardRef } from 'react';
import type { CatalogueHit } from '@/lib/catalogue/search';
import type { Report } from '@/lib/catalogue/schema';
import { formatCitation, formatUprRecommendation } from '@/lib/catalogue/citation';
import { ACTOR_LABELS, PILLAR_LABELS, UPR_STEP_LABELS } from '@/lib/catalogue/labels';
import type { R2PDatabase } from '@/lib/db/database';
import { CopyButton } from '../copy-button';
import { useKnowledge } from '../knowledge-context';
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
          <p className="upr-sentence">
            <strong>As a UPR recommendation:</strong> {rec.uprRecommendation}
          </p>
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
        <CopyButton
          label="Copy as UPR recommendation"
          text={() => formatUprRecommendation(rec, report)}
          doneLabel="Recommendation copied"
        />
        {drafting && <UseAsRecommendation rec={rec} {...drafting} />}
      </div>
    </article>
  );
});
