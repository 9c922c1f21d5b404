/**
 * The library's query language (lib/library/query.ts) and the search that reads it
 * (lib/library/search-index.ts), on real UPR recommendations: the search sample of sessions 1-13
 * (every row to or from Syria, Norway's recommendations on torture, a spread of others).
 */
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { parseLibraryQuery, stateNames, withoutClause } from '@/lib/library/query';
import { LibraryIndex } from '@/lib/library/search-index';
import { uprInfoSearchSampleBytes } from '../fixtures/upr-info-sample';
import { taggedRows } from './support/parse-file';

const rows = await taggedRows(uprInfoSearchSampleBytes());
const index = LibraryIndex.fromRows(rows);
const names = stateNames(knowledgeBase().states);
/** The search as the Library tab ends it: phrases read on the rows. */
const search = async (q: string) => {
  const r = await index.settle(q, {}, index.rows);
  return { ...r, rows: Array.from(r.positions, (p) => index.rowAt(p)) };
};
const ids = async (q: string) => new Set((await search(q)).rows.map((r) => r.id));
const mentions = (re: RegExp) => rows.filter((r) => re.test(r.text));
const toOrFrom = (code: string) => rows.filter((r) => r.surCode === code || r.fromCode === code);

describe('a State named in the query', () => {
  it('"Syria" finds every recommendation to or from Syria, not only those whose text names it', async () => {
    const syria = toOrFrom('SYR');
    expect(syria.length).toBeGreaterThan(150);
    expect(await ids('Syria')).toEqual(new Set(syria.map((r) => r.id)));
    // Most of them never say "Syria": the old word search found only these.
    expect(syria.filter((r) => /syria/i.test(r.text)).length).toBeLessThan(syria.length / 5);
    expect((await search('Syria')).reading).toEqual([{ negated: false, terms: [{ kind: 'state', label: 'Syrian Arab Republic', typed: 'Syria' }] }]);
  });

  it('reads the UN name, a name with its qualifier first, and the ISO code in capitals alike', async () => {
    const expected = await ids('Syria torture');
    expect(expected.size).toBeGreaterThan(5);
    for (const q of ['Syrian Arab Republic torture', 'SYR torture', 'torture syria']) expect((await ids(q)), q).toEqual(expected);
    expect(await ids('Islamic Republic of Iran')).toEqual(await ids('Iran'));
    expect((await ids('Iran')).size).toBeGreaterThan(0);
  });

  it('"Norway torture": Norway under review or recommending, and torture in the text', async () => {
    const found = (await search('Norway torture')).rows;
    expect(found.length).toBeGreaterThan(10);
    for (const r of found) {
      expect([r.sur, r.from]).toContain('Norway');
      expect(r.text).toMatch(/tortur/i);
    }
  });

  it('"Syria OR Norway torture" takes either State', async () => {
    const found = (await search('Syria OR Norway torture')).rows;
    const either = (r: (typeof found)[number]) => [r.surCode, r.fromCode].filter((c) => c === 'SYR' || c === 'NOR');
    expect(new Set(found.flatMap(either))).toEqual(new Set(['SYR', 'NOR']));
    for (const r of found) expect(either(r).length).toBeGreaterThan(0);
    expect(found.length).toBe(new Set([...(await ids('Syria torture')), ...(await ids('Norway torture'))]).size);
  });

  it('a quoted name means the text: "Syrian Golan" finds the recommendation to Israel', async () => {
    const found = (await search('"Syrian Golan"')).rows;
    expect(found.length).toBeGreaterThan(0);
    for (const r of found) expect(r.text).toMatch(/Syrian Golan/);
    expect(found.some((r) => r.sur === 'Israel')).toBe(true);
  });

  it('reads names across words and hyphens, and codes only in capitals', async () => {
    const kinds = (q: string) => parseLibraryQuery(q, names).clauses.map((c) => c.terms.map((t) => (t.kind === 'state' ? t.state.code : t.kind)).join('|'));
    expect(kinds('Bosnia and Herzegovina minorities')).toEqual(['BIH', 'word']);
    expect(kinds('Guinea-Bissau torture')).toEqual(['GNB', 'word']);
    expect(kinds('Papua New Guinea')).toEqual(['PNG']);
    expect(kinds('the DRC')).toEqual(['COD']);
    expect(kinds('US torture')).toEqual(['USA', 'word']);
    // "can", "per" and "ben" are words in small letters; "IN" and "IS" are words in capitals too.
    expect(kinds('can ben')).toEqual(['word', 'word']);
    expect(kinds('torture IN Syria')).toEqual(['word', 'SYR']);
  });
});

