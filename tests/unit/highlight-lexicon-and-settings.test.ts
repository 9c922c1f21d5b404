import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { LEXICON_GZ_BASE64 } from '@/lib/concepts-compiled/lexicon-data';
import { bundledLexicon, matchBundledConcepts } from '@/lib/concepts/bundled';
import { matchConcepts } from '@/lib/concepts/match';
import { loadShippedLexicon, shippedTableOf, unpackTable } from '@/lib/highlight/lexicon-rows';
import { highlightCss, shippedHighlightCss } from '@/lib/highlight/painter';
import { cardDetails, CARD_RECOMMENDATIONS } from '@/lib/background/highlight-details';
import { groupPageConcepts } from '@/components/on-this-page/group-concepts';
import { DEFAULT_SETTINGS, automaticSites, isAutomaticHost, normaliseSettings } from '@/lib/settings/highlight-settings';
import { hostMatches, siteFromInput } from '@/lib/settings/highlight-sites';

const kb = knowledgeBase();

describe('the lexicon shipped in the content script', () => {
  it('is up to date with data/concepts.json (run scripts/compile-lexicon.ts after editing the data)', async () => {
    const shipped = await unpackTable(LEXICON_GZ_BASE64);
    expect(JSON.stringify(shipped)).toBe(JSON.stringify(shippedTableOf(kb.concepts)));
  });

  it('finds exactly what the bundled lexicon finds, with each concept’s category', async () => {
    const shipped = await loadShippedLexicon(LEXICON_GZ_BASE64);
    const text =
      'The ICC and the Office on Genocide Prevention warned of crimes against humanity, ethnic cleansing and incitement to violence; the icc was not named.';
    const ours = matchConcepts(text, shipped.lexicon);
    expect(ours).toEqual(matchConcepts(text, bundledLexicon()));
    expect(ours.length).toBeGreaterThanOrEqual(4);
    for (const m of ours) expect(shipped.categoryOf.get(m.conceptId)).toBe(kb.concepts.find((c) => c.id === m.conceptId)!.category);
  });
});

