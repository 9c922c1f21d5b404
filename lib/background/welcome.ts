/**
 * First run: the welcome page opens once, when the extension is installed. Not on updates (a
 * user who has used it for months does not need the tour again), nor on browser updates.
 */
import { browser } from 'wxt/browser';

export const WELCOME_PATH = '/welcome.html';

type OnInstalled = { addListener(cb: (details: { reason: string }) => void): void };
type Tabs = { create(o: { url: string }): Promise<unknown> };

/** What the listener needs, so a test can hand in fakes. */
export interface WelcomeEnv {
  onInstalled: OnInstalled;
  tabs: Tabs;
  getURL: (path: string) => string;
}

export function registerWelcome(env: WelcomeEnv = browserEnv()): void {
  env.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    // A failure here (no window yet, policy) must not break the install; the page is also linked from the settings.
    void env.tabs.create({ url: env.getURL(WELCOME_PATH) }).catch(() => {});
  });
}

function browserEnv(): WelcomeEnv {
  return {
    onInstalled: browser.runtime.onInstalled,
    tabs: browser.tabs,
    getURL: (p) => browser.runtime.getURL(p as '/welcome.html'),
  };
}
