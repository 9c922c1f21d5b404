/**
 * Filters behind one "Filters (n)" button, n the filters in use, so the first result starts near
 * the top of a narrow side panel. The result count and the list's own actions share the button's
 * row. The filters stay in the document when closed (hidden), so their choices live on.
 */
import { useId, useState, type ReactNode } from 'react';

interface Props {
  /** Filters in use. */
  count: number;
  onClear: () => void;
  /** Before the button: the result count. */
  lead?: ReactNode;
  /** After the button: the list's own actions (Export CSV). */
  trail?: ReactNode;
  children: ReactNode;
}

export function FiltersDisclosure({ count, onClear, lead, trail, children }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="filters">
      <div className="filters-row">
        {lead}
        <button type="button" className="secondary filters-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
          Filters ({count})
        </button>
        {count > 0 && (
          <button type="button" className="secondary" onClick={onClear}>
            Clear filters
          </button>
        )}
        {trail}
      </div>
      <div id={id} className="filters-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
