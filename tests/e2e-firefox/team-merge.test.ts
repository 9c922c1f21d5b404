/**
 * Two delegates draft one review together, each in their own Firefox (two profiles, the built
 * Firefox extension in each), through the mission's team server started on loopback by the test
 * (as `npm run team-server` starts it). Amina shares the review and copies the link the panel
 * offers; Bo pastes it into **Join a shared review…**. Both type in the same draft at once and each
 * sees the other's words; then the server goes down, both keep editing (one draft shared, one added),
 * Amina quits Firefox before it is back, and after her relaunch both Firefoxes show the same drafts
 * with every word either typed. Consent is granted as a user who clicks Allow would (see
 * team-sharing.test.ts: the prompt is browser UI that BiDi cannot answer).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { launchFirefox, noFirefox, SHOTS_DIR, type FirefoxSession } from './harness';
import { draftAReview, PANEL } from './review-journey';
import { byRole, click, labelled, statusSays, typeInto, valueOf } from './ui';

const CONSENT_GIVEN = { 'extensions.webextOptionalPermissionPrompts': false };

const launch = async (server: TeamServer, profileDir?: string) => {
  const s = await launchFirefox({ prefs: CONSENT_GIVEN, profileDir });
  s.proxy.allow(server.address);
  return s;
};

const press = async (page: Page, key: 'Home' | 'End', times = 1) => {
  await page.keyboard.down('Control');
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
  await page.keyboard.up('Control');
};

/** A message box over the panel (a mail being written or read), where a link is pasted or copied. */
const messageBox = (page: Page, name: string) =>
  page.evaluate((n) => {
    const area = document.createElement('textarea');
    area.setAttribute('aria-label', n);
    area.style.cssText = 'position: fixed; inset: 8px 8px auto; height: 80px; z-index: 2147483647';
    document.body.append(area);
  }, name);

/** Puts `text` on this Firefox's clipboard as a user copies it from a message, and pastes it into the field labelled `label`. */
async function paste(page: Page, label: string | RegExp, text?: string) {
  if (text !== undefined) {
    await messageBox(page, 'Message from a colleague');
    await typeInto(page, 'Message from a colleague', text);
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.press('c');
    await page.keyboard.up('Control');
    await page.evaluate(() => document.querySelector('textarea[aria-label="Message from a colleague"]')!.remove());
  }
  await (await labelled(page, label)).click();
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
}

/** The link "Copy link for a colleague" put on the clipboard, as pasted into a message. */
async function copiedLink(page: Page): Promise<string> {
  await click(page, 'Sharing options');
  await click(page, 'Copy link for a colleague');
  await byRole(page, 'button', 'Link copied');
  await messageBox(page, 'Message to a colleague');
  await paste(page, 'Message to a colleague');
  const message = () => page.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message to a colleague"]')!.value);
  await expect.poll(message).not.toBe('');
  const link = await message();
  await page.evaluate(() => document.querySelector('textarea[aria-label="Message to a colleague"]')!.remove());
  return link;
}

const drafts = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLTextAreaElement>('.drafts[aria-label="Recommendations"] > li textarea')].map((t) => t.value));

