/**
 * The team server as the tests use it: started on loopback on a free port with its own temporary
 * data folder, through the same Node 22 and entry point as `npm run team-server`; stopped and
 * started again on the same port (offline, then back), tokens issued with the real command.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script shared with `npm run team-server`
import { node22, serverArgs, serverPackages } from '../../scripts/node22.mjs';

export interface TeamServer {
  /** ws://127.0.0.1:<port> */
  address: string;
  dataDir: string;
  /** A token for a new review document, issued by `team-server token`. */
  issueToken(label?: string): string;
  /** Stops the server (clients go offline); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its data folder. */
  close(): Promise<void>;
  log(): string;
}

const nodeBinary = (): string => (serverPackages(), node22() as string);
const args = (a: string[]): string[] => serverArgs(a) as string[];

export async function startTeamServer(): Promise<TeamServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'r2p-team-server-'));
  const node = nodeBinary();
  let child: ChildProcess | undefined;
  let port = 0;
  let output = '';
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const c = spawn(node, args(['--port', String(port), '--host', '127.0.0.1', '--data', dataDir]), { stdio: ['ignore', 'pipe', 'pipe'] });
      child = c;
      const timer = setTimeout(() => reject(new Error(`The team server did not start in 20 s:\n${output}`)), 20_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        const m = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (m) {
          port = Number(m[1]);
          clearTimeout(timer);
          resolve();
        }
      };
      c.stdout!.on('data', onData);
      c.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      c.once('exit', (code) => {
        clearTimeout(timer);
        if (!port) reject(new Error(`The team server exited (${code}):\n${output}`));
      });
    });
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  await launch();
  return {
    get address() {
      return `ws://127.0.0.1:${port}`;
    },
    dataDir,
    issueToken(label = 'test review') {
      const out = execFileSync(node, args(['--data', dataDir, 'token', label]), { encoding: 'utf8' });
      const m = /r2p\.[a-z0-9]{16}\.[A-Za-z0-9_-]+/.exec(out);
      if (!m) throw new Error(`No token in:\n${out}`);
      return m[0];
    },
    stop,
    start: launch,
    async close() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    log: () => output,
  };
}
