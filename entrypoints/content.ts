import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_SITES, sitePatterns } from '@/lib/settings/highlight-sites';
import { startContentScript } from '@/lib/highlight/start';
import { claimPage } from '@/lib/highlight/instance';
import { browser } from 'wxt/browser';
// The default colours: WXT lists this in the manifest, and the browser injects it before the page
// is first styled, so painting adds no restyle of the whole page (lib/highlight/painter.ts).
import '@/lib/highlight/highlight-colours.css';

// Thin wiring. Runs by itself on the default UN and R2P sites (the manifest lists only those);
// elsewhere the background injects it on demand (toolbar, shortcut) or registers it for the
// sites the user adds. No React and no knowledge base here: see lib/highlight/lexicon-rows.ts.
// WXT's context (ctx) is not used: see lib/highlight/instance.ts.
export default defineContentScript({
  matches: sitePatterns(DEFAULT_SITES),
  runAt: 'document_idle',
  main() {
    const page = claimPage(globalThis, () => !browser.runtime?.id);
    startContentScript(document, page.signal, { alive: page.alive }).catch((e: unknown) => console.warn('R2P Lens could not highlight this page:', e));
  },
});
