/**
 * Drafting as a delegate types it, in the side panel page at its real width (360 px) in Chromium
 * with the built extension: a recommendation typed behind a statement's opening is read by its own
 * verb and passes the SMART checks; the statement puts it behind the delegation's lead-in, once;
 * items reorder from the keyboard; the Markdown export reads as the statement does.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launchWithExtension, noBrowser, SHOTS_DIR, type ExtensionSession } from './harness';

const TYPED = 'We recommend that Syria ratify the Rome Statute before its next review';

describe.skipIf(noBrowser)('drafting a recommendation as a delegate types it (Chromium, 360 px side panel)', () => {
  let s: ExtensionSession;
  let panel: Page;
  beforeAll(async () => {
    s = await launchWithExtension();
    panel = await s.context.newPage();
    await panel.setViewportSize({ width: 360, height: 760 });
    await panel.goto(extensionPage(s, 'sidepanel.html#reviews'));
    mkdirSync(SHOTS_DIR, { recursive: true });
  }, 60_000);
  afterAll(async () => s?.close());

  const saved = () => panel.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  const noSideways = () => panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  it('reads "We recommend that Syria ratify …" as category 5 decided by "ratify", with every SMART check passed', async () => {
    await panel.getByLabel('Find a State').fill('Syria');
    await expect.poll(() => panel.getByLabel('State', { exact: true }).inputValue()).toBe('SYR');
    await panel.getByLabel('Working Group session').fill('26');
    await panel.getByRole('button', { name: 'Create review' }).click();
    await panel.getByRole('heading', { name: /Syrian Arab Republic, session 26/ }).waitFor();
    await panel.getByRole('button', { name: '2 Dialogue' }).click();
    await panel.getByRole('button', { name: 'Blank recommendation' }).click();
    const draft = panel.locator('.drafts[aria-label="Recommendations"] > li').first();
    await draft.getByRole('textbox').pressSequentially(TYPED, { delay: 5 });

    await expect.poll(() => draft.locator('.category').getAttribute('data-category')).toBe('5');
    await expect(draft.locator('.category strong').textContent()).resolves.toBe('Category 5: specific action');
    await expect(draft.locator('.category').textContent()).resolves.toContain('decided by “ratify”');
    const checks = draft.locator('.smart li');
    await expect(checks.count()).resolves.toBe(5);
    await expect(checks.evaluateAll((els) => els.map((e) => e.className))).resolves.toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    await expect(draft.locator('.hint').count()).resolves.toBe(0);
    await saved();
  }, 90_000);

  it('puts it behind the lead-in once, asks for the delegation once, and reorders items from the keyboard', async () => {
    const builder = panel.locator('.statement-builder');
    // A second recommendation typed without a capital or a full stop, and a question.
    await panel.getByRole('button', { name: 'Blank recommendation' }).click();
    const second = panel.locator('.drafts[aria-label="Recommendations"] > li').nth(1);
    await second.getByRole('textbox').fill('abolish the death penalty and commute all death sentences to terms of imprisonment without delay');
    await panel.getByRole('button', { name: 'Blank question' }).click();
    await panel.locator('.drafts[aria-label="Advance questions"] > li').first().getByRole('textbox').fill('what measures is the Syrian Arab Republic taking to protect journalists');

    // No delegation yet: "We recommend", and the panel asks for it.
    for (const name of ['Recommendation 1', 'Recommendation 2']) await builder.locator('.statement-rest label', { hasText: name }).getByRole('checkbox').click();
    await builder.locator('.statement-preview summary').click();
    await expect.poll(() => builder.locator('.statement-preview p').first().textContent()).toBe('We recommend that the Syrian Arab Republic:');
    await builder.scrollIntoViewIfNeeded();
    await builder.screenshot({ path: `${SHOTS_DIR}/drafting-statement-no-delegation-360.png` });
    await builder.getByLabel(/^Your delegation, for the lead-in/).fill('Ireland');
    await builder.getByRole('button', { name: 'Set' }).click();
    await expect.poll(() => builder.locator('.lead-in').textContent()).toBe('Lead-in: Ireland recommends that the Syrian Arab Republic:');
    await expect(builder.locator('.statement-preview').textContent()).resolves.not.toMatch(/We recommend/);
    await expect(builder.locator('.statement-preview li').allTextContents()).resolves.toEqual([
      'ratify the Rome Statute before its next review; and',
      'abolish the death penalty and commute all death sentences to terms of imprisonment without delay.',
    ]);
    // Each draft once: two in speaking order, the question below, each label cut at a word.
    await expect(builder.locator('.statement-items .item-label strong').allTextContents()).resolves.toEqual(['Recommendation 1', 'Recommendation 2', 'Question 1']);
    const long = await builder.locator('.statement-order li').nth(1).locator('.item-label').textContent();
    expect(long).toMatch(/^Recommendation 2 abolish the death penalty and commute all death sentences to\w*…$/);

    await builder.locator('.statement-rest label', { hasText: 'Question 1' }).getByRole('checkbox').click();
    await builder.getByRole('checkbox', { name: 'Include Question 1' }).focus();
    await panel.keyboard.press('Alt+ArrowUp');
    await panel.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => builder.locator('.statement-order li strong').allTextContents()).toEqual(['Question 1', 'Recommendation 1', 'Recommendation 2']);
    // The focus stayed with the item moved: at the top, on its "down" button.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Question 1 down');
    await panel.keyboard.press('Enter');
    await expect.poll(() => builder.locator('.statement-order li strong').allTextContents()).toEqual(['Recommendation 1', 'Question 1', 'Recommendation 2']);
    await expect(builder.locator('.statement-preview p').allTextContents()).resolves.toEqual([
      'Ireland recommends that the Syrian Arab Republic ratify the Rome Statute before its next review.',
      'What measures is the Syrian Arab Republic taking to protect journalists?',
      'Ireland recommends that the Syrian Arab Republic abolish the death penalty and commute all death sentences to terms of imprisonment without delay.',
    ]);
    await panel.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => builder.locator('.statement-order li strong').allTextContents()).toEqual(['Recommendation 1', 'Recommendation 2', 'Question 1']);
    expect(await noSideways()).toBe(true);
    await saved();

    // Look at it as a delegate would: the draft with its analysis, and the statement builder.
    await panel.locator('.drafts[aria-label="Recommendations"] > li').first().scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS_DIR}/drafting-dialogue-360.png` });
    await builder.scrollIntoViewIfNeeded();
    await builder.screenshot({ path: `${SHOTS_DIR}/drafting-statement-builder-360.png` });
  }, 90_000);

  it('exports Markdown that reads as the statement does', async () => {
    await panel.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Markdown (.md)' }).click()]);
    expect(download.suggestedFilename()).toBe('Syrian-Arab-Republic-UPR-26.md');
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toMatch(/^# Universal Periodic Review of the Syrian Arab Republic\n/);
    expect(md).toContain(
      '## Recommendations\n\nIreland recommends that the Syrian Arab Republic:\n\n1. ratify the Rome Statute before its next review; and\n2. abolish the death penalty',
    );
    expect(md).toContain('## Advance questions\n\n1. What measures is the Syrian Arab Republic taking to protect journalists?');
    expect(md).not.toMatch(/We recommend|recommends that Syria\b/);
  }, 60_000);

  it('where the learned model reads a general verb as specific, shows the words that made it so', async () => {
    // A real coded row (UPR Info, sessions 1-5, category 5) that the rules alone read as general.
    await panel.getByRole('button', { name: '2 Dialogue' }).click();
    await panel.getByRole('button', { name: 'Blank recommendation' }).click();
    const draft = panel.locator('.drafts[aria-label="Recommendations"] > li').nth(2);
    await draft.getByRole('textbox').fill('We recommend that Syria invite and facilitate the visit of the Special Rapporteur on freedom of religion and belief');
    await expect.poll(() => draft.locator('.category').getAttribute('data-category')).toBe('5');
    const category = draft.locator('.category');
    await expect(category.textContent()).resolves.toContain('decided by “invite and facilitate”');
    await expect(category.locator('.learned').textContent()).resolves.toMatch(/made specific by .*“visit”/);
    await expect(category.textContent()).resolves.toMatch(/as UPR Info's coders read them \(category 5, specific action\)/);
    expect(await noSideways()).toBe(true);
    await saved();
    await draft.scrollIntoViewIfNeeded();
    await draft.screenshot({ path: `${SHOTS_DIR}/drafting-learned-words-360.png` });
  }, 60_000);
});
