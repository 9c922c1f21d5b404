import { defineConfig } from 'wxt';
import { resolve } from 'node:path';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  // Manifest V3 for Firefox too (Chrome requires it): README "Firefox: Manifest V3, and why".
  manifestVersion: 3,
  // R2P_OUT_DIR lets parallel builds (several developers on one machine) keep apart.
  outDir: process.env.R2P_OUT_DIR ?? '.output',
  // Extension pages load from disk, not the network: one bundle with the knowledge base is fine.
  // WXT's content-script context announces each start to the page, with the extension's id:
  // ours says nothing (lib/browser/quiet-content-script-context.ts).
  vite: () => ({
    build: {
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        // Zod 4 writes explanatory comments around its own @__PURE__ marks; Rollup says so once
        // per bundle and per comment (12 lines each time) and the build is the same either way.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
          warn(warning);
        },
      },
    },
    resolve: {
      alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: resolve(import.meta.dirname, 'lib/browser/quiet-content-script-context.ts') }],
    },
  }),
  manifest: ({ browser }) => ({
    name: 'R2P Lens',
    description:
      "The Secretary-General's R2P recommendations and atrocity risk indicators, offline, beside the UN documents you read.",
    // Only what the shipped features use; each is explained in README "Permissions and privacy".
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: 'R2P Lens' },
    // Highlighting on sites the user adds: asked for one site at a time, when added (never at install).
    // The PDF reader uses the same: the one site a PDF is downloaded from, asked at the click.
    optional_host_permissions: ['*://*/*'],
    commands: {
      'highlight-page': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Highlight R2P concepts on this page' },
      'next-concept': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Go to the next highlighted concept' },
      'previous-concept': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Go to the previous highlighted concept' },
    },
    // Extension pages run only their own files: no eval, no remote code, and nothing loaded from
    // elsewhere (images, fonts, frames, styles). connect-src is open to web addresses for the
    // reader's one download of a PDF the user asked for (lib/reader/fetch-pdf.ts), and to web
    // sockets for a review the user shares: the code connects only to the server address the
    // user entered (lib/sync/session.ts), never before a review is shared.
    // Inline styles stay allowed: pdf.js lays out its text layer with them (styles run no code).
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self' https: http: wss: ws:; img-src 'self' data: blob:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'r2p-lens@r2p-lens.example',
              strict_min_version: '140.0',
              // Firefox's declaration of what leaves the browser: nothing, unless the user shares a
              // review with their mission's server; then, asked at their click (lib/sync/data-consent.ts),
              // what a shared review carries: their name, drafts, and evidence clips with their pages.
              data_collection_permissions: { required: ['none'], optional: ['personallyIdentifyingInfo', 'personalCommunications', 'websiteContent', 'browsingActivity'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
