/**
 * Sites where concepts are highlighted without asking, and how a page's host is matched against
 * them. Plain data with no imports: wxt.config.ts and the content script's `matches` read it at
 * build time, the settings and the background at run time.
 */
export const DEFAULT_SITES = [
  'un.org',
  'ohchr.org',
  'upr-info.org',
  'globalr2p.org',
  'reliefweb.int',
  'securitycouncilreport.org',
  'icc-cpi.int',
  'ungeneva.org',
  'undocs.org',
  'r2pasiapacific.org',
] as const;

/** "ohchr.org" covers www.ohchr.org and any other subdomain, as `*.ohchr.org` does in a manifest. */
export const sitePatterns = (sites: readonly string[]) => sites.map((s) => `*://*.${s}/*`);

export function hostMatches(host: string, site: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === site || h.endsWith(`.${site}`);
}

/**
 * A site as the user typed or pasted it ("https://www.example.org/page", "Example.org") reduced
 * to a host name, or undefined when it is not one.
 */
export function siteFromInput(input: string): string | undefined {
  let s = input.trim().toLowerCase();
  if (!s) return undefined;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) s = new URL(s).hostname;
  } catch {
    return undefined;
  }
  s = s.replace(/\/.*$/, '').replace(/^\*\./, '').replace(/^www\./, '').replace(/\.$/, '');
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(s) ? s : undefined;
}
