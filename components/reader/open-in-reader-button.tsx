import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { looksLikePdfUrl, readerUrlFor } from '@/lib/reader/source';

/** Is the active tab a PDF? By its address, or (Chrome's viewer on an address without .pdf) by its content type. */
async function activePdfUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url || !/^(https?|file):/.test(tab.url)) return undefined;
  if (looksLikePdfUrl(tab.url)) return tab.url;
  if (tab.id === undefined) return undefined;
  try {
    // activeTab (granted by opening the popup) lets us ask the tab its content type, nothing more.
    const [res] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: () => document.contentType });
    return res?.result === 'application/pdf' ? tab.url : undefined;
  } catch {
    return undefined;
  }
}

/** "Open in R2P Lens" in the popup, shown only when the active tab is a PDF. */
export function OpenInReaderButton() {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    void activePdfUrl().then(setUrl, () => setUrl(undefined));
  }, []);
  if (!url) return null;
  return (
    <button
      type="button"
      onClick={() => {
        void browser.tabs.create({ url: readerUrlFor(url, browser.runtime.getURL('/reader.html')) }).then(() => window.close());
      }}
    >
      Open in R2P Lens
    </button>
  );
}
