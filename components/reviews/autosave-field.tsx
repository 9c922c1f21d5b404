/**
 * A text field that keeps what is typed in local state (so typing never waits for the
 * database) and hands each change to the autosaver, which journals it at once and writes `edit`'s
 * row shortly after.
 */
import { useId, useState } from 'react';
import type { FieldEdit } from '@/lib/reviews/field-edits';
import { useAutosave } from './autosave-context';

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
  const change = (v: string) => {
    edit(target, v);
    setValue(v);
    onInput?.(v);
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea id={id} value={value} rows={rows} placeholder={placeholder} onChange={(e) => change(e.target.value)} />
      ) : (
        <input id={id} type={type} value={value} placeholder={placeholder} onChange={(e) => change(e.target.value)} />
      )}
    </div>
  );
}
