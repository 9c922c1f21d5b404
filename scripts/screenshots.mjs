// `npm run screenshots`: builds the extension and retakes the README's pictures in
// docs/screenshots with the browser tests that take them (a plain `npm test` writes its
// screenshots to a temporary folder, so it leaves the tree as it found it).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const docs = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', 'build']);
run('npx', ['vitest', 'run', '--project', 'e2e', '-t', 'README screenshots'], { R2P_SHOTS_DIR: docs });
console.log(`Screenshots written to ${docs}`);
