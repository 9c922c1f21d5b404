/** Step 1: assess the State under Review against the risk frameworks, with evidence. */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { R2PDatabase } from '@/lib/db/database';
import type { ReviewRow } from '@/lib/db/rows';
import { assessableGroups, factorNotes, riskSummary, type AssessableItem, type FactorGroup } from '@/lib/reviews/indicators';
import { listAssessments } from '@/lib/reviews/assessments';
import { evidenceForReview, removeEvidence } from '@/lib/reviews/evidence';
import { useKnowledge } from '../knowledge-context';
import { EvidenceList } from './evidence-list';
import { IndicatorRow, STATUS_LABELS } from './indicator-row';
import { RiskSummary } from './risk-summary';
import { Suggestions } from './suggestions';

export function PrepareStep({ db, review, stateName }: { db: R2PDatabase; review: ReviewRow; stateName: string }) {
  const kb = useKnowledge();
  const groups = useMemo(() => assessableGroups(kb.riskFactors.factors), [kb]);
  const assessments = useLiveQuery(() => listAssessments(db, review.id), [db, review.id]);
  const evidence = useLiveQuery(() => evidenceForReview(db, review.id), [db, review.id]) ?? [];
  const [suggestFor, setSuggestFor] = useState<AssessableItem | null>(null);
  if (!assessments) return <p className="muted">Loading…</p>;
  const byIndicator = new Map(assessments.map((a) => [a.indicatorId, a]));
  const summary = riskSummary(groups, assessments);
  const section = (title: string, list: FactorGroup[]) => (
    <section className="framework">
      <h3>{title}</h3>
      {list.map((g) => {
        const present = g.items.filter((i) => byIndicator.get(i.id)?.status === 'present').length;
        const notes = factorNotes(g);
        // A factor assessed as a whole before its indicators were listed keeps what was said of it.
        const listed = g.items[0]?.id !== g.factor.id;
        const earlier = listed ? byIndicator.get(g.factor.id) : undefined;
        const earlierEvidence = listed ? evidence.filter((e) => e.indicatorId === g.factor.id) : [];
        const earlierSaid = !!earlier && (earlier.status !== 'unknown' || earlier.note !== '');
        return (
          <details key={g.factor.id} className="factor" data-factor-id={g.factor.id}>
            <summary>
              {g.factor.number ? `${g.factor.number}. ` : ''}
              {g.factor.title}
              {present > 0 && <span className="badge"> {present} present</span>}
            </summary>
            {(notes.unchecked || notes.numbering) && (
              <div className="factor-notes">
                {notes.unchecked && <p className="muted">{notes.unchecked}</p>}
                {notes.numbering && <p className="muted numbering-note">{notes.numbering}</p>}
              </div>
            )}
            {earlierSaid || earlierEvidence.length > 0 ? (
              <div className="earlier-assessment">
                <p>
                  Assessed earlier as a whole, before its indicators were listed
                  {earlier && earlier.status !== 'unknown' && <>: <strong>{STATUS_LABELS[earlier.status]}</strong></>}
                  {earlier?.note && <>. Note: “{earlier.note}”</>}. Carry it over to the indicators it concerns.
                </p>
                <EvidenceList items={earlierEvidence} onRemove={(id) => void removeEvidence(db, id)} />
              </div>
            ) : null}
            <ul className="indicators">
              {g.items.map((item) => (
                <IndicatorRow
                  key={item.id}
                  db={db}
                  reviewId={review.id}
                  item={item}
                  assessment={byIndicator.get(item.id)}
                  evidence={evidence.filter((e) => e.indicatorId === item.id)}
                  onSuggest={setSuggestFor}
                />
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
  return (
    <div className="prepare-step">
      <p className="muted">
        Step 1 of the 2017 report: atrocity risk assessment for the preparatory materials. Mark each indicator, add a note, and file
        evidence (select text on any page, right-click, "Add to evidence").
      </p>
      <RiskSummary summary={summary} />
      {suggestFor && <Suggestions key={suggestFor.id} db={db} review={review} stateName={stateName} item={suggestFor} onClose={() => setSuggestFor(null)} />}
      {section('Framework of Analysis for Atrocity Crimes (2014): 14 risk factors', groups.filter((g) => g.factor.framework === 'foa-2014'))}
      {section("2013 report: six risk factors", groups.filter((g) => g.factor.framework === 'sg-2013' && g.factor.kind === 'risk-factor'))}
      {section('2013 report: triggers', groups.filter((g) => g.factor.framework === 'sg-2013' && g.factor.kind === 'trigger'))}
    </div>
  );
}
