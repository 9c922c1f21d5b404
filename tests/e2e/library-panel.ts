/** The Library tab at the side panel's real width, for the library's browser tests. */
import type { Page } from 'playwright-core';
import { extensionPage, type ExtensionSession } from './harness';

export async function openLibrary(s: ExtensionSession): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(extensionPage(s, 'sidepanel.html#library'));
  return page;
}

export const resultCount = (page: Page) => page.locator('.library-view [role=status].result-count');
