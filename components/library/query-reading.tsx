/**
 * How the library read the query ("State: Syrian Arab Republic · text: genocide"), and, when
 * nothing matched, which term found nothing and a button to search without each term.
 */
import type { LibraryQuery } from '@/lib/library/query';
import { withoutClause } from '@/lib/library/query';
import type { ReadClause, ReadTerm } from '@/lib/library/search-index';
import { useKnowledge } from '../knowledge-context';
import { countOf } from '../number-format';

const recs = (n: number) => countOf(n, 'recommendation');

function termText(t: ReadTerm): string {
  if (t.corrected) return `${t.label} (for “${t.typed}”)`;
  if (t.unknown) return `${t.label} (in no recommendation)`;
  return t.label;
}

const clauseText = (c: ReadClause, say: (t: ReadTerm) => string = termText) => c.terms.map(say).join(' or ');
const allStates = (c: ReadClause) => c.terms.every((t) => t.kind === 'state');
const kindOf = (c: ReadClause) => (c.negated ? 'not' : allStates(c) ? (c.terms.length > 1 ? 'States' : 'State') : 'text');

/**
 * Whether the reading tells the user more than the words they typed: a State, a phrase, OR, NOT,
 * a corrected or unknown word, a word still too short. Plain words read as typed ("torture") say
 * nothing new, and the line would only push the list down a narrow panel.
 */
export const readingSaysMore = (reading: readonly ReadClause[]) =>
  reading.some((c) => c.negated || c.terms.length > 1 || c.terms.some((t) => t.kind === 'state' || t.corrected || t.unknown || t.label !== t.typed));

/** "State: Syrian Arab Republic · text: genocide convention · not: death penalty" */
export function QueryReading({ reading, id }: { reading: readonly ReadClause[]; id: string }) {
  if (!readingSaysMore(reading)) return null;
  const parts: Array<{ kind: string; text: string }> = [];
  for (const c of reading) {
    const kind = kindOf(c);
    const last = parts[parts.length - 1];
    // Words typed one after another read as one text: "text: genocide convention".
    if (last && last.kind === 'text' && kind === 'text' && c.terms.length === 1) last.text += ` ${clauseText(c)}`;
    else parts.push({ kind, text: clauseText(c) });
  }
  if (!parts.length) return null;
  return (
    <p className="query-reading muted" id={id}>
      Read as:{' '}
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          <span className="reading-kind">{p.kind}:</span> {p.text}
        </span>
      ))}
    </p>
  );
}


/** The zero-result message: what each term finds alone, and a button to drop each one. */
export function NoResults({ query, reading, filtered, onSearch }: { query: LibraryQuery; reading: readonly ReadClause[]; filtered: boolean; onSearch: (q: string) => void }) {
  const kb = useKnowledge();
  // In a sentence a State takes its article: "to or from the Syrian Arab Republic".
  const inSentence = (t: ReadTerm) => (t.kind === 'state' ? (kb.states.find((s) => s.name === t.label)?.nameInSentence ?? t.label) : termText(t));
  const quoted = (c: ReadClause) => (allStates(c) ? clauseText(c, inSentence) : `“${clauseText(c)}”`);
  const where = filtered ? ' with these filters' : '';
  const empty = reading.filter((c) => !c.negated && c.alone === 0);
  const together = reading.filter((c) => !c.negated && (c.alone ?? 0) > 0);
  const drops = reading
    .map((c, k) => ({ c, k, n: c.without ?? 0 }))
    .filter((d) => d.n > 0)
    .sort((a, b) => b.n - a.n);
  return (
    <div className="empty-state no-results">
      {empty.length > 0 ? (
        <p>
          <strong>
            Nothing in the library{where} matches {empty.map(quoted).join(' or ')}.
          </strong>
        </p>
      ) : together.length > 1 ? (
        <p>
          <strong>No recommendation{where} matches all of these together:</strong>{' '}
          {together.map((c, i) => (
            <span key={i}>
              {i > 0 && ' · '}
              {allStates(c) ? `to or from ${quoted(c)}` : quoted(c)} ({recs(c.alone!)})
            </span>
          ))}
          .
        </p>
      ) : (
        <p>
          <strong>No recommendation{where} matches “{query.text.trim()}”.</strong>
        </p>
      )}
      {drops.length > 0 ? (
        <div className="drop-terms">
          {drops.map(({ c, k, n }) => (
            <button key={k} type="button" className="secondary" onClick={() => onSearch(withoutClause(query, k))}>
              Search without {c.negated ? `NOT ${quoted(c)}` : quoted(c)} ({recs(n)})
            </button>
          ))}
        </div>
      ) : (
        filtered && <p>Clear the filters to search the whole library.</p>
      )}
    </div>
  );
}
