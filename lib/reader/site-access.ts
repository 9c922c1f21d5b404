/**
 * The optional host permission for the one site a PDF comes from. Asked for only inside a click
 * handler (browsers require a user gesture), and only for that site.
 */
import { browser } from 'wxt/browser';
import { originPattern } from './fetch-pdf';

export async function hasSiteAccess(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return false;
  }
}

/** Call synchronously from a click handler, before any await. */
export function requestSiteAccess(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
}
