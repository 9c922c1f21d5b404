import { useRef } from 'react';

/** "Open a PDF file": a real button (keyboard, screen readers) driving a hidden file input. */
export function OpenFileButton({ onFile, primary = false }: { onFile: (f: File) => void; primary?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={primary ? '' : 'secondary'} onClick={() => input.current?.click()}>
        Open a PDF file
      </button>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        hidden
        aria-label="PDF file to open"
        data-testid="reader-file-input"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) onFile(f);
        }}
      />
    </>
  );
}
