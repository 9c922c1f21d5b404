/** One indicator: its status, a note, its evidence and (when present) suggested recommendations. */
import type { R2PDatabase } from '@/lib/db/database';
import type { AssessmentRow, EvidenceRow, IndicatorStatus } from '@/lib/db/rows';
import type { AssessableItem } from '@/lib/reviews/indicators';
import { saveAssessment } from '@/lib/reviews/assessments';
import { removeEvidence } from '@/lib/reviews/evidence';
import { AutosaveField } from './autosave-field';
import { EvidenceList } from './evidence-list';
import { LastChange } from './last-change';

export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  unknown: 'Not assessed / unknown',
  present: 'Present',
  partly: 'Partly present',
  absent: 'Absent',
};

interface Props {
  db: R2PDatabase;
  reviewId: string;
  item: AssessableItem;
  assessment?: AssessmentRow;
  evidence: EvidenceRow[];
  onSuggest: (item: AssessableItem) => void;
}

export function IndicatorRow({ db, reviewId, item, assessment, evidence, onSuggest }: Props) {
  const status = assessment?.status ?? 'unknown';
  const name = item.number ? `indicator ${item.number}` : 'this risk factor';
  return (
    <li className={`indicator status-${status}`} data-indicator-id={item.id}>
      <p className="indicator-text">
        {item.number && <strong title={item.numberSure ? undefined : 'This number may not be the official one'}>{item.number} </strong>}
        {item.text}
      </p>
      <div className="indicator-controls">
        <label>
          Status
          <select aria-label={`Status of ${name}`} value={status} onChange={(e) => void saveAssessment(db, reviewId, item.id, { status: e.target.value as IndicatorStatus })}>
            {(Object.keys(STATUS_LABELS) as IndicatorStatus[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <LastChange entity={`assessments/${item.id}`} field="status" />
        {status === 'present' || status === 'partly' ? (
          <button type="button" className="secondary small" onClick={() => onSuggest(item)}>
            Suggest recommendations
          </button>
        ) : null}
      </div>
      <AutosaveField
        label={`Note on ${name}`}
        hideLabel
        placeholder="Note"
        multiline
        rows={1}
        initial={assessment?.note ?? ''}
        edit={{ table: 'assessments', reviewId, indicatorId: item.id, field: 'note' }}
      />
      <EvidenceList items={evidence} onRemove={(id) => void removeEvidence(db, id)} />
    </li>
  );
}
