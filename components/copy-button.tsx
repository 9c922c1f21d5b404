import { useState } from 'react';

/** A button that copies text and says so in a live region, or says why it could not. */
export function CopyButton({ text, label, doneLabel = 'Copied' }: { text: () => string; label: string; doneLabel?: string }) {
  const [status, setStatus] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setStatus('done');
    } catch {
      setStatus('failed');
    }
    setTimeout(() => setStatus('idle'), 2500);
  };
  return (
    <button type="button" className="secondary" onClick={copy}>
      {status === 'done' ? doneLabel : status === 'failed' ? 'Copy failed: select the text and press Ctrl+C' : label}
      <span className="visually-hidden" aria-live="polite">
        {status === 'done' ? `${doneLabel}.` : ''}
      </span>
    </button>
  );
}
