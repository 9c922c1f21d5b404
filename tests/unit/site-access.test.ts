import { describe, expect, it } from 'vitest';
import { askSitesBack, withdrawnSites, type SitePermissions } from '../../lib/settings/site-access';

/** A browser's permissions in memory: the origins it grants. */
function permissions(granted: string[], grantsRequests = true): SitePermissions & { granted: Set<string>; asked: string[][] } {
  const set = new Set(granted);
  const asked: string[][] = [];
  return {
    granted: set,
    asked,
    contains: async ({ origins }) => origins.every((o) => set.has(o)),
    request: async ({ origins }) => {
      asked.push(origins);
      if (grantsRequests) origins.forEach((o) => set.add(o));
      return grantsRequests;
    },
  };
}

describe('sites whose access the user withdrew (Firefox)', () => {
  it('lists the default sites the browser no longer grants, in their order', async () => {
    const perms = permissions(['*://*.un.org/*', '*://*.reliefweb.int/*']);
    expect(await withdrawnSites(perms, ['un.org', 'ohchr.org', 'reliefweb.int', 'undocs.org'])).toEqual(['ohchr.org', 'undocs.org']);
  });

  it('asks for exactly those sites back, and they are no longer listed once given', async () => {
    const perms = permissions([]);
    expect(await askSitesBack(perms, ['ohchr.org', 'undocs.org'])).toBe(true);
    expect(perms.asked).toEqual([['*://*.ohchr.org/*', '*://*.undocs.org/*']]);
    expect(await withdrawnSites(perms, ['ohchr.org', 'undocs.org'])).toEqual([]);
  });

  it('says when the user declines, and counts a failing check as no problem to show', async () => {
    expect(await askSitesBack(permissions([], false), ['ohchr.org'])).toBe(false);
    const broken: SitePermissions = { contains: () => Promise.reject(new Error('no')), request: () => Promise.reject(new Error('no')) };
    expect(await withdrawnSites(broken, ['ohchr.org'])).toEqual([]);
    expect(await askSitesBack(broken, ['ohchr.org'])).toBe(false);
  });
});
