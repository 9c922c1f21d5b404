/**
 * A Node 22 (or later) for the team server: Hocuspocus needs it and these machines have Node 20.
 * The running Node if it is new enough; else the binary of npm's `node-<platform>-<arch>` package,
 * installed once by npm into node_modules/.cache/r2p-node22 (not a dependency of the project:
 * its `node` command would replace Node 20 for every npm script).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE22_VERSION = '22.23.5';
const root = resolve(fileURLToPath(import.meta.url), '../..');
const platform = process.platform === 'win32' ? 'win' : process.platform;
const pkg = `node-${platform}-${process.arch}`;
const prefix = join(root, 'node_modules', '.cache', 'r2p-node22');
const binary = join(prefix, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

/** The path of a Node ≥ 22, fetching it with npm if needed. */
export function node22({ fetch = true } = {}) {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  if (existsSync(binary)) return binary;
  if (!fetch) return undefined;
  process.stderr.write(`Fetching Node ${NODE22_VERSION} for the team server (npm package ${pkg}, once)…\n`);
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@${NODE22_VERSION}`], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (!existsSync(binary)) throw new Error(`npm installed ${pkg} but ${binary} is missing. Install Node 22 or later and run the server with it.`);
  return binary;
}

/** The arguments that run server/team-server.ts under that Node (TypeScript types stripped). */
export const serverArgs = (args) => ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', join(root, 'server', 'team-server.ts'), ...args];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${node22()}\n`);
}
