/**
 * A text field that keeps what is typed in local state (so typing never waits for the
 * database) and hands each change to the autosaver, which journals it at once and writes `edit`'s
 * row shortly after.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FieldEdit } from '@/lib/reviews/field-edits';
import { useAutosave } from './autosave-context';
import { useInSharedReview, useSharedText } from './share-context';

interface Props {
  label: string;
  /** Shown only to screen readers when the surrounding layout already says it. */
  hideLabel?: boolean;
  initial: string;
  /** Where the text is saved. */
  edit: FieldEdit;
  onInput?: (value: string) => void;
  multiline?: boolean;
  type?: 'text' | 'date' | 'number';
  rows?: number;
  placeholder?: string;
  className?: string;
}

export function AutosaveField({ label, hideLabel, initial, edit: target, onInput, multiline, type = 'text', rows = 3, placeholder, className }: Props) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const { edit } = useAutosave();
  // In a shared review a text is typed straight into the shared document, colleagues' changes
  // come in as they arrive, and the save waits for the document to be stored (lib/sync).
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const shared = useSharedText(target, ref, (v) => (setValue(v), onInput?.(v)));
  // Other fields of a shared review take a colleague's value when the user is not in them.
  const adoptsRemote = useInSharedReview() && !shared;
  useEffect(() => {
    if (adoptsRemote && document.activeElement !== ref.current) setValue(initial);
  }, [adoptsRemote, initial]);
  const change = (v: string) => {
    if (shared) shared.type(v);
    edit(target, v, shared?.flush);
    setValue(v);
    onInput?.(v);
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea ref={ref} id={id} value={value} rows={rows} placeholder={placeholder} onChange={(e) => change(e.target.value)} />
      ) : (
        <input ref={ref} id={id} type={type} value={value} placeholder={placeholder} onChange={(e) => change(e.target.value)} />
      )}
    </div>
  );
}
