/**
 * The styles of the extension's UI on a page, inside its closed shadow root.
 *
 * HOST_CSS holds our host element in place against the page. Important declarations from inside
 * a shadow tree win over the page's, however they come (its stylesheets, layers, or a style
 * attribute its scripts write on our host), so the page cannot hide, shrink, move or fade the
 * card. The host is also a popover shown in the top layer while a card is open: effects the page
 * puts on its own <html> (opacity, filter, transform, mask) do not reach it, and only what the
 * page opens in the top layer later can cover it (the card checks for that before acting).
 *
 * The card's words are drawn from `data-t` attributes by generated content, not written as text
 * into the page's DOM: the page's own find (`window.find`) cannot tell what the card says.
 */
export const HOST_CSS = `
:host {
  all: initial !important; display: block !important; position: fixed !important; inset: auto !important;
  top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; margin: 0 !important;
  padding: 0 !important; border: 0 !important; overflow: visible !important; background: none !important;
  opacity: 1 !important; visibility: visible !important; z-index: 2147483647 !important; zoom: 1 !important;
  transform: none !important; filter: none !important; clip-path: none !important; mask: none !important;
  content-visibility: visible !important; pointer-events: auto !important; contain: none !important;
}
`;

export const CARD_CSS = `
.card { all: initial; position: fixed; box-sizing: border-box; width: min(340px, calc(100vw - 16px)); max-height: calc(100vh - 16px);
  display: flex; flex-direction: column; padding: 10px 12px; border-radius: 8px; background: #fff; color: #1b1b1b;
  border: 1px solid #c6ccd4; box-shadow: 0 6px 24px rgba(0,0,0,.18); font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.card:focus { outline: 3px solid #1a66d2; outline-offset: 2px; }
[data-t]::before { content: attr(data-t); }
header { display: flex; align-items: baseline; gap: 8px; flex: none; }
h2 { font-size: 15px; margin: 0; flex: 1; font-weight: 650; }
.cat { font-size: 12px; color: #4a5563; }
.body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; background: #fff; }
p, ul, ol { margin: 4px 0; }
ul, ol { padding-left: 18px; }
li { margin: 2px 0; }
.cite { color: #4a5563; font-size: 12px; margin-left: 4px; }
.found { font-style: italic; color: #4a5563; font-size: 12px; }
details { margin-top: 4px; }
summary { cursor: pointer; font-size: 12px; font-weight: 600; color: #374151; padding: 2px 0; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; padding: 6px 0 4px; position: sticky; bottom: 0; background: inherit; }
button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid #8a94a3; background: #f3f5f8; color: #1b1b1b; cursor: pointer; }
button:hover { background: #e4e8ee; }
button:focus-visible, summary:focus-visible { outline: 3px solid #1a66d2; outline-offset: 1px; }
.close { border: none; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; }
.status { font-size: 12px; color: #1f6b36; margin: 4px 0 0; flex: none; }
.status.refused { color: #9a3412; }
@media (forced-colors: active) {
  .card { border: 2px solid CanvasText; }
  button { border: 1px solid ButtonText; }
  button:focus-visible, summary:focus-visible, .card:focus { outline-color: Highlight; }
}
@media (prefers-reduced-motion: reduce) {
  * { transition: none !important; animation: none !important; }
}
@media (prefers-color-scheme: dark) {
  .card, .body { background: #1c2128; color: #e6edf3; border-color: #3d444d; }
  .cat, .cite, .found { color: #9ea7b3; }
  summary { color: #c9d1d9; }
  button { background: #2d333b; color: #e6edf3; border-color: #545d68; }
  button:hover { background: #373e47; }
  .status { color: #7ee2a8; }
  .status.refused { color: #fdba74; }
}
`;
