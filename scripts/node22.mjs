/**
 * A Node 22 (or later) for the team server: Hocuspocus needs it and these machines have Node 20.
 * The running Node if it is new enough; else the binary of npm's `node-<platform>-<arch>` package,
 * installed once by npm into node_modules/.cache/r2p-node22 (not a dependency of the project:
 * its `node` command would replace Node 20 for every npm script).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
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

const serverDir = join(root, 'server');

/**
 * Installed, and not older than the lock file: npm writes node_modules/.package-lock.json as it
 * installs, so a lock file changed since (a pull that moves a version) installs again.
 */
function serverPackagesCurrent() {
  const installed = join(serverDir, 'node_modules', '.package-lock.json');
  if (!existsSync(join(serverDir, 'node_modules', '@hocuspocus', 'server', 'package.json')) || !existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(join(serverDir, 'package-lock.json')).mtimeMs;
}

/**
 * The team server's own packages (server/package.json, locked in server/package-lock.json),
 * installed by npm running on Node 22: Hocuspocus declares Node 22, and installed with the
 * extension's packages on Node 20 it made `npm install` warn. Run by `npm install` (postinstall).
 */
export function serverPackages({ fetch = true } = {}) {
  if (serverPackagesCurrent()) return true;
  if (!fetch) return false;
  const node = node22();
  process.stderr.write('Installing the team server\'s packages (server/package.json) with Node 22…\n');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund', '--prefix', serverDir], {
    stdio: ['ignore', 'inherit', 'inherit'],
    // npm's own script runs on the first `node` in PATH: this one.
    env: { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` },
  });
  return true;
}

/** The arguments that run server/team-server.ts under that Node (TypeScript types stripped). */
export const serverArgs = (args) => ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', join(root, 'server', 'team-server.ts'), ...args];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--server-packages')) {
    try {
      serverPackages();
    } catch (e) {
      // Offline, say: the extension installs and builds all the same; only the team server waits.
      process.stderr.write(`The team server's packages could not be installed now (${e instanceof Error ? e.message.split('\n')[0] : e}); run \`npm install\` again online before \`npm run team-server\` or \`npm test\`.\n`);
    }
  } else process.stdout.write(`${node22()}\n`);
}
