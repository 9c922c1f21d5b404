/** Evidence filed under one indicator: the quote, and its page opening in a new tab. */
import type { EvidenceRow } from '@/lib/db/rows';
import { safeHref } from '@/lib/reviews/evidence';

export function EvidenceList({ items, onRemove }: { items: EvidenceRow[]; onRemove: (id: string) => void }) {
  if (items.length === 0) return null;
  return (
    <ul className="evidence-list" aria-label="Evidence">
      {items.map((e) => {
        const href = safeHref(e.url);
        const source = `${e.title || e.url}${e.page ? `, p. ${e.page}` : ''}`;
        return (
          <li key={e.id}>
            <blockquote>{e.quote}</blockquote>
            <p className="muted">
              {href ? (
                <a href={href} target="_blank" rel="noreferrer">
                  {source}
                </a>
              ) : (
                source
              )}{' '}
              · clipped {new Date(e.clippedAt).toLocaleDateString()}
              <button type="button" className="secondary small" aria-label={`Remove evidence: ${e.quote.slice(0, 40)}`} onClick={() => onRemove(e.id)}>
                Remove
              </button>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
