/**
 * The server address, token and share link a user types or pastes, checked and put in one form.
 * A link is the address with the token after a `#`: `wss://r2p.mission.example#r2p.<document>.<secret>`.
 * Only what the user entered is ever connected to.
 */

export const TOKEN_PATTERN = /^r2p\.([a-z0-9]{16})\.([A-Za-z0-9_-]{32,128})$/;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Loopback addresses: plain ws:// is fine there (tests, a server on this computer). */
export const isLoopback = (host: string) => /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i.test(host);

/** `wss://host[:port][/path]`; http(s) and bare host names are turned into web socket addresses. */
export function parseServerAddress(input: string): Checked<string> {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'Enter the address of your mission’s R2P Lens server.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `wss://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `“${raw}” is not a server address. It looks like wss://r2p.your-mission.org.` };
  }
  const scheme = { 'wss:': 'wss:', 'https:': 'wss:', 'ws:': 'ws:', 'http:': 'ws:' }[url.protocol];
  if (!scheme || !url.hostname) return { ok: false, message: 'The address must start with wss:// (or ws:// for a server on this computer).' };
  if (url.username || url.password || url.search) return { ok: false, message: 'Enter the server’s address only, without a name, password or “?” part.' };
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return { ok: true, value: `${scheme}//${url.host}${path}` };
}

/** A plain ws:// address to another computer: readable by anyone on the network between. */
export function isUnencrypted(server: string): boolean {
  try {
    const u = new URL(server);
    return u.protocol === 'ws:' && !isLoopback(u.hostname);
  } catch {
    return false;
  }
}

export function parseToken(input: string): Checked<{ token: string; document: string }> {
  const token = input.trim();
  if (!token) return { ok: false, message: 'Enter the token your server’s administrator gave for this review.' };
  const m = TOKEN_PATTERN.exec(token);
  if (!m) return { ok: false, message: 'This is not an R2P Lens token. A token starts with “r2p.” and is given by your server’s administrator (npm run team-server -- token).' };
  return { ok: true, value: { token, document: m[1]! } };
}

export interface ShareTarget {
  server: string;
  token: string;
  document: string;
}

/** A share link: the address, `#`, the token. */
export const shareLink = (t: Pick<ShareTarget, 'server' | 'token'>) => `${t.server}#${t.token}`;

/** A share link cut at its "#": the address and the token; undefined for a bare address. */
export function splitShareLink(link: string): { address: string; token: string } | undefined {
  const hash = link.indexOf('#');
  return hash < 0 ? undefined : { address: link.slice(0, hash), token: link.slice(hash + 1).trim() };
}

/** The address and token from a pasted link, or from the two fields typed separately. */
export function parseShareTarget(address: string, token = ''): Checked<ShareTarget> {
  let a = address.trim();
  let t = token.trim();
  const link = splitShareLink(a);
  if (link) {
    t ||= link.token;
    a = link.address;
  }
  const server = parseServerAddress(a);
  if (!server.ok) return server;
  const tok = parseToken(t);
  if (!tok.ok) return tok;
  return { ok: true, value: { server: server.value, ...tok.value } };
}

/** The server as the user knows it: its host and path, without the web socket scheme. */
export const serverHost = (server: string) => server.replace(/^wss?:\/\//, '');