describe('highlight settings', () => {
  it('repairs whatever storage holds into complete settings', () => {
    expect(normaliseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const s = normaliseSettings({ paused: true, categories: { crime: { on: false, color: 'red' }, risk: { color: '#ABCDEF' } }, addedSites: ['hrw.org', 3] });
    expect(s.paused).toBe(true);
    expect(s.categories.crime).toEqual({ on: false, color: DEFAULT_SETTINGS.categories.crime.color });
    expect(s.categories.risk).toEqual({ on: true, color: '#abcdef' });
    expect(s.addedSites).toEqual(['hrw.org']);
  });

  it('leaves the UPR process and UN bodies unmarked by default, for new users and for settings saved before the category existed', () => {
    expect(DEFAULT_SETTINGS.categories['upr-process'].on).toBe(false);
    expect(normaliseSettings({ categories: { crime: { on: true, color: '#ffd6d6' } } }).categories['upr-process'].on).toBe(false);
    expect(normaliseSettings({ categories: { 'upr-process': { on: true } } }).categories['upr-process'].on).toBe(true);
    expect(Object.entries(DEFAULT_SETTINGS.categories).filter(([, c]) => !c.on).map(([k]) => k)).toEqual(['upr-process']);
  });

  it('highlights the default sites and their subdomains, minus removed ones, plus added ones', () => {
    const s = normaliseSettings({ removedSites: ['reliefweb.int'], addedSites: ['hrw.org'] });
    expect(isAutomaticHost('www.ohchr.org', s)).toBe(true);
    expect(isAutomaticHost('news.un.org', s)).toBe(true);
    expect(isAutomaticHost('reliefweb.int', s)).toBe(false);
    expect(isAutomaticHost('www.hrw.org', s)).toBe(true);
    expect(isAutomaticHost('notun.org', s)).toBe(false);
    expect(isAutomaticHost('example.com', s)).toBe(false);
    expect(automaticSites(s)).toContain('hrw.org');
    expect(hostMatches('evil-ohchr.org', 'ohchr.org')).toBe(false);
  });

  it('reads a site the user typed or pasted, and refuses what is not one', () => {
    expect(siteFromInput('https://www.hrw.org/world-report')).toBe('hrw.org');
    expect(siteFromInput(' Amnesty.org ')).toBe('amnesty.org');
    expect(siteFromInput('*.example.org')).toBe('example.org');
    expect(siteFromInput('not a site')).toBeUndefined();
    expect(siteFromInput('localhost')).toBeUndefined();
  });

  it('gives each category its colour and leaves nothing else to the page', () => {
    const css = highlightCss(normaliseSettings({ categories: { crime: { color: '#112233' } } }));
    expect(css).toContain('::highlight(r2p-crime){background-color:#112233');
    expect(css).toContain('::highlight(r2p-current)');
  });

  it('injects the default colours with the content script as the painter expects them (run scripts/write-highlight-css.ts after changing them)', () => {
    const shipped = readFileSync(new URL('../../lib/highlight/highlight-colours.css', import.meta.url), 'utf8');
    expect(shipped).toBe(shippedHighlightCss());
    expect(shipped).toContain(`::highlight(r2p-crime){background-color:${DEFAULT_SETTINGS.categories.crime.color}`);
  });
});

describe('card details and the "On this page" list', () => {
  it('gives the definition, the risk factors and the top recommendations of a concept', () => {
    const d = cardDetails(kb, 'genocide')!;
    expect(d.label).toBe('Genocide');
    expect(d.categoryLabel).toBe('Atrocity crimes');
    expect(d.definition).toMatch(/intent to destroy/);
    expect(d.riskFactors.map((r) => r.id)).toEqual(kb.concepts.find((c) => c.id === 'genocide')!.riskFactors);
    expect(d.recommendations.length).toBe(CARD_RECOMMENDATIONS);
    expect(d.recommendations[0]!.citation).toMatch(/^20\d\d · A\//);
    expect(cardDetails(kb, 'no-such-concept')).toBeNull();
  });

  it('puts the UPR process’s own words and UN body names in a category of their own', () => {
    const upr = kb.concepts.filter((c) => c.category === 'upr-process').map((c) => c.label);
    expect(upr).toEqual(expect.arrayContaining(['Universal Periodic Review', 'Interactive dialogue', 'Troika', 'State under Review', 'Human Rights Council', 'General Assembly', 'Security Council']));
    // R2P's own mechanisms stay where they were.
    expect(kb.concepts.find((c) => c.id === 'informal-interactive-dialogue')!.category).toBe('mechanism');
    expect(kb.concepts.find((c) => c.id === 'special-procedures')!.category).toBe('mechanism');
  });

  it('leaves ordinary phrases the lexicon once took for concepts unmarked (found on the five UPR reports)', () => {
    const found = (text: string) => matchBundledConcepts(text).map((m) => [m.conceptId, text.slice(m.start, m.end)]);
    for (const text of [
      'Maintain its efforts in upholding national dialogue that would bring the country to a lasting peace.', // Sri Lanka 2012
      'Request international assistance to that end.', // Kenya 2010, four times
      'to ensure their legal accountability regarding human rights abuses', // Bosnia and Herzegovina 2014
      'detention of children only as a measure of last resort',
      'a specific intent to deceive; the organizational policy of the company; a self-assessment form; closing the gap; a memorial service; Article 4(h) of the Labour Code',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    // The concepts themselves are still found.
    expect(found('inter-religious dialogue and international assistance and capacity-building').map(([id]) => id)).toEqual(['inter-communal-dialogue', 'pillar-two']);
  });

  it('groups a page’s concepts by category, most frequent first, ignoring unknown ids', () => {
    const groups = groupPageConcepts({ 'war-crimes': 2, genocide: 5, 'rome-statute': 1, 'gone-concept': 4 }, kb.concepts);
    expect(groups.map((g) => [g.label, g.total, g.concepts.map((c) => [c.label, c.count])])).toEqual([
      ['Atrocity crimes', 7, [['Genocide', 5], ['War crimes', 2]]],
      ['Legal instruments', 1, [['Rome Statute', 1]]],
    ]);
  });
});
