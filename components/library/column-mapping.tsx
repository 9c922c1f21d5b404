/**
 * The column-mapping step: a file whose header no known export has. A preview of its first rows,
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
      <div className="mapping-preview" tabIndex={0} aria-label="The file's first rows">
        <table>
          <thead>
            <tr>
              {question.header.map((_, i) => (
                <th key={i} scope="col">
                  {name(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {question.preview.map((row, r) => (
              <tr key={r}>
                {question.header.map((_, i) => (
                  <td key={i}>{(row[i] ?? '').slice(0, 80)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
