/**
 * A text field that keeps what is typed in local state (so typing never waits for the
 * database) and schedules its write through the autosaver.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useAutosave } from './autosave-context';
import { useInSharedReview, useSharedText } from './share-context';

interface Props {
  label: string;
  /** Shown only to screen readers when the surrounding layout already says it. */
  hideLabel?: boolean;
  initial: string;
  saveKey: string;
  onSave: (value: string) => Promise<unknown>;
  onInput?: (value: string) => void;
  multiline?: boolean;
  type?: 'text' | 'date' | 'number';
  rows?: number;
  placeholder?: string;
  className?: string;
}

export function AutosaveField({ label, hideLabel, initial, saveKey, onSave, onInput, multiline, type = 'text', rows = 3, placeholder, className }: Props) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const { schedule } = useAutosave();
  // In a shared review a text is typed straight into the shared document, colleagues' changes
  // come in as they arrive, and the save waits for the document to be stored (lib/sync).
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const shared = useSharedText(saveKey, ref, (v) => (setValue(v), onInput?.(v)));
  // Other fields of a shared review take a colleague's value when the user is not in them.
  const adoptsRemote = useInSharedReview() && !shared;
  useEffect(() => {
    if (adoptsRemote && document.activeElement !== ref.current) setValue(initial);
  }, [adoptsRemote, initial]);
  const change = (v: string) => {
    setValue(v);
    onInput?.(v);
    if (shared) shared.type(v);
    schedule(saveKey, shared ? shared.flush : () => onSave(v));
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
