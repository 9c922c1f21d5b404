/**
 * The R2P Lens team server: the mission's own place where shared reviews meet. A Hocuspocus
 * (Yjs) server that opens a review's document only for the token issued for it, keeps each
 * document in one file, and does nothing else (no accounts, no web pages, no other routes).
 *
 *   npm run team-server                       start (127.0.0.1:8787, data in ./team-server-data)
 *   npm run team-server -- token "Kenya 46"   issue a token for a new shared review
 *   npm run team-server -- tokens             list the tokens (labels, dates; never the secrets)
 *   npm run team-server -- revoke <document>  refuse a review's token from now on
 * Options: --port N, --host ADDRESS, --data FOLDER, --public-address wss://… (for printed links);
 * or R2P_TEAM_PORT, R2P_TEAM_HOST, R2P_TEAM_DATA, R2P_TEAM_PUBLIC_ADDRESS.
 *
 * Runs on Node 22 or later (Hocuspocus needs it); scripts/team-server.mjs finds or fetches one.
 */
import { resolve } from 'node:path';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseServerMessage, serverMessage } from '../lib/sync/server-messages.ts';
import { DocumentStore } from './document-store.ts';
import { TokenStore } from './token-store.ts';

interface Options {
  command: string;
  args: string[];
  port: number;
  host: string;
  data: string;
  publicAddress?: string;
}

function parseArgs(argv: string[]): Options {
  const env = process.env;
  const o: Options = {
    command: 'start',
    args: [],
    port: Number(env.R2P_TEAM_PORT ?? 8787),
    host: env.R2P_TEAM_HOST ?? '127.0.0.1',
    data: env.R2P_TEAM_DATA ?? 'team-server-data',
    publicAddress: env.R2P_TEAM_PUBLIC_ADDRESS,
  };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value.`);
      return v;
    };
    if (a === '--port') o.port = Number(value());
    else if (a === '--host') o.host = value();
    else if (a === '--data') o.data = value();
    else if (a === '--public-address') o.publicAddress = value();
    else rest.push(a);
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error('--port takes a number from 0 to 65535.');
  o.command = rest[0] ?? 'start';
  o.args = rest.slice(1);
  o.data = resolve(o.data);
  return o;
}

const addressOf = (o: Options, port = o.port) => o.publicAddress ?? `ws://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`;

async function start(o: Options) {
  const tokens = new TokenStore(o.data);
  const documents = new DocumentStore(o.data);
  tokens.list(); // a damaged token file stops the start, with its name
  const server = new Server({
    name: 'r2p-lens-team',
    port: o.port,
    address: o.host,
    quiet: true,
    // A review is written to disk at most 2 s after a change, and at least every 10 s while edited.
    debounce: 2_000,
    maxDebounce: 10_000,
    websocketOptions: { maxPayload: 32 * 1024 * 1024 },
    async onAuthenticate({ documentName, token }) {
      const verdict = tokens.check(documentName, token);
      if (verdict !== 'ok') throw Object.assign(new Error(verdict), { reason: verdict });
    },
    async onLoadDocument({ document, documentName }) {
      const state = documents.load(documentName);
      if (state) Y.applyUpdate(document, state);
    },
    async onStoreDocument({ document, documentName }) {
      // An unshared review is gone: nothing written back.
      if (tokens.list().some((r) => r.document === documentName && !r.revokedAt)) documents.save(documentName, Y.encodeStateAsUpdate(document));
    },
    async onStateless({ payload, documentName, document }) {
      if (parseServerMessage(payload)?.type !== 'unshare') return;
      tokens.revoke(documentName, 'unshared');
      documents.remove(documentName);
      log(`review ${documentName} unshared: its document was deleted and its token refused from now on`);
      document.broadcastStateless(serverMessage({ type: 'unshared' }));
      setTimeout(() => server.hocuspocus.closeConnections(documentName), 200);
    },
    async onRequest({ response }) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('R2P Lens team server. Connect to it from the extension (Reviews › Share).\n');
      // Rejecting with nothing stops Hocuspocus's own page.
      throw null;
    },
  });
  await server.listen();
  const port = server.address.port;
  log(`R2P Lens team server listening on ${addressOf(o, port)} (data in ${o.data}; ${tokens.list().filter((t) => !t.revokedAt).length} review token(s))`);
  const stop = async () => {
    server.hocuspocus.flushPendingStores();
    await server.destroy();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function log(line: string) {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const tokens = new TokenStore(o.data);
  switch (o.command) {
    case 'start':
      return start(o);
    case 'token': {
      const { token, record } = tokens.issue(o.args.join(' '));
      const address = addressOf(o);
      process.stdout.write(
        [
          `Token for "${record.label}" (document ${record.document}):`,
          '',
          `  ${token}`,
          '',
          `Share link (address#token): ${address}#${token}`,
          '',
          'Give it to the person who shares the review (Reviews › Share this review); colleagues join with the link.',
          'It is shown only now: the server keeps a hash of it.',
          ...(o.publicAddress ? [] : ['(The link uses this machine’s address; pass --public-address wss://… for the address colleagues use.)']),
          '',
        ].join('\n'),
      );
      return;
    }
    case 'tokens':
      for (const t of tokens.list()) process.stdout.write(`${t.document}  ${t.createdAt}  ${t.revokedAt ? `${t.revokedBecause} ${t.revokedAt}` : 'active'}  ${t.label}\n`);
      return;
    case 'revoke':
      if (!o.args[0]) throw new Error('Say which document: npm run team-server -- revoke <document>');
      process.stdout.write(tokens.revoke(o.args[0], 'revoked') ? `Token of ${o.args[0]} revoked.\n` : `No active token for ${o.args[0]}.\n`);
      return;
    default:
      throw new Error(`Unknown command "${o.command}". Commands: start, token "label", tokens, revoke <document>.`);
  }
}

try {
  await main();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
