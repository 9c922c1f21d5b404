/**
 * A text field that keeps what is typed in local state (so typing never waits for the
 * database) and schedules its write through the autosaver.
 */
import { useId, useState } from 'react';
import { useAutosave } from './autosave-context';

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
  const change = (v: string) => {
    setValue(v);
    onInput?.(v);
    schedule(saveKey, () => onSave(v));
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
