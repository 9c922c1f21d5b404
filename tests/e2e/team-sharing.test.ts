/**
 * Two delegates share one review through the mission's team server, each in their own Chromium
 * profile with the built extension, the server started on loopback by the test (as
 * `npm run team-server` starts it): a colleague joins from the link; both edit one draft while the
 * server is down and find one merged sentence when it is back; an edit made offline in a browser
 * that is then quit is kept and reaches the colleague after the relaunch; a wrong token is refused
 * in plain words. Each state of the share panel is measured at the side panel's widths (360 and
 * 320 px: nothing scrolls sideways) and its screenshot at 360 px goes to SHOTS_DIR.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { extensionPage, launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';
import { FITS, overflowAtWidths } from './overflow';

const WIDTH = 360;
/** The share panel fits the side panel at 360 and 320 px in this state; its screenshot at 360 px. */
const shot = async (page: Page, name: string) => {
  expect(await overflowAtWidths(page, [WIDTH, 320]), `share panel: ${name}`).toEqual([WIDTH, 320].map((width) => ({ width, ...FITS })));
  await page.screenshot({ path: `${SHOTS_DIR}/share-${name}.png`, fullPage: false });
};

async function openReviews(s: ExtensionSession): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 760 });
  await page.goto(extensionPage(s, 'sidepanel.html#reviews'));
  return page;
}

async function newReview(panel: Page, state: string, delegation: string) {
  if (await panel.getByRole('button', { name: 'New review' }).isVisible()) await panel.getByRole('button', { name: 'New review' }).click();
  await panel.getByLabel('Find a State').fill(state);
  await panel.getByLabel('Your delegation').fill(delegation);
  await panel.getByRole('button', { name: 'Create review' }).click();
  await panel.getByRole('heading', { name: new RegExp(state) }).waitFor();
}

const draftBox = (panel: Page) => panel.locator('.drafts[aria-label="Recommendations"] > li textarea').first();
const status = (panel: Page) => panel.locator('.share-status');
const waitStatus = (panel: Page, text: RegExp, timeout = 30_000) => expect.poll(() => status(panel).textContent(), { timeout }).toMatch(text);

/** "Try now" after the server is back, if the panel still says offline (it retries by itself too). */
async function tryNow(panel: Page) {
  const button = panel.getByRole('button', { name: 'Try now' });
  if (await button.isVisible()) await button.click({ timeout: 2_000 }).catch(() => {});
}

async function fillShareForm(panel: Page, form: string, fields: { address: string; token?: string; name: string }) {
  const f = panel.getByRole('form', { name: form });
  await f.getByLabel(/address/).fill(fields.address);
  if (fields.token !== undefined) await f.getByLabel('Token').fill(fields.token);
  await f.getByLabel(/Your name/).fill(fields.name);
  return f;
}