describe.skipIf(noFirefox)('two delegates draft one review together, each in their own Firefox', () => {
  let server: TeamServer;
  let token: string;
  let amina: FirefoxSession | undefined;
  let bo: FirefoxSession | undefined;
  beforeAll(async () => {
    server = await startTeamServer();
    token = server.issueToken('Kenya 46');
  }, 120_000);
  afterAll(async () => {
    await amina?.close();
    await bo?.close();
    await server?.close();
  });

  it('joins from the copied link, shows each one the other’s words as typed, and merges what both typed offline across a Firefox restart', async () => {
    const started = performance.now();
    [amina, bo] = await Promise.all([launch(server), launch(server)]);

    // Amina drafts and shares.
    let a = await draftAReview(amina);
    await click(a, 'Share with your team…');
    await typeInto(a, /address/, server.address);
    await typeInto(a, 'Token', token);
    await (await labelled(a, /Your name/)).evaluate((e) => e.select());
    await a.keyboard.type('Amina');
    await click(a, 'Share this review');
    await statusSays(a, /^Synced/);
    const link = await copiedLink(a);
    expect(link).toBe(`${server.address}#${token}`);

    // Bo pastes the link Amina sent into Join.
    const b = await bo.openExtensionPage('sidepanel.html#reviews', PANEL);
    await click(b, 'Join a shared review…');
    await byRole(b, 'form', 'Join a shared review');
    await paste(b, /Share link or server address/, link);
    expect(await valueOf(b, /Share link or server address/)).toBe(server.address);
    expect(await valueOf(b, 'Token')).toBe(token);
    await (await labelled(b, /Your name/)).evaluate((e) => e.select());
    await b.keyboard.type('Bo');
    await click(b, 'Join');
    await byRole(b, 'heading', /Kenya/);
    await statusSays(b, /^Synced/);
    await click(b, '2 Dialogue');
    await expect.poll(() => drafts(b), { timeout: 15_000 }).toEqual(['Ratify the Rome Statute.']);
    expect(await a.evaluate(() => document.querySelector('.share-where')?.textContent)).toMatch(/Shared on 127\.0\.0\.1:\d+ · you are Amina/);
    await expect.poll(() => a.evaluate(() => document.querySelector('.share-peers')?.textContent ?? ''), { timeout: 15_000 }).toMatch(/Also here now: Bo/);
    await b.screenshot({ path: `${SHOTS_DIR}/firefox-team-joined.png` });

    // Both type in the same draft at the same time: Amina at its start, Bo at its end.
    await (await labelled(a, 'Recommendation 1')).click();
    await press(a, 'Home');
    await (await labelled(b, 'Recommendation 1')).click();
    await press(b, 'End');
    await b.keyboard.press('Backspace');
    await Promise.all([a.keyboard.type('Promptly: ', { delay: 60 }), b.keyboard.type(' and the Genocide Convention.', { delay: 25 })]);
    const together = 'Promptly: Ratify the Rome Statute and the Genocide Convention.';
    await expect.poll(() => drafts(a), { timeout: 15_000 }).toEqual([together]);
    await expect.poll(() => drafts(b), { timeout: 15_000 }).toEqual([together]);
    await a.screenshot({ path: `${SHOTS_DIR}/firefox-team-typed-together.png`, fullPage: true });

    // The server goes down. Amina adds to the end; Bo rewrites its opening and adds a second draft.
    await server.stop();
    await statusSays(a, /^Offline/);
    await statusSays(b, /^Offline/);
    await (await labelled(a, 'Recommendation 1')).click();
    await press(a, 'End');
    await a.keyboard.type(' Report back by 2027.');
    await (await labelled(b, 'Recommendation 1')).click();
    await press(b, 'Home');
    await b.keyboard.down('Shift');
    for (let i = 0; i < 'Promptly: R'.length; i++) await b.keyboard.press('ArrowRight');
    await b.keyboard.up('Shift');
    await b.keyboard.type('Without delay, r');
    await click(b, 'Blank recommendation');
    await typeInto(b, 'Recommendation 2', 'Invite the Special Adviser on the Prevention of Genocide.');
    await statusSays(a, /All changes saved/);
    await statusSays(b, /All changes saved/);
    expect(await drafts(a)).toEqual([`${together} Report back by 2027.`]);
    expect(await drafts(b)).toEqual(['Without delay, ratify the Rome Statute and the Genocide Convention.', 'Invite the Special Adviser on the Prevention of Genocide.']);
    await b.screenshot({ path: `${SHOTS_DIR}/firefox-team-offline.png`, fullPage: true });

    // Amina quits Firefox while offline; the server comes back; Bo reconnects, then Amina restarts.
    const profile = amina.profileDir;
    await amina.close({ keepProfile: true });
    amina = undefined;
    await server.start();
    if (await b.evaluate(() => [...document.querySelectorAll('button')].some((x) => x.textContent === 'Try now'))) await click(b, 'Try now').catch(() => {});
    await statusSays(b, /^Synced/);
    amina = await launch(server, profile);
    a = await amina.openExtensionPage('sidepanel.html#reviews', PANEL);
    await byRole(a, 'heading', /Kenya/);
    await statusSays(a, /^Synced/);
    await click(a, '2 Dialogue');
    const merged = ['Without delay, ratify the Rome Statute and the Genocide Convention. Report back by 2027.', 'Invite the Special Adviser on the Prevention of Genocide.'];
    await expect.poll(() => drafts(a), { timeout: 20_000 }).toEqual(merged);
    await expect.poll(() => drafts(b), { timeout: 20_000 }).toEqual(merged);
    await statusSays(b, /^Synced/);
    await expect.poll(() => b.evaluate(() => document.querySelector('.share-peers')?.textContent ?? ''), { timeout: 15_000 }).toMatch(/Also here now: Amina/);
    await a.screenshot({ path: `${SHOTS_DIR}/firefox-team-merged-amina.png`, fullPage: true });
    await b.screenshot({ path: `${SHOTS_DIR}/firefox-team-merged-bo.png`, fullPage: true });
    console.log(`two Firefoxes, share, join, type together, offline, restart, merge: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 90_000);
});