describe('words, phrases, OR and NOT', () => {
  it('finds "women" for "woman" and the other way round', async () => {
    const woman = await ids('woman');
    expect(woman.size).toBeGreaterThan(10);
    expect(await ids('women')).toEqual(woman);
    expect(mentions(/\bwomen\b/i).every((r) => woman.has(r.id))).toBe(true);
  });

  it('a quoted phrase keeps its words together and in order', async () => {
    const phrase = (await search('"enforced disappearance"')).rows;
    expect(phrase.length).toBeGreaterThan(5);
    for (const r of phrase) expect(r.text).toMatch(/enforced disappearances?/i);
    const loose = (await search('enforced disappearance')).rows;
    expect(loose.length).toBeGreaterThan(phrase.length);
    expect(loose.some((r) => !/enforced disappearances?/i.test(r.text))).toBe(true);
  });

  it('a phrase spread over many rows: the top of the list is read first and shown exact, then the count', async () => {
    const holds = (t: string) => /\bhuman[^\p{L}\p{N}]+rights?\b/iu.test(t);
    const q = '"human rights"';
    const quick = LibraryIndex.fromRows(rows);
    const words = quick.search(q);
    expect(words.unchecked.length).toBeGreaterThan(30);
    const read: number[] = [];
    const reader = { each: (p: ArrayLike<number>, visit: (r: (typeof rows)[number], k: number) => void) => (read.push(p.length), quick.rows.each(p, visit)) };
    const shown: Array<{ top: boolean[]; total: number }> = [];
    const exact = await quick.settle(q, {}, reader, undefined, (r) => shown.push({ top: Array.from(r.positions.subarray(0, 30), (p) => holds(quick.rowAt(p).text)), total: r.total }));
    expect(shown).toHaveLength(1);
    expect(shown[0]!.top.every(Boolean)).toBe(true);
    // The first reads were a screenful each, far fewer than every row holding the words.
    expect(read[0]).toBeLessThanOrEqual(30);
    expect(exact.unchecked).toHaveLength(0);
    expect(exact.total).toBe(rows.filter((r) => holds(r.text)).length);
  });

  it('OR takes either word; NOT and a minus sign leave a word out', async () => {
    const genocide = await ids('genocide');
    const torture = await ids('torture');
    expect(genocide.size).toBeGreaterThan(0);
    expect(await ids('genocide OR torture')).toEqual(new Set([...genocide, ...torture]));
    const notConvention = await ids('torture -convention');
    expect(notConvention).toEqual(await ids('torture NOT convention'));
    expect(notConvention.size).toBeLessThan(torture.size);
    expect(notConvention.size).toBeGreaterThan(0);
    for (const r of (await search('torture -convention')).rows) expect(r.text).not.toMatch(/\bconventions?\b/i);
    // Leaving out a phrase leaves out fewer rows than leaving out one of its words.
    const notDegrading = await ids('torture -"degrading treatment"');
    expect(notDegrading.size).toBeGreaterThan((await ids('torture -treatment')).size);
    for (const r of (await search('torture -"degrading treatment"')).rows) expect(r.text).not.toMatch(/degrading treatment/i);
  });

  it('reads a misspelt word as the word most rows hold, and says so', async () => {
    const r = await search('genocde');
    expect(r.total).toBe((await ids('genocide')).size);
    expect(r.reading[0]!.terms[0]).toMatchObject({ label: 'genocide', typed: 'genocde', corrected: true });
  });
});

describe('when nothing matches', () => {
  it('"Syria genocide": says what each term finds alone and what dropping it finds', async () => {
    const r = await search('Syria genocide');
    expect(r.total).toBe(0);
    const [state, word] = r.reading;
    expect(state).toMatchObject({ terms: [{ kind: 'state', label: 'Syrian Arab Republic' }], alone: toOrFrom('SYR').length, without: (await ids('genocide')).size });
    expect(word).toMatchObject({ terms: [{ kind: 'text', label: 'genocide' }], alone: (await ids('genocide')).size, without: toOrFrom('SYR').length });
    const q = parseLibraryQuery('Syria genocide', names);
    expect(withoutClause(q, 1)).toBe('Syria');
    expect(withoutClause(q, 0)).toBe('genocide');
  });

  it('a word no recommendation holds is marked unknown, and dropping it finds the rest', async () => {
    const r = await search('xqzvw torture');
    expect(r.total).toBe(0);
    expect(r.reading[0]).toMatchObject({ terms: [{ unknown: true, typed: 'xqzvw' }], alone: 0, without: (await ids('torture')).size });
    expect(withoutClause(parseLibraryQuery('torture NOT death xqzvw', names), 2)).toBe('torture NOT death');
    expect(withoutClause(parseLibraryQuery('torture NOT death xqzvw', names), 1)).toBe('torture xqzvw');
  });
});

describe('while typing', () => {
  it('a word of one or two letters still being typed does not empty the list', async () => {
    const norway = await ids('Norway');
    expect(await ids('Norway t')).toEqual(norway);
    expect((await search('Norway t')).reading[1]!.terms[0]!.label).toBe('t…');
    expect((await ids('Norway to')).size).toBe(norway.size);
    expect((await search('Norway tor')).total).toBeGreaterThan(0);
    expect((await search('Norway tor')).total).toBeLessThan(norway.size);
  });
});
