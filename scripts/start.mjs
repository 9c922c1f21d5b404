#!/usr/bin/env node
// `npm start`: build the extension, then open Chromium with it loaded on the bundled demo page.
// Without a display, print where the built extension is and how to load it by hand.
import { execSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// The same folder `wxt build` writes to (R2P_OUT_DIR keeps parallel builds apart).
const extDir = join(root, process.env.R2P_OUT_DIR ?? '.output', 'chrome-mv3');

execSync('npx wxt build', { cwd: root, stdio: 'inherit' });

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((p) => p && existsSync(p));
const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

const howToLoad = `
The extension is built in:
  ${extDir}
To load it by hand: open chrome://extensions (or edge://extensions), switch on "Developer mode",
click "Load unpacked" and choose that folder. For Firefox: "npm run build:firefox", then
about:debugging > This Firefox > "Load Temporary Add-on" and pick .output/firefox-mv3/manifest.json.
Once loaded, the welcome page opens; its "Open the demo page" button shows the highlighter on a real
UPR report excerpt (${join(extDir, 'demo.html')}).`;

if (!chromium || !hasDisplay) {
  console.log(chromium ? '\nNo display found, so no browser window can open.' : '\nNo Chromium found.');
  console.log(howToLoad);
  process.exit(0);
}

// Serve the demo page over http on this machine only: content scripts do not run on file:// pages by default.
const demo = readFileSync(join(extDir, 'demo.html'));
// The page's one script (it highlights the page only when opened as an extension page; here it does nothing).
const demoScript = readFileSync(join(extDir, 'demo-highlight.js'));
const server = createServer((req, res) => {
  if (req.url?.startsWith('/demo-highlight.js')) {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    return res.end(demoScript);
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(demo);
}).listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/demo.html`;
  const profile = mkdtempSync(join(tmpdir(), 'r2p-lens-start-'));
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    url,
  ];
  console.log(`Opening Chromium with R2P Lens on ${url} (close the browser to stop).`);
  const child = spawn(chromium, args, { stdio: 'ignore' });
  child.on('exit', () => server.close());
});
