import { describe, expect, it } from 'vitest';
import { registerWelcome } from '@/lib/background/welcome';

function env() {
  let listener: ((d: { reason: string }) => void) | undefined;
  const opened: string[] = [];
  registerWelcome({
    onInstalled: { addListener: (cb) => void (listener = cb) },
    tabs: { create: async ({ url }) => void opened.push(url) },
    getURL: (p) => `chrome-extension://abc${p}`,
  });
  return { fire: (reason: string) => listener!({ reason }), opened };
}

describe('the welcome page on first run', () => {
  it('opens once on install, and not on updates or browser updates', () => {
    const e = env();
    e.fire('update');
    e.fire('chrome_update');
    e.fire('shared_module_update');
    expect(e.opened).toEqual([]);
    e.fire('install');
    expect(e.opened).toEqual(['chrome-extension://abc/welcome.html']);
  });

  it('a tab that cannot open does not break the install', async () => {
    let calls = 0;
    let listener: ((d: { reason: string }) => void) | undefined;
    registerWelcome({
      onInstalled: { addListener: (cb) => void (listener = cb) },
      tabs: { create: () => (calls++, Promise.reject(new Error('no window'))) },
      getURL: (p) => p,
    });
    expect(() => listener!({ reason: 'install' })).not.toThrow();
    await Promise.resolve();
    expect(calls).toBe(1);
  });
});
