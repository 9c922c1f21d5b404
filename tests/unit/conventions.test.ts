/**
 * The house rules, checked on every run so the tree keeps the shape the README describes:
 * thin entrypoints, pure modules that touch no browser API, no React and no `eval` where they do
 * not belong, and file names in kebab-case.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
/** Our files under a folder: installed packages (server/node_modules, from `npm install`'s postinstall) are not ours. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    if (name === 'node_modules') return [];
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}
const source = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const code = (dir: string) => filesUnder(dir).filter((f) => /\.(ts|tsx)$/.test(f));

describe('conventions', () => {
  it('names every source file in kebab-case', () => {
    const offenders = ['lib', 'components', 'entrypoints', 'tests', 'bench', 'scripts', 'server']
      .flatMap(filesUnder)
      .filter((f) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)+$/.test(f.split('/').at(-1)!));
    expect(offenders).toEqual([]);
  });

  it('keeps the top level to the layout the README describes: no scratch scripts beside the configs', () => {
    const loose = readdirSync(ROOT).filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && !/^(wxt|vitest)\.config\.ts$/.test(f));
    expect(loose).toEqual([]);
  });

  it('lets `npm run bench -- <section>` run one section without the others\' builds: run.ts loads sections when they run', () => {
    // A browser section's harness stops at import when its build is missing (a fresh clone).
    const eager = source('bench/run.ts').split('\n').filter((line) => /^import .* from '\.\//.test(line));
    expect(eager).toEqual([]);
  });

  it('keeps entrypoints thin: wiring only, the logic lives in lib/ and components/', () => {
    const heavy = code('entrypoints').filter((f) => source(f).split('\n').length > 40);
    expect(heavy).toEqual([]);
  });

  it('keeps the pure modules free of browser APIs, so they run and are tested in Node', () => {
    const pure = ['lib/concepts', 'lib/upr', 'lib/catalogue', 'lib/text'].flatMap(code);
    expect(pure.length).toBeGreaterThan(20);
    const touching = pure.filter((f) => /from 'wxt\/|\bbrowser\.|\bchrome\.|\bdocument\.|\bwindow\.|from 'react'/.test(source(f)));
    expect(touching).toEqual([]);
  });

  it('ships no React in the content script and no eval anywhere in our code', () => {
    const contentSide = ['entrypoints/content.ts', ...code('lib/highlight'), ...code('lib/concepts'), ...code('lib/concepts-compiled')];
    expect(contentSide.filter((f) => /from 'react|from 'zod'/.test(source(f)))).toEqual([]);
    const ours = ['lib', 'components', 'entrypoints'].flatMap(code);
    expect(ours.filter((f) => /\beval\(|new Function\(/.test(source(f))).map((f) => relative(ROOT, join(ROOT, f)))).toEqual([]);
  });

  it('keeps one message protocol: messages cross contexts only through lib/messages/', () => {
    // lib/highlight/wire.ts speaks the same typed protocol for the content script, without Zod.
    const transports = (f: string) => f.startsWith('lib/messages/') || f === 'lib/highlight/wire.ts';
    const senders = ['lib', 'components', 'entrypoints'].flatMap(code).filter((f) => !transports(f));
    const raw = senders.filter((f) => /runtime\.sendMessage\(|tabs\.sendMessage\(|runtime\.onMessage\.addListener/.test(source(f)));
    expect(raw).toEqual([]);
  });
});
