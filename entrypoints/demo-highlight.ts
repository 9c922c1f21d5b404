import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startContentScript } from '@/lib/highlight/start';

// Thin wiring. The bundled demo page (public/demo.html) loads this when opened from the welcome
// page as an extension page, where content scripts do not run: the same highlighter, always on.
// Served over http by `npm start`, the page is an ordinary site and this does nothing.
export default defineUnlistedScript(() => {
  if (!/^(chrome|moz)-extension:$/.test(location.protocol)) return;
  startContentScript(document, new AbortController().signal, { always: true }).catch((e: unknown) =>
    console.warn('R2P Lens could not highlight the demo page:', e),
  );
});
