import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

// Thin wiring only: behaviour lives in lib/.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    // The toolbar button keeps its popup (quick search); the popup opens the panel.
  });
});
