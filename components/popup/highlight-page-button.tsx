/**
 * "Highlight this page" in the toolbar popup: opening the popup grants access to the current tab
 * only (`activeTab`), which is all highlighting a page on demand needs.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messages/transport';

export function HighlightPageButton() {
  const [status, setStatus] = useState('');
  const done = status.startsWith('R2P');
  const run = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return setStatus('No page to highlight.');
    const r = await sendMessage('highlight/page', { tabId: tab.id }).catch(() => ({ ok: false, message: undefined }));
    setStatus(r.ok ? 'R2P concepts are highlighted on the page.' : (r.message ?? 'This page could not be highlighted.'));
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => void run()}>
        Highlight this page
      </button>
      <span className="visually-hidden" role="status">
        {done ? status : ''}
      </span>
      {status && !done && <p role="alert">{status}</p>}
    </>
  );
}
