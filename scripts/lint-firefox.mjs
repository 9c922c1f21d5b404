#!/usr/bin/env node
// Mozilla's official add-ons linter on the Firefox build: errors fail, warnings are listed.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '..', process.env.R2P_OUT_DIR ?? '.output', 'firefox-mv3');
let out;
try {
  out = execFileSync('npx', ['addons-linter', '--output', 'json', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
} catch (e) {
  out = e.stdout; // the linter exits non-zero when it finds errors; the JSON still says which
}
const report = JSON.parse(out);
for (const kind of ['errors', 'warnings']) {
  for (const m of report[kind]) console.log(`${kind === 'errors' ? 'ERROR' : 'warning'} ${m.code} ${m.file ?? ''}: ${m.message}`);
}
console.log(`addons-linter: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors > 0 ? 1 : 0);
