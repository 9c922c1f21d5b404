/**
 * The content script's body: loads the shipped lexicon, reads the settings, and runs the page
 * controller automatically on the user's sites or when asked (toolbar, shortcut). Everything it
 * starts stops with `signal` (WXT's content script context).
 */
import { matchConcepts } from '../concepts/match';
import { isAutomaticHost, readHighlightSettings, watchHighlightSettings } from '../settings/highlight-settings';
import { loadShippedLexicon } from './lexicon-rows';
import { MAX_HITS_PER_BLOCK } from './orchestrator';
import { PanelRefusal } from './card';
import { PageController } from './page-controller';
import { listen, send } from './wire';

export interface StartOptions {
  /** Highlight this document whatever its host (the bundled demo page, an extension page). */
  always?: boolean;
  /** Whether this copy may still act: false once the extension is gone (lib/highlight/instance.ts). */
  alive?: () => boolean;
}

export function startContentScript(doc: Document, signal: AbortSignal, options: StartOptions = {}): Promise<void> {
  const automatic = (s: Parameters<typeof isAutomaticHost>[1]) => options.always === true || isAutomaticHost(doc.location.hostname, s);
  // Listen at once: the background sends "run" right after injecting the script.
  const ready = load(doc, options.alive);
  const unlisten = listen({
    'highlight/run': async () => {
      const c = await ready;
      return c.start() ? { ok: true } : { ok: false, message: 'Highlighting is paused in the settings.' };
    },
    'highlight/jump': async ({ direction }) => {
      const c = await ready;
      c.start();
      return c.jump(direction);
    },
    'highlight/reveal': async ({ conceptId }) => (await ready).jump('next', conceptId),
  });
  signal.addEventListener('abort', unlisten);
  return ready.then((controller) => {
    if (signal.aborted) return;
    const unwatch = watchHighlightSettings((s) => {
      controller.applySettings(s);
      if (!s.paused && automatic(s)) controller.start();
    });
    signal.addEventListener('abort', () => {
      unwatch();
      controller.stop();
    });
    if (automatic(controller.settingsNow!)) controller.start();
  });
}

/**
 * The shipped concept table, from the background (which bundles it): asked twice, since a
 * service worker that is starting up may not listen yet when the page's first request comes.
 */
async function shippedTable(): Promise<string> {
  try {
    return (await send('highlight/lexicon', {})).gzBase64;
  } catch {
    await new Promise((r) => setTimeout(r, 300));
    return (await send('highlight/lexicon', {})).gzBase64;
  }
}

async function load(doc: Document, alive: StartOptions['alive']): Promise<PageController> {
  const [{ lexicon, categoryOf }, settings] = await Promise.all([shippedTable().then(loadShippedLexicon), readHighlightSettings()]);
  const controller = new PageController(doc, {
    match: (text) => matchConcepts(text, lexicon, { perBlock: MAX_HITS_PER_BLOCK }),
    categoryOf: (id) => categoryOf.get(id),
    details: (conceptId) => send('highlight/card', { conceptId }),
    openInPanel: async (conceptId) => {
      const r = await send('highlight/open-panel', { conceptId });
      if (!r.ok) throw new PanelRefusal(r.message ?? 'The side panel could not be opened.');
    },
    addToEvidence: async (clip) => void (await send('evidence/add', clip)),
    report: (summary) => void send('highlight/counts', summary).catch(() => {}),
    alive,
  });
  controller.applySettings(settings);
  return controller;
}
