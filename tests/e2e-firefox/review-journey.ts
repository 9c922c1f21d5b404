/** The first steps of the reviews journey, as the Firefox tests' delegates take them. */
import type { Page } from 'puppeteer-core';
import type { FirefoxSession } from './harness';
import { byRole, click, statusSays, typeInto } from './ui';

/** The side panel's real width. */
export const PANEL = { width: 360, height: 760 };

/** Opens the Reviews tab, creates a review of Kenya for Norway and saves one draft: "Ratify the Rome Statute." */
export async function draftAReview(s: FirefoxSession): Promise<Page> {
  const panel = await s.openExtensionPage('sidepanel.html#reviews', PANEL);
  await typeInto(panel, 'Find a State', 'Kenya');
  await typeInto(panel, 'Your delegation', 'Norway');
  await click(panel, 'Create review');
  await byRole(panel, 'heading', /Kenya/);
  await click(panel, '2 Dialogue');
  await click(panel, 'Blank recommendation');
  await typeInto(panel, 'Recommendation 1', 'Ratify the Rome Statute.');
  await statusSays(panel, /All changes saved/);
  return panel;
}
