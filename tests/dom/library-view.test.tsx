import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryView } from '@/components/library/library-view';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { openDatabase, type R2PDatabase } from '@/lib/db/database';
import { inThreadImporter } from '@/lib/import/import-client';
import { reindexInThread } from '@/lib/library/load';
import { resolve } from 'node:path';
import { stateLookup } from '@/lib/import/state-names';
import { bundledTagger } from '@/lib/library/bundled-tagger';
import { allRows } from '@/lib/library/store';
import { UPR_INFO_SAMPLE as SAMPLE, UPR_INFO_SAMPLE_ROWS, UPR_INFO_SEARCH_SAMPLE } from '../fixtures/upr-info-sample';
import { buttonIn, setValue } from './support/ui';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;


let container: HTMLDivElement;
let root: Root;
let db: R2PDatabase;
let n = 0;
beforeEach(async () => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  db = openDatabase(`library-view-${++n}`);
  await db.open();
});
afterEach(async () => {
  act(() => root.unmount());
  container.remove();
  db.close();
  await db.delete();
});

async function until(check: () => boolean, what: string, ms = 45_000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`Timed out waiting for ${what}`);
    await act(() => new Promise((r) => setTimeout(r, 25)));
  }
}

function chooseFile(...files: File[]) {
  const input = [...container.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Import UPR recommendations'))!.querySelector('input[type=file]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
}

function select(label: string, value: string, within: ParentNode = container) {
  const el = [...within.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))!.querySelector('select')!;
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('Library tab', { timeout: 90_000 }, () => {
  it('imports the sample, shows the summary, lists results with their concepts, and charts a chosen SuR', async () => {
    const importer = inThreadImporter({ db, tag: bundledTagger(), lookup: stateLookup(knowledgeBase().states) });
    act(() => root.render(<LibraryView db={db} importer={importer} reindex={reindexInThread} />));
    await until(() => !!container.querySelector('.empty-state'), 'the empty library');

    chooseFile(new File([readFileSync(SAMPLE)], 'upr-info-sessions-1-5.csv', { type: 'text/csv' }));
    await until(() => !!container.querySelector('.import-summary'), 'the summary');
    expect(container.querySelector('.import-summary')!.textContent).toMatch(/1,229 recommendations added .* 0 duplicates skipped\. 0 rows refused\./);
    await until(() => container.querySelector('.result-count')?.textContent === '1,229 recommendations', 'the full list');
    const rendered = container.querySelectorAll('.library-card').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);

    select('State under Review', 'Chad');
    await until(() => !!container.querySelector('.sur-chart'), 'the chart');
    const count = Number(container.querySelector('.result-count')!.textContent!.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(UPR_INFO_SAMPLE_ROWS);
    const rows = container.querySelectorAll('.sur-table tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.querySelector('td')!.textContent).toBe(String(count));
    for (const card of container.querySelectorAll('.library-card')) expect(card.textContent).toMatch(/→ Chad · session \d+ ·/);

    chooseFile(new File([readFileSync(SAMPLE)], 'again.csv', { type: 'text/csv' }));
    await until(() => /again\.csv/.test(container.querySelector('.import-summary')?.textContent ?? ''), 'the second summary');
    expect(container.querySelector('.import-summary')!.textContent).toMatch(/^0 recommendations added .* 1,229 duplicates skipped/);
  });

  it('refuses an image at once with a message saying what it expected', async () => {
    const importer = inThreadImporter({ db, tag: bundledTagger(), lookup: stateLookup(knowledgeBase().states) });
    act(() => root.render(<LibraryView db={db} importer={importer} reindex={reindexInThread} />));
    chooseFile(new File([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])], 'scan.jpg', { type: 'image/jpeg' }));
    await until(() => !!container.querySelector('[role=alert]'), 'the refusal');
    expect(container.querySelector('[role=alert]')!.textContent).toMatch(/“scan\.jpg” is a JPEG image, not an export of recommendations\. Expected an export of UPR recommendations/);
    expect(await allRows(db)).toHaveLength(0);
  });

  it('reads "Syria genocide" as the State and a word, says which word found nothing, and drops it on a click', async () => {
    const importer = inThreadImporter({ db, tag: bundledTagger(), lookup: stateLookup(knowledgeBase().states) });
    act(() => root.render(<LibraryView db={db} importer={importer} reindex={reindexInThread} />));
    await until(() => !!container.querySelector('.empty-state'), 'the empty library');
    chooseFile(new File([readFileSync(UPR_INFO_SEARCH_SAMPLE)], 'sessions-1-13-search-sample.csv', { type: 'text/csv' }));
    await until(() => /^433 recommendations added/.test(container.querySelector('.import-summary')?.textContent ?? ''), 'the summary');
    await until(() => container.querySelector('.result-count')?.textContent === '433 recommendations', 'the full list');
    const input = container.querySelector<HTMLInputElement>('input[type=search]')!;
    const count = () => Number(container.querySelector('.result-count')!.textContent!.replace(/\D/g, ''));
    const reading = () => container.querySelector('.query-reading')?.textContent;

    setValue(input, 'Syria genocide');
    await until(() => !!container.querySelector('.no-results'), 'the zero-result message');
    expect(reading()).toBe('Read as: State: Syrian Arab Republic · text: genocide');
    expect(count()).toBe(0);
    const message = container.querySelector('.no-results')!.textContent!;
    expect(message).toMatch(/No recommendation matches all of these together: to or from the Syrian Arab Republic \((\d+) recommendations\) · “genocide” \((\d+) recommendations?\)\./);
    const [, toOrFrom] = /Syrian Arab Republic \((\d+)/.exec(message)!;
    const drop = buttonIn(container, /^Search without “genocide”/)!;
    expect(drop.textContent).toBe(`Search without “genocide” (${toOrFrom} recommendations)`);
    expect(buttonIn(container, /^Search without the Syrian Arab Republic \(/)).toBeDefined();

    act(() => drop.click());
    await until(() => input.value === 'Syria' && count() === Number(toOrFrom), 'the rows to or from Syria');
    expect(reading()).toBe('Read as: State: Syrian Arab Republic');
    const cards = [...container.querySelectorAll('.library-card')];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.textContent).toMatch(/^.*(Syria → [^·]+|→ Syria) · session/);
    // Found through the State: most of these recommendations never write "Syria".
    expect(cards.filter((c) => !/Syria/.test(c.querySelector('.library-text')!.textContent!)).length).toBeGreaterThan(cards.length / 2);

    setValue(input, 'Syria torture');
    await until(() => reading() === 'Read as: State: Syrian Arab Republic · text: torture' && count() > 0, 'Syria and torture');
    for (const card of container.querySelectorAll('.library-card')) {
      expect(card.textContent).toMatch(/^.*(Syria → [^·]+|→ Syria) · session/);
      expect(card.querySelector('.library-text')!.textContent).toMatch(/tortur/i);
    }

    // Plain words read as typed: no line to push the list down.
    setValue(input, 'torture');
    await until(() => count() > 0 && reading() === undefined, 'plain words, no reading line');
    expect(input.getAttribute('aria-describedby')).toBeNull();

    // A phrase: its words at once, then only the rows with them in that order, read from storage.
    const holds = (t: string) => /\benforced disappearances?\b/i.test(t);
    const exact = (await allRows(db)).filter((r) => holds(r.text)).length;
    expect(exact).toBeGreaterThan(0);
    setValue(input, '"enforced disappearance"');
    await until(() => reading() === 'Read as: text: “enforced disappearance”' && count() === exact && !container.querySelector('.library-checking'), 'the phrase read on the rows');
    await until(() => container.querySelectorAll('.library-card:not(.loading)').length > 0, 'the rows');
    for (const card of container.querySelectorAll('.library-card:not(.loading) .library-text')) expect(holds(card.textContent!)).toBe(true);
  });

  it('asks which column holds what for a table in no known layout, imports with the choice, and filters by mechanism', async () => {
    const importer = inThreadImporter({ db, tag: bundledTagger(), lookup: stateLookup(knowledgeBase().states) });
    act(() => root.render(<LibraryView db={db} importer={importer} reindex={reindexInThread} />));
    const fixture = (name: string) => new File([readFileSync(resolve(import.meta.dirname, '../fixtures/library', name))], name);
    chooseFile(fixture('delegation-table.csv'), fixture('uhri-search-export.xlsx'));
    await until(() => !!container.querySelector('.column-mapping'), 'the mapping step');
    const mapping = container.querySelector('.column-mapping')!;
    expect(mapping.textContent).toMatch(/“delegation-table\.csv” is not laid out like the exports we know/);
    // The preview goes column by column, each with its first values (rows side by side would scroll sideways).
    expect([...mapping.querySelectorAll('.mapping-preview dt')].map((d) => d.textContent)).toEqual(['Country', 'Wording', 'Made by', 'Review', 'Outcome', 'Topics', 'Our notes']);
    expect(mapping.querySelector('.mapping-preview dd')!.textContent).toBe('Afghanistan · Azerbaijan · Barbados');
    // The first guesses: "Country" for the State under Review; the text column is left to the user.
    const importButton = [...mapping.querySelectorAll('button')].find((b) => b.textContent === 'Import with these columns')!;
    select('Text of the recommendation', '1', mapping);
    select('State under Review', '0', mapping);
    select('Recommending State or body', '2', mapping);
    expect(importButton.disabled).toBe(false);
    act(() => importButton.click());
    await until(() => !!container.querySelector('.import-summary'), 'the summary');
    const summary = container.querySelector('.import-summary')!.textContent!;
    expect(summary).toMatch(/^263 recommendations added from 2 files\. 0 duplicates skipped\. 2 rows refused\./);
    expect(summary).toMatch(/“delegation-table\.csv” \(your column choices, CSV, UTF-8\): 24 added/);
    expect(summary).toMatch(/“uhri-search-export\.xlsx” \(OHCHR Universal Human Rights Index, Excel\): 239 added/);
    await until(() => container.querySelector('.result-count')?.textContent === '263 recommendations', 'the list');
    select('Mechanism', 'm:treaty-body');
    await until(() => container.querySelector('.result-count')?.textContent !== '263 recommendations', 'the filter');
    await until(() => container.querySelectorAll('.library-card:not(.loading)').length > 0, 'the rows');
    for (const card of container.querySelectorAll('.library-card:not(.loading)')) expect(card.textContent).toMatch(/\(treaty body\) →/);
  });
});

