import { useState } from 'react';

/** A button that copies text and says so in a live region, or says why it could not. */
export function CopyButton({ text, label, doneLabel = 'Copied', className = 'secondary', name }: { text: () => string; label: string; doneLabel?: string; className?: string; /** Accessible name, when the visible label is short. */ name?: string }) {
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
    <button type="button" className={className} aria-label={status === 'idle' ? name : undefined} onClick={copy}>
      {status === 'done' ? doneLabel : status === 'failed' ? 'Copy failed: select the text and press Ctrl+C' : label}
      <span className="visually-hidden" aria-live="polite">
        {status === 'done' ? `${doneLabel}.` : ''}
      </span>
    </button>
  );
}
