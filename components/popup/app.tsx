import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SearchView } from '../search/search-view';
import { lastQuery } from '@/lib/settings/ui-state';
import { currentWindowId, openSidePanel } from '@/lib/browser/side-panel';
import { OpenInReaderButton } from '../reader/open-in-reader-button';
import { HighlightPageButton } from './highlight-page-button';

export function PopupApp() {
  const [initialQuery, setInitialQuery] = useState<string>();
  const [error, setError] = useState('');
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    void lastQuery.getValue().then(setInitialQuery);
    void currentWindowId().then(setWindowId);
  }, []);
  return (
    <main className="popup-app">
      <header className="app-header">
        <h1>R2P Lens</h1>
        <OpenInReaderButton />
        <HighlightPageButton />
        <button
          type="button"
          onClick={() =>
            openSidePanel(windowId).then(
              () => window.close(),
              () => setError('The side panel could not be opened here. Use the browser’s side panel menu.'),
            )
          }
        >
          Open side panel
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      {initialQuery !== undefined && (
        <SearchView compact initialQuery={initialQuery} onQueryChange={(q) => void lastQuery.setValue(q)} />
      )}
      <footer className="popup-footer">
        <button type="button" className="link-button" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          Settings
        </button>
      </footer>
    </main>
  );
}
