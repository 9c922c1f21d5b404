/**
 * The column-mapping step: a file whose header no known export has. A preview of its columns,
 * and for each thing the library keeps, which column holds it. The choice is remembered for that
 * header (lib/import/run-import.ts), so the next file with the same columns imports at once.
 */
import { useId, useState } from 'react';
import { labelKey, MAPPABLE, type Columns, type Field } from '@/lib/import/layouts';
import type { MappingQuestion } from '@/lib/import/run-import';

/** Words in a column label that suggest a field, for a first guess the user corrects. */
const HINTS: Partial<Record<Field, RegExp>> = {
  text: /recommendation|text|observation|concern/,
  sur: /stateunderreview|sur$|country|countries|reviewed|^state$/,
  from: /recommending|from|body|author/,
  session: /session/,
  response: /response|position|accepted|supported/,
  action: /action|category/,
  issues: /issue|theme|topic/,
  kind: /type|kind/,
  symbol: /symbol/,
  date: /date/,
};

/** A column's first few values, each cut short, for the preview. */
const samples = (preview: readonly string[][], i: number) =>
  preview
    .map((row) => (row[i] ?? '').trim())
    .filter(Boolean)
    .slice(0, 3)
    .map((v) => (v.length > 60 ? `${v.slice(0, 60).trimEnd()}…` : v))
    .join(' · ');

function guess(header: readonly string[]): Columns {
  const out: Columns = {};
  const used = new Set<number>();
  for (const { field } of MAPPABLE) {
    const hint = HINTS[field];
    const i = header.findIndex((h, k) => !used.has(k) && !!hint && hint.test(labelKey(h)));
    if (i >= 0) {
      out[field] = i;
      used.add(i);
    }
  }
  return out;
}

export function ColumnMapping({ question, onAnswer }: { question: MappingQuestion; onAnswer: (c: Columns | null) => void }) {
  const [columns, setColumns] = useState<Columns>(() => guess(question.header));
  const id = useId();
  const ready = MAPPABLE.every((m) => !m.required || columns[m.field] !== undefined);
  const name = (i: number) => question.header[i]?.trim() || `Column ${i + 1}`;
  return (
    <section className="column-mapping" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Which column holds what?</h3>
      <p>
        “{question.fileName}” is not laid out like the exports we know. Choose which of its columns holds the text, the State under Review and the rest;
        this is remembered for files with the same columns.
      </p>
      {/* Column by column, each with its first values: a file's rows side by side would scroll sideways in the panel. */}
      <dl className="mapping-preview" aria-label="The file's columns and their first values">
        {question.header.map((_, i) => (
          <div key={i}>
            <dt>{name(i)}</dt>
            <dd>{samples(question.preview, i) || <span className="muted">empty in the first rows</span>}</dd>
          </div>
        ))}
      </dl>
      <div className="mapping-fields">
        {MAPPABLE.map(({ field, label, required }) => (
          <label key={field}>
            {label}
            {required ? ' (required)' : ''}
            <select
              value={columns[field] ?? ''}
              onChange={(e) => setColumns((c) => ({ ...c, [field]: e.target.value === '' ? undefined : Number(e.target.value) }))}
            >
              <option value="">{required ? 'Choose a column' : 'Not in this file'}</option>
              {question.header.map((_, i) => (
                <option key={i} value={i}>
                  {name(i)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="mapping-actions">
        <button type="button" disabled={!ready} onClick={() => onAnswer(Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as Columns)}>
          Import with these columns
        </button>
        <button type="button" className="secondary" onClick={() => onAnswer(null)}>
          Leave this file out
        </button>
      </div>
    </section>
  );
}