describe.skipIf(noBrowser)('a delegation shares one review through its own server (two Chromium profiles)', () => {
  let server: TeamServer;
  let amina: ExtensionSession;
  let bo: ExtensionSession;
  let a: Page;
  let b: Page;
  let token: string;

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    server = await startTeamServer();
    token = server.issueToken('Kenya 46');
    amina = await launchWithExtension();
    bo = await launchWithExtension();
  }, 120_000);
  afterAll(async () => {
    await amina?.close();
    await bo?.close();
    await server?.close();
  });

  it('shares a review, a colleague joins from the link, and what both typed offline in one draft is merged', async () => {
    a = await openReviews(amina);
    await newReview(a, 'Kenya', 'Norway');
    await a.getByRole('button', { name: '2 Dialogue' }).click();
    await a.getByRole('button', { name: 'Blank recommendation' }).click();
    await draftBox(a).fill('Ratify the Rome Statute.');
    await a.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await a.locator('.share-bar.not-shared').waitFor();
    await shot(a, 'not-shared');

    await a.getByRole('button', { name: 'Share with your team…' }).click();
    const form = await fillShareForm(a, 'Share this review', { address: server.address, token, name: 'Amina' });
    await shot(a, 'form');
    await form.getByRole('button', { name: 'Share this review' }).click();
    await waitStatus(a, /^Synced/);
    await expect(a.locator('.share-where').textContent()).resolves.toMatch(/Shared on 127\.0\.0\.1:\d+ · you are Amina/);

    // The colleague pastes the link (address#token) and gives their name.
    b = await openReviews(bo);
    await b.getByRole('button', { name: 'Join a shared review…' }).click();
    const join = await fillShareForm(b, 'Join a shared review', { address: `${server.address}#${token}`, name: 'Bo' });
    await expect(join.getByLabel('Token').inputValue()).resolves.toBe(token);
    await join.getByRole('button', { name: 'Join' }).click();
    await b.getByRole('heading', { name: /Kenya/ }).waitFor();
    await waitStatus(b, /^Synced/);
    await b.getByRole('button', { name: '2 Dialogue' }).click();
    await expect.poll(() => draftBox(b).inputValue(), { timeout: 15_000 }).toBe('Ratify the Rome Statute.');
    await expect.poll(() => a.locator('.share-peers').textContent(), { timeout: 15_000 }).toMatch(/Bo/);
    await a.locator('.share-bar').scrollIntoViewIfNeeded();
    await shot(a, 'synced');

    // The server goes down; each types in the same sentence, one at its start, the other at its end.
    await server.stop();
    await waitStatus(a, /^Offline/);
    await waitStatus(b, /^Offline/);
    await draftBox(a).click();
    await a.keyboard.press('Control+Home');
    await a.keyboard.type('Promptly: ');
    await draftBox(b).click();
    await b.keyboard.press('Control+End');
    await b.keyboard.press('Backspace');
    await b.keyboard.type(' and the Genocide Convention.');
    await a.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await b.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await a.locator('.share-bar').scrollIntoViewIfNeeded();
    await shot(a, 'offline');

    await server.start();
    for (const p of [a, b]) await tryNow(p);
    const merged = 'Promptly: Ratify the Rome Statute and the Genocide Convention.';
    await expect.poll(() => draftBox(a).inputValue(), { timeout: 30_000 }).toBe(merged);
    await expect.poll(() => draftBox(b).inputValue(), { timeout: 30_000 }).toBe(merged);
    await waitStatus(a, /^Synced/);
    await waitStatus(b, /^Synced/);
  }, 180_000);

  it('keeps an edit made offline in a browser that is then quit, and syncs it on relaunch', async () => {
    await server.stop();
    await waitStatus(a, /^Offline/);
    await draftBox(a).click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(' Now.');
    await a.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    const profile = amina.profileDir;
    await amina.close({ keepProfile: true });

    await server.start();
    amina = await launchWithExtension(profile);
    a = await openReviews(amina);
    await a.getByRole('heading', { name: /Kenya/ }).waitFor();
    await waitStatus(a, /^Synced/);
    const expected = 'Promptly: Ratify the Rome Statute and the Genocide Convention. Now.';
    await a.getByRole('button', { name: '2 Dialogue' }).click();
    await expect(draftBox(a).inputValue()).resolves.toBe(expected);
    await tryNow(b);
    await expect.poll(() => draftBox(b).inputValue(), { timeout: 30_000 }).toBe(expected);
  }, 120_000);

  it('refuses a wrong token with a plain message and keeps the review to itself', async () => {
    await newReview(a, 'Chad', 'Norway');
    await a.getByRole('button', { name: 'Share with your team…' }).click();
    const wrong = server.issueToken('Chad').replace(/.{4}$/, 'AAAA');
    const form = await fillShareForm(a, 'Share this review', { address: server.address, token: wrong, name: 'Amina' });
    await form.getByRole('button', { name: 'Share this review' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/The server refused this token/);
    await shot(a, 'wrong-token');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await a.locator('.share-bar.not-shared').waitFor();
  }, 60_000);

  it('says who set a response last, and stopping the sharing tells the colleague, who keeps the review', async () => {
    await a.getByRole('navigation', { name: 'Reviews' }).getByRole('button', { name: /^Kenya · shared with 127\.0\.0\.1:\d+$/ }).click();
    await waitStatus(a, /^Synced/);
    await b.getByRole('button', { name: '3 Outcome' }).click();
    await b.getByLabel('Response to recommendation 1').selectOption('supported');
    await a.getByRole('button', { name: '3 Outcome' }).click();
    await expect.poll(() => a.getByLabel('Response to recommendation 1').inputValue(), { timeout: 15_000 }).toBe('supported');
    await expect.poll(() => a.locator('.outcomes .last-change').textContent(), { timeout: 15_000 }).toMatch(/^set by Bo at /);
    await a.locator('.outcomes').scrollIntoViewIfNeeded();
    await shot(a, 'last-change');

    await a.locator('.share-options > summary').click();
    await a.getByRole('button', { name: 'Stop sharing…' }).click();
    await a.locator('.share-bar').scrollIntoViewIfNeeded();
    await shot(a, 'options');
    await a.getByRole('group', { name: 'Confirm stop sharing' }).getByRole('button', { name: 'Stop sharing' }).click();
    await a.locator('.share-bar.not-shared').waitFor({ timeout: 15_000 });
    await expect.poll(() => status(b).textContent(), { timeout: 15_000 }).toMatch(/^No longer shared/);
    await b.locator('.share-bar').scrollIntoViewIfNeeded();
    await shot(b, 'unshared');
    await b.getByRole('button', { name: 'Keep it as a review of my own' }).click();
    await b.locator('.share-bar.not-shared').waitFor();
    await b.getByRole('button', { name: '2 Dialogue' }).click();
    await expect(draftBox(b).inputValue()).resolves.toMatch(/Genocide Convention/);
  }, 60_000);
});
