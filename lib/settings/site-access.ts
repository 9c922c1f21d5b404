/**
 * Firefox (Manifest V3) shows the access to the UN and R2P sites R2P Lens highlights by itself at
 * install, and lets the user withdraw it later (Add-ons Manager > R2P Lens > Permissions). Pages
 * there are then not highlighted by themselves. Which of those sites have been withdrawn, and
 * asking for them back. Chrome offers no such switch for content-script sites: nothing to check.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SITES, sitePatterns } from './highlight-sites';

export interface SitePermissions {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
}

/** The default sites whose access the browser no longer grants (an error counts as granted: nothing to fix). */
export async function withdrawnSites(perms: SitePermissions, sites: readonly string[] = DEFAULT_SITES): Promise<string[]> {
  const held = await Promise.all(sites.map((s) => perms.contains({ origins: sitePatterns([s]) }).catch(() => true)));
  return sites.filter((_, i) => !held[i]);
}

/** Asks for these sites back: call first thing in the click handler (browsers ask only then). */
export function askSitesBack(perms: SitePermissions, sites: readonly string[]): Promise<boolean> {
  return perms.request({ origins: sitePatterns(sites) }).catch(() => false);
}

/** The browser's permissions where sites can be withdrawn (Firefox), else none. */
export function withdrawablePermissions(): (SitePermissions & Pick<typeof browser.permissions, 'onAdded' | 'onRemoved'>) | undefined {
  return import.meta.env.FIREFOX ? browser.permissions : undefined;
}
