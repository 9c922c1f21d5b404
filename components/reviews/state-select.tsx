/**
 * A State picker: type to narrow the list (name, ISO code or regional group), then choose. A name
 * typed in full is chosen at once, short names and former names too ("Syria", "UK", "Netherlands").
 */
import { useId, useMemo, useState } from 'react';
import { stateLookup } from '@/lib/import/state-names';
import { foldText } from '@/lib/text/normalize';
import type { UnState } from '@/lib/catalogue/schema';

export function StateSelect({ states, value, onChange }: { states: UnState[]; value: string; onChange: (code: string) => void }) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const lookup = useMemo(() => stateLookup(states), [states]);
  const shown = useMemo(() => {
    const f = foldText(filter.trim());
    const list = f ? states.filter((s) => foldText(`${s.name} ${s.code} ${s.alpha2} ${s.regionalGroup ?? ''}`).includes(f)) : states;
    // Keep the chosen State in the list so the select never shows a value it does not hold.
    const chosen = states.find((s) => s.code === value);
    return chosen && !list.includes(chosen) ? [chosen, ...list] : list;
  }, [states, filter, value]);
  const pick = (f: string) => {
    setFilter(f);
    const folded = foldText(f.trim());
    const exact = states.find((s) => foldText(s.name) === folded || s.code.toLowerCase() === folded)?.code ?? (folded.length > 2 ? lookup(f) : undefined);
    if (exact) onChange(exact);
  };
  return (
    <fieldset className="state-select">
      <legend>State under Review</legend>
      <label htmlFor={`${id}-filter`}>Find a State</label>
      <input id={`${id}-filter`} type="search" value={filter} placeholder="Type a name or code" onChange={(e) => pick(e.target.value)} />
      <label htmlFor={`${id}-select`}>State</label>
      <select id={`${id}-select`} value={value} onChange={(e) => onChange(e.target.value)}>
        {value === '' && <option value="">Choose a State ({shown.length})</option>}
        {shown.map((s) => (
          <option key={s.code} value={s.code}>
            {s.name}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
