/**
 * The content script lives in pages we do not trust. What reaches the background (and the content
 * script) is checked for its sender and its shape before any handler runs; forged, foreign and
 * ill-shaped messages are refused without throwing. And a page cannot switch the highlighter off
 * by replaying the events WXT uses between copies of a content script.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { claimPage } from '@/lib/highlight/instance';
import { listen } from '@/lib/highlight/wire';
import { handleMessages } from '@/lib/messages/transport';

type Listener = (message: unknown, sender: object, sendResponse: (r: unknown) => void) => true | undefined;

/** Registers with the given function and hands back the listener it added to runtime.onMessage. */
function capture(register: () => () => void): { call(message: unknown, sender: object): Promise<{ answered: boolean; reply?: unknown; kept: boolean }>; stop: () => void } {
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  const stop = register();
  const listener = add.mock.calls.at(-1)![0] as unknown as Listener;
  add.mockRestore();
  return {
    stop,
    call: (message, sender) =>
      new Promise((resolve) => {
        let kept = false;
        const settle = (answered: boolean, reply?: unknown) => resolve({ answered, reply, kept });
        const r = listener(message, sender, (reply) => settle(true, reply));
        kept = r === true;
        if (!kept) setTimeout(() => settle(false), 20);
      }),
  };
}

const CLIP = { quote: 'Local radio stations broadcast calls to expel the minority.', title: 'Report', url: 'https://www.ohchr.org/r' };
const ours = () => ({ id: fakeBrowser.runtime.id, tab: { id: 7 }, frameId: 0, url: 'https://www.ohchr.org/r' });

beforeEach(() => fakeBrowser.reset());

describe('the background refuses what it should not trust', () => {
  let added: unknown[];
  let bg: ReturnType<typeof capture>;
  beforeEach(() => {
    added = [];
    bg = capture(() => handleMessages({ 'evidence/add': (clip) => (added.push(clip), { id: 'e1' }) }));
  });
  afterEach(() => bg.stop());

  it('answers a well-formed message from its own content script', async () => {
    const r = await bg.call({ r2p: 1, type: 'evidence/add', payload: CLIP }, ours());
    expect(r.reply).toEqual({ id: 'e1' });
    expect(added).toEqual([CLIP]);
  });

  it('ignores messages from another extension or from a web page', async () => {
    for (const sender of [{ id: 'another-extension-id', url: 'chrome-extension://another/x.html' }, { url: 'https://evil.example/', origin: 'https://evil.example' }]) {
      const r = await bg.call({ r2p: 1, type: 'evidence/add', payload: CLIP }, sender);
      expect(r).toEqual({ answered: false, reply: undefined, kept: false });
    }
    expect(added).toEqual([]);
  });

  it('refuses ill-shaped payloads with a plain message, and calls no handler', async () => {
    const bad = [undefined, null, 'a string', { quote: '' }, { ...CLIP, quote: 'x'.repeat(20_001) }, { ...CLIP, title: 42 }, { ...CLIP, page: -1 }];
    for (const payload of bad) {
      const r = await bg.call({ r2p: 1, type: 'evidence/add', payload }, ours());
      expect(r.reply).toEqual({ r2pError: 'Refused a malformed "evidence/add" message.' });
    }
    expect(added).toEqual([]);
  });

  it('ignores envelopes that are not ours and types that name Object’s own members, without throwing', async () => {
    const forged = [
      { type: 'evidence/add', payload: CLIP },
      { r2p: 2, type: 'evidence/add', payload: CLIP },
      { r2p: 1, type: 42, payload: CLIP },
      { r2p: 1, type: 'constructor', payload: {} },
      { r2p: 1, type: '__proto__', payload: {} },
      { r2p: 1, type: 'toString', payload: {} },
      { r2p: 1, type: 'hasOwnProperty', payload: {} },
      { r2p: 1, type: 'reviews/list', payload: {} },
      'evidence/add',
      null,
    ];
    for (const message of forged) expect(await bg.call(message, ours())).toEqual({ answered: false, reply: undefined, kept: false });
    expect(added).toEqual([]);
  });
});

describe('the content script refuses what it should not trust', () => {
  let jumps: unknown[];
  let cs: ReturnType<typeof capture>;
  beforeEach(() => {
    jumps = [];
    cs = capture(() =>
      listen({
        'highlight/run': () => ({ ok: true }),
        'highlight/jump': (p) => (jumps.push(p), { index: 0, total: 1 }),
        'highlight/reveal': () => ({ index: 0, total: 1 }),
      }),
    );
  });
  afterEach(() => cs.stop());

  it('answers its own extension, and only that', async () => {
    expect((await cs.call({ r2p: 1, type: 'highlight/jump', payload: { direction: 'next' } }, { id: fakeBrowser.runtime.id })).reply).toEqual({ index: 0, total: 1 });
    expect((await cs.call({ r2p: 1, type: 'highlight/jump', payload: { direction: 'next' } }, { id: 'another-extension-id' })).answered).toBe(false);
    expect(jumps).toEqual([{ direction: 'next' }]);
  });

  it('refuses an ill-shaped request and ignores types that name Object’s own members', async () => {
    const r = await cs.call({ r2p: 1, type: 'highlight/jump', payload: { direction: 'sideways' } }, { id: fakeBrowser.runtime.id });
    expect(r.reply).toEqual({ r2pError: 'Refused a malformed "highlight/jump" message.' });
    for (const type of ['constructor', 'toString', '__proto__', 'valueOf']) {
      expect(await cs.call({ r2p: 1, type, payload: {} }, { id: fakeBrowser.runtime.id })).toEqual({ answered: false, reply: undefined, kept: false });
    }
    expect(jumps).toEqual([]);
  });
});

describe('one highlighter per page, which the page cannot switch off', () => {
  it('keeps running while the extension is there, and stops the moment it is about to act once the extension is gone (updated or removed)', () => {
    let gone = false;
    const page = claimPage({}, () => gone);
    expect(page.alive()).toBe(true);
    expect(page.signal.aborted).toBe(false);
    gone = true;
    expect(page.alive()).toBe(false);
    expect(page.signal.aborted).toBe(true);
  });

  it('stops an older copy when a newer one starts in the same world', () => {
    const scope = {};
    const first = claimPage(scope, () => false);
    const second = claimPage(scope, () => false);
    expect(first.signal.aborted).toBe(true);
    expect(first.alive()).toBe(false);
    expect(second.signal.aborted).toBe(false);
  });
});

describe('the content script says nothing to the page', () => {
  it('its context posts no message and dispatches no event when it starts', async () => {
    const { ContentScriptContext } = await import('@/lib/browser/quiet-content-script-context');
    const posted: unknown[] = [];
    const post = globalThis.postMessage;
    const dispatch = globalThis.dispatchEvent;
    globalThis.postMessage = (m: unknown) => void posted.push(m);
    (globalThis as { dispatchEvent?: unknown }).dispatchEvent = (e: Event) => (posted.push(e.type), true);
    try {
      const ctx = new ContentScriptContext('content');
      expect(ctx.isValid).toBe(true);
      expect(posted).toEqual([]);
    } finally {
      globalThis.postMessage = post;
      (globalThis as { dispatchEvent?: unknown }).dispatchEvent = dispatch;
    }
  });
});
