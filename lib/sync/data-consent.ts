/**
 * Firefox asks users before an extension sends personal data anywhere (its built-in data
 * consent). R2P Lens declares that it collects nothing by default, and lists as optional what a
 * shared review carries to the mission's server; the user is asked for it at their click on
 * Share or Join, and nothing is sent if they decline. Chrome has no such consent: it resolves true.
 */
import { browser } from 'wxt/browser';

/**
 * What a shared review carries: the user's display name, the drafts they write with colleagues,
 * and evidence clips (quotes from pages, and the pages' titles and addresses).
 * Listed as `optional` in wxt.config.ts; keep the two lists the same.
 */
export const SHARING_DATA = ['personallyIdentifyingInfo', 'personalCommunications', 'websiteContent', 'browsingActivity'] as const;

interface FirefoxPermissions {
  request(p: { data_collection: readonly string[] }): Promise<boolean>;
}

/** Call first thing in the click handler (Firefox accepts the request only from a user action). */
export function askSharingConsent(): Promise<boolean> {
  const perms = (browser as unknown as { permissions?: FirefoxPermissions }).permissions;
  if (!import.meta.env.FIREFOX || !perms?.request) return Promise.resolve(true);
  return perms.request({ data_collection: SHARING_DATA }).catch(() => false);
}
