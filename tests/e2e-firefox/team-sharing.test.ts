/**
 * Sharing a review with the mission's team server in Firefox (the server started on loopback by
 * the test, as `npm run team-server` starts it). Firefox asks for the optional data-collection
 * consent at the Share click: nothing is requested before sharing, and nothing while the consent
 * is unanswered. The prompt itself is browser UI that WebDriver BiDi cannot answer, so the whole
 * share is then driven in a Firefox told to grant optional permissions without asking
 * (`extensions.webextOptionalPermissionPrompts`), as a user who allows it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { launchFirefox, noFirefox, SHOTS_DIR } from './harness';
import { draftAReview } from './review-journey';
import { byRole, click, labelled, statusSays, typeInto } from './ui';

async function fillShareForm(panel: Page, address: string, token: string) {
  await click(panel, 'Share with your team…');
  await byRole(panel, 'form', 'Share this review');
  await typeInto(panel, /address/, address);
  await typeInto(panel, 'Token', token);
  await (await labelled(panel, /Your name/)).evaluate((e) => e.select());
  await panel.keyboard.type('Amina');
}

/** Reviews the server holds (one file each). */
const stored = (server: TeamServer) => {
  const dir = join(server.dataDir, 'documents');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ydoc')).length : 0;
};


describe.skipIf(noFirefox)('sharing a review with the team server (Firefox, built extension)', () => {
  let server: TeamServer;
  let token: string;
  beforeAll(async () => {
    server = await startTeamServer();
    token = server.issueToken('Kenya 46');
  }, 120_000);
  afterAll(async () => server?.close());

  it('requests nothing before sharing, shows the share form, and sends nothing while Firefox asks for consent', async () => {
    const s = await launchFirefox();
    try {
      s.proxy.allow(server.address);
      const panel = await draftAReview(s);
      expect(s.proxy.requested()).toEqual([]);
      await fillShareForm(panel, server.address, token);
      await panel.screenshot({ path: `${SHOTS_DIR}/firefox-share-form.png` });
      await click(panel, 'Share this review');
      // Firefox's consent prompt is up (browser UI); the review waits for the answer.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(s.proxy.requested()).toEqual([]);
      await byRole(panel, 'form', 'Share this review');
      expect(stored(server)).toBe(0);
    } finally {
      await s.close();
    }
  }, 90_000);

  it('shares the review once the consent is given, and the server keeps it', async () => {
    const s = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    try {
      s.proxy.allow(server.address);
      const panel = await draftAReview(s);
      expect(s.proxy.requested()).toEqual([]);
      await fillShareForm(panel, server.address, token);
      await click(panel, 'Share this review');
      await statusSays(panel, /^Synced/, 30_000);
      await panel.screenshot({ path: `${SHOTS_DIR}/firefox-share-synced.png` });
      // Only the server's address was reached.
      const host = new URL(server.address).host;
      expect(s.proxy.requested().filter((url) => !url.includes(host))).toEqual([]);
      expect(s.proxy.requested().length).toBeGreaterThan(0);
      await expect.poll(() => stored(server), { timeout: 15_000 }).toBe(1);
    } finally {
      await s.close();
    }
  }, 90_000);
});
