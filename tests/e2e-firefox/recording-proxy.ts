/**
 * Every request Firefox makes goes through this proxy (Firefox's own proxy preferences, loopback
 * included), from wherever it comes: tabs, extension pages, the extension's background page, its
 * workers and content scripts. It records each one, answers the addresses a test serves (the
 * UN pages, a PDF), tunnels to the addresses a test allows (a team server on loopback), and
 * refuses everything else before it could leave the machine: the Firefox counterpart of the
 * Chromium tests' `context.route('**\/*')`.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface Served {
  status?: number;
  contentType: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface SeenRequest {
  /** The full address for plain http; `https://host:port` (what a CONNECT tunnel reveals) otherwise. */
  url: string;
  method: string;
  /** How it was answered. */
  outcome: 'served' | 'passed' | 'refused';
}

export interface RecordingProxy {
  port: number;
  /** Firefox preferences that send all its traffic (loopback too) through this proxy. */
  prefs: Record<string, string | number | boolean>;
  serve(url: string, response: Served): void;
  /** Lets requests to this origin (http://host:port or ws://host:port) through to the real address. */
  allow(origin: string): void;
  seen(): SeenRequest[];
  /** The addresses seen, less Firefox's own background traffic (never the extension's). */
  requested(): string[];
  reset(): void;
  close(): Promise<void>;
}

/** Firefox's own background traffic that its test preferences leave on (never the extension's). */
const FIREFOX_ITSELF = [/^https?:\/\/localhost(:\d+)?\/dummy\//, /^https:\/\/(firefox\.settings\.services|content-signature-2\.cdn|aus5)\.mozilla\.(com|org|net)/];
export const isFirefoxItself = (url: string) => FIREFOX_ITSELF.some((r) => r.test(url));

/** Joins the client to host:port, once `opening` has said what starts the conversation. */
function splice(client: Socket, host: string, port: number, head: Buffer, opening: (upstream: Socket) => void): void {
  const upstream = connect(port, host, () => {
    opening(upstream);
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  const drop = () => (upstream.destroy(), client.destroy());
  upstream.on('error', drop);
  client.on('error', drop);
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const served = new Map<string, Served>();
  const allowed = new Set<string>();
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    const answer = served.get(url.split('#')[0]!);
    if (answer) {
      seen.push({ url, method: req.method ?? 'GET', outcome: 'served' });
      res.writeHead(answer.status ?? 200, { 'content-type': answer.contentType, 'cache-control': 'no-store', ...answer.headers });
      res.end(answer.body);
      return;
    }
    let origin = '';
    try {
      origin = new URL(url).origin;
    } catch {
      /* not an absolute address: refused below */
    }
    if (allowed.has(origin)) {
      seen.push({ url, method: req.method ?? 'GET', outcome: 'passed' });
      const target = new URL(url);
      const out = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      out.on('error', () => res.destroy());
      req.pipe(out);
      return;
    }
    seen.push({ url, method: req.method ?? 'GET', outcome: 'refused' });
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('Refused by the test proxy: nothing leaves the machine.');
  };

  const tunnel = (req: IncomingMessage, client: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    const origin = `${host}:${port}`;
    const pass = [...allowed].some((o) => o.endsWith(`//${origin}`));
    // A CONNECT names only host and port: https for 443, otherwise the address as the page wrote it.
    const url = port === '443' ? `https://${host}` : `//${origin}`;
    seen.push({ url, method: 'CONNECT', outcome: pass ? 'passed' : 'refused' });
    if (!pass) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    splice(client, host!, Number(port), head, () => client.write('HTTP/1.1 200 Connection Established\r\n\r\n'));
  };

  /** A web socket through a plain http proxy arrives as a GET with Upgrade: pass it on whole. */
  const upgrade = (req: IncomingMessage, client: Socket, head: Buffer) => {
    const url = req.url ?? '';
    let target: URL | undefined;
    try {
      target = new URL(url);
    } catch {
      /* refused below */
    }
    const wsOrigin = target ? `ws://${target.host}` : '';
    const pass = !!target && (allowed.has(wsOrigin) || allowed.has(target.origin));
    seen.push({ url: target ? `ws://${target.host}${target.pathname}` : url, method: 'UPGRADE', outcome: pass ? 'passed' : 'refused' });
    if (!pass || !target) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    splice(client, target.hostname, Number(target.port || 80), head, (upstream) => {
      const lines = [`${req.method} ${target.pathname}${target.search} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
  };

  const server: Server = createServer(onRequest);
  server.on('connect', tunnel);
  server.on('upgrade', upgrade);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.share_proxy_settings': false,
    },
    serve: (url, response) => void served.set(url, response),
    allow: (origin) => void allowed.add(origin),
    seen: () => [...seen],
    requested: () => seen.map((r) => r.url).filter((url) => !isFirefoxItself(url)),
    reset: () => void (seen.length = 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
