/**
 * The delegate's speaking pace: where every new oral statement starts (the statement builder
 * reads it), so the speaking-time estimate fits the person who will read it out.
 */
import { useEffect, useId, useState } from 'react';
import { readSpeakingPace, writeSpeakingPace } from '@/lib/settings/speaking-pace';
import { writeErrorMessage } from '@/lib/db/quota';
import { MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE } from '@/lib/upr/speaking-time';
import { StatusLine, type StatusMessage } from '../status-line';

export function SpeakingPaceSetting() {
  const id = useId();
  const [value, setValue] = useState<string>();
  const [message, setMessage] = useState<StatusMessage>({ text: '' });
  useEffect(() => {
    void readSpeakingPace().then((p) => setValue(String(p)));
  }, []);
  if (value === undefined) return null;

  const change = (v: string) => {
    setValue(v);
    const n = Number(v);
    if (v.trim() === '' || !Number.isInteger(n) || n < MIN_WORDS_PER_MINUTE || n > MAX_WORDS_PER_MINUTE) {
      return setMessage({ text: `Type a whole number from ${MIN_WORDS_PER_MINUTE} to ${MAX_WORDS_PER_MINUTE}. The pace in use stays as it was.`, error: true });
    }
    void writeSpeakingPace(n).then(
      (p) => setMessage({ text: `New statements start at ${p} words a minute.` }),
      (e: unknown) => setMessage({ text: writeErrorMessage(e, 'The pace could not be saved.'), error: true }),
    );
  };

  return (
    <section className="speaking-pace" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Speaking pace</h2>
      <div className="row">
        <label htmlFor={id}>Words a minute</label>
        <input id={id} type="number" inputMode="numeric" min={MIN_WORDS_PER_MINUTE} max={MAX_WORDS_PER_MINUTE} step={1} value={value} aria-describedby={`${id}-help`} onChange={(e) => change(e.target.value)} />
      </div>
      <p id={`${id}-help`} className="muted">
        Used for the speaking time of new oral statements. A statement read for interpretation runs at about 130 words a
        minute; time your delegate and set their pace. Each statement can still be set on its own.
      </p>
      <StatusLine message={message} />
    </section>
  );
}
