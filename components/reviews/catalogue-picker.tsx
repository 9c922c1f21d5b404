/** Find a catalogue entry and start a recommendation or an advance question from it. */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { buildCatalogueIndex } from '@/lib/catalogue/search';
import type { Recommendation } from '@/lib/catalogue/schema';
import { useKnowledge } from '../knowledge-context';
import { sentenceName, UprSentences } from '../upr-sentences';

const SHOWN = 8;

type Kind = 'recommendation' | 'question';

export function CataloguePicker({ onUse, onClose }: { onUse: (rec: Recommendation, kind: Kind, sentence: number) => void; onClose: () => void }) {
  const kb = useKnowledge();
  const index = useMemo(() => buildCatalogueIndex(kb), [kb]);
  const id = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => (deferred.trim() ? index.search(deferred).slice(0, SHOWN) : []), [index, deferred]);
  const [used, setUsed] = useState<string[]>([]);
  const use = (rec: Recommendation, kind: Kind, sentence: number) => {
    onUse(rec, kind, sentence);
    setUsed((u) => [...u, `${kind}:${rec.id}:${sentence}`]);
  };
  const button = (rec: Recommendation, kind: Kind, i: number) => {
    const done = used.includes(`${kind}:${rec.id}:${i}`);
    const verb = kind === 'recommendation' ? 'Use as recommendation' : 'Use as question';
    return (
      <button type="button" className="secondary small" aria-label={sentenceName(verb, rec, i)} disabled={done} onClick={() => use(rec, kind, i)}>
        {done ? 'Added' : verb}
      </button>
    );
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
            <UprSentences
              rec={item}
              actions={(_, i) => (
                <>
                  {button(item, 'recommendation', i)}
                  {button(item, 'question', i)}
                </>
              )}
            />
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
