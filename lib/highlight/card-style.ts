/** The card's own styles, inside its closed shadow root (the page's CSS cannot reach them). */
export const CARD_CSS = `
:host { all: initial; }
.card { all: initial; position: fixed; box-sizing: border-box; width: min(360px, calc(100vw - 16px)); max-height: min(420px, calc(100vh - 16px));
  overflow: auto; padding: 12px 14px; border-radius: 8px; background: #fff; color: #1b1b1b; border: 1px solid #c6ccd4;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; display: block; }
.card:focus { outline: 3px solid #1a66d2; outline-offset: 2px; }
header { display: flex; align-items: baseline; gap: 8px; }
h2 { font-size: 16px; margin: 0; flex: 1; font-weight: 650; }
.cat { font-size: 12px; color: #4a5563; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #4a5563; margin: 10px 0 4px; }
p, ul, ol { margin: 4px 0; }
ul, ol { padding-left: 18px; }
li { margin: 2px 0; }
.cite { color: #4a5563; font-size: 12px; }
.found { font-style: italic; color: #4a5563; font-size: 12px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid #8a94a3; background: #f3f5f8; color: #1b1b1b; cursor: pointer; }
button:hover { background: #e4e8ee; }
button:focus-visible { outline: 3px solid #1a66d2; outline-offset: 1px; }
.close { border: none; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; }
.status { font-size: 12px; color: #1f6b36; min-height: 1em; }
@media (forced-colors: active) {
  .card { border: 2px solid CanvasText; }
  button { border: 1px solid ButtonText; }
  button:focus-visible, .card:focus { outline-color: Highlight; }
}
@media (prefers-reduced-motion: reduce) {
  * { transition: none !important; animation: none !important; }
}
@media (prefers-color-scheme: dark) {
  .card { background: #1c2128; color: #e6edf3; border-color: #3d444d; }
  .cat, h3, .cite, .found { color: #9ea7b3; }
  button { background: #2d333b; color: #e6edf3; border-color: #545d68; }
  button:hover { background: #373e47; }
  .status { color: #7ee2a8; }
}
`;
