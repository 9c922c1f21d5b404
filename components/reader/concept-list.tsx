import { memo, useMemo } from 'react';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { CATEGORY_LABELS } from '@/lib/catalogue/labels';
import type { ConceptPages } from '@/lib/reader/concept-pages';

/**
 * "In this document": each concept with its count and pages; a click goes to the next page holding
 * it. Memoised and independent of the current page, so scrolling never re-renders the list.
 */
export const ConceptList = memo(function ConceptList({
  concepts,
  extracted,
  pageCount,
  onGoTo,
}: {
  concepts: ConceptPages[];
  extracted: number;
  pageCount: number;
  /** Goes to the next page (after the current one) among `pages`. */
  onGoTo: (pages: readonly number[]) => void;
}) {
  const byId = useMemo(() => new Map(knowledgeBase().concepts.map((c) => [c.id, c])), []);
  const total = concepts.reduce((n, c) => n + c.total, 0);
  return (
    <aside className="reader-concepts" aria-labelledby="reader-concepts-title">
      <h2 id="reader-concepts-title">In this document</h2>
      <p className="muted" role="status">
        {pageCount === 0 ? 'Opening…' : extracted < pageCount ? `Reading pages… ${extracted} of ${pageCount}` : `${total} mentions of ${concepts.length} concepts`}
      </p>
      <ul>
        {concepts.map((c) => {
          const concept = byId.get(c.conceptId);
          const label = concept?.label ?? c.conceptId;
          return (
            <li key={c.conceptId} data-category={concept?.category}>
              <button
                type="button"
                className="reader-concept"
                data-concept={c.conceptId}
                title={concept ? CATEGORY_LABELS[concept.category] : undefined}
                onClick={() => onGoTo(c.pages)}
              >
                {/* The name starts with what is seen ("Genocide 3"), so voice control users can say it. */}
                <span className="reader-concept-label">{label}</span>{' '}
                <span className="reader-concept-count">{c.total}</span>
                <span className="visually-hidden">
                  {' '}
                  mentions on {c.pages.length} {c.pages.length === 1 ? 'page' : 'pages'}; go to the next page with it
                </span>
              </button>
              <span className="reader-concept-pages muted">p. {c.pages.length > 8 ? `${c.pages.slice(0, 8).join(', ')}…` : c.pages.join(', ')}</span>
            </li>
          );
        })}
      </ul>
    </aside>
  );
});
