import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { DocumentView } from './document-view';
import { OpenFileButton } from './open-file';
import { RecentDocuments } from './recent-documents';
import { useReaderLoader } from './use-reader-loader';
import './reader.css';

const isPdfFile = (f: File) => f.type === 'application/pdf' || /\.pdf$/i.test(f.name);

/** The reader page: open a PDF (address, file picker, drag and drop), then read it. */
export function ReaderApp({ readerUrl }: { readerUrl: string }) {
  const { state, openFile, allowAndRetry, fail } = useReaderLoader(readerUrl);
  const [dragging, setDragging] = useState(false);
  const [title, setTitle] = useState('');

  useEffect(() => {
    document.title = title ? `${title} · R2P Lens reader` : 'R2P Lens reader';
  }, [title]);

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = [...e.dataTransfer.files].find(isPdfFile) ?? e.dataTransfer.files[0];
      if (file) void openFile(file);
    },
    [openFile],
  );

  return (
    <div
      className={`reader-app${dragging ? ' is-dragging' : ''}`}
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
    >
      <header className="reader-header">
        <h1>{state.kind === 'ready' && title ? title : 'R2P Lens reader'}</h1>
        <OpenFileButton onFile={(f) => void openFile(f)} primary={state.kind !== 'ready'} />
      </header>
      {state.kind === 'start' && (
        <main className="reader-start">
          <p>Open a PDF to read it with the R2P concepts marked: choose a file, or drop it here. Nothing leaves your computer.</p>
          <RecentDocuments />
        </main>
      )}
      {state.kind === 'loading' && (
        <p className="reader-loading" role="status">
          {state.label}
        </p>
      )}
      {state.kind === 'needs-permission' && (
        <main className="reader-start">
          <p role="alert">
            To open this PDF, R2P Lens must download it from <strong>{state.host}</strong>. It will ask your browser for permission to read
            that one site; nothing is sent there except the request for this file.
          </p>
          <button type="button" onClick={() => allowAndRetry(state.url)}>
            Allow access to {state.host} and open
          </button>
        </main>
      )}
      {state.kind === 'problem' && (
        <main className="reader-start">
          <p className="reader-problem" role="alert" data-problem={state.problem.kind}>
            {state.problem.message}
          </p>
          <RecentDocuments />
        </main>
      )}
      {state.kind === 'ready' && <DocumentView key={state.key} bytes={state.bytes} source={state.source} onProblem={fail} onTitle={setTitle} />}
      {dragging && (
        <div className="reader-drop" aria-hidden="true">
          Drop the PDF to open it
        </div>
      )}
    </div>
  );
}
