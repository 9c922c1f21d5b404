/** Find a catalogue entry and start a recommendation or an advance question from it. */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { buildCatalogueIndex } from '@/lib/catalogue/search';
import type { Recommendation } from '@/lib/catalogue/schema';
import { useKnowledge } from '../knowledge-context';

const SHOWN = 8;

export function CataloguePicker({ onUse, onClose }: { onUse: (rec: Recommendation, kind: 'recommendation' | 'question') => void; onClose: () => void }) {
  const kb = useKnowledge();
  const index = useMemo(() => buildCatalogueIndex(kb), [kb]);
  const id = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => (deferred.trim() ? index.search(deferred).slice(0, SHOWN) : []), [index, deferred]);
  const [used, setUsed] = useState<string[]>([]);
  const use = (rec: Recommendation, kind: 'recommendation' | 'question') => {
    onUse(rec, kind);
    setUsed((u) => [...u, `${kind}:${rec.id}`]);
  };
  return (
    <section className="catalogue-picker" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>From the catalogue</h3>
      <label htmlFor={`${id}-q`}>Search the Secretary-General's recommendations</label>
      <input id={`${id}-q`} type="search" value={query} placeholder="e.g. Rome Statute, hate speech, focal point" onChange={(e) => setQuery(e.target.value)} autoFocus />
      <ul className="picker-results" aria-label="Catalogue entries">
        {hits.map(({ item }) => (
          <li key={item.id} className="result-card" data-rec-id={item.id}>
            <p>
              <strong>{item.title}</strong>
            </p>
            <p className="upr-sentence">{item.uprRecommendation}</p>
            <div className="card-actions">
              <button type="button" className="secondary small" aria-label={`Use as recommendation: ${item.title}`} disabled={used.includes(`recommendation:${item.id}`)} onClick={() => use(item, 'recommendation')}>
                {used.includes(`recommendation:${item.id}`) ? 'Added' : 'Use as recommendation'}
              </button>
              <button type="button" className="secondary small" aria-label={`Use as question: ${item.title}`} disabled={used.includes(`question:${item.id}`)} onClick={() => use(item, 'question')}>
                {used.includes(`question:${item.id}`) ? 'Added' : 'Use as question'}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {deferred.trim() && hits.length === 0 && <p className="muted">No entry matches.</p>}
      <button type="button" className="secondary" onClick={onClose}>
        Close the catalogue
      </button>
    </section>
  );
}
