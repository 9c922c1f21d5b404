import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileLexicon,
  deserializeLexicon,
  serializeLexicon,
  termCollisions,
  type LexiconEntry,
} from '@/lib/concepts/compile';
import { matchConcepts } from '@/lib/concepts/match';
import { ConceptFileSchema } from '@/lib/catalogue/schema';

const concept = (id: string, label: string, variants: string[] = [], acronyms: string[] = []): LexiconEntry => ({
  id,
  label,
  variants,
  acronyms,
});

/** A small lexicon built to exercise each rule; "crimes" and "war" are hypothetical short concepts. */
const lexicon = compileLexicon([
  concept('war', 'war'),
  concept('crimes', 'crimes'),
  concept('crimes-against-humanity', 'Crimes against humanity'),
  concept('genocide', 'Genocide'),
  concept('attack', 'attack'),
  concept('tack', 'tack'),
  concept('icc', 'International Criminal Court', [], ['ICC']),
  concept('iccpr', 'International Covenant on Civil and Political Rights', [], ['ICCPR']),
  concept('r2p', 'Responsibility to protect', [], ['R2P', 'RtoP']),
  concept('special-procedures', 'special procedure'),
  concept('nhri', 'National human rights institution', [], ['NHRI']),
  concept('state', 'State'),
  concept('court', 'Court'),
  concept('atrocity', 'atrocity'),
  concept('peace-process', 'peace process'),
  concept('early-warning', 'early warning'),
  concept('non-state-armed-groups', 'non-State armed groups'),
  concept('cote-divoire', "Cote d'Ivoire"),
  concept('habre', 'Hissene Habre'),
  concept('human-rights', 'human rights'),
  concept('human-rights-council', 'Human Rights Council'),
  concept('pillar-one', 'Pillar I'),
  concept('au-4h', 'Article 4(h)'),
  concept('world-summit', 'resolution 60/1'),
  concept('alpha-beta', 'alpha beta'),
  concept('beta-gamma-delta', 'beta gamma delta'),
]);

/** [conceptId, surface text] pairs, so each expectation reads as what a user would see highlighted. */
const found = (text: string, lex = lexicon) =>
  matchConcepts(text, lex).map((m) => [m.conceptId, text.slice(m.start, m.end)]);

describe('whole words and phrases only', () => {
  it('never matches inside a longer word', () => {
    expect(found('Talks in Warsaw and Delaware')).toEqual([]);
    expect(found('the ICCPR was ratified')).toEqual([['iccpr', 'ICCPR']]);
    expect(found('a counterattack by the attackers')).toEqual([]);
    expect(found('an attack')).toEqual([['attack', 'attack']]);
    expect(found('postwar prewar war-torn')).toEqual([['war', 'war']]);
  });

  it('handles empty text, punctuation-only text and words that are Object.prototype keys', () => {
    expect(found('')).toEqual([]);
    expect(found(' ,.;— \n')).toEqual([]);
    expect(found('constructor toString __proto__ hasOwnProperty valueOf')).toEqual([]);
  });
});

describe('case', () => {
  it('labels and variants match in any case', () => {
    expect(found('Crimes Against Humanity; GENOCIDE; genocide')).toEqual([
      ['crimes-against-humanity', 'Crimes Against Humanity'],
      ['genocide', 'GENOCIDE'],
      ['genocide', 'genocide'],
    ]);
  });

  it('acronyms match only in their own case', () => {
    expect(found('ICC icc Icc')).toEqual([['icc', 'ICC']]);
    expect(found('RtoP rtop RTOP R2P r2p')).toEqual([
      ['r2p', 'RtoP'],
      ['r2p', 'R2P'],
    ]);
  });
});

describe('plurals and possessives', () => {
  it('takes +s, +es after a sibilant and y → ies on the last word, and keeps the plural in the match', () => {
    expect(found('Special Procedures and a special procedure')).toEqual([
      ['special-procedures', 'Special Procedures'],
      ['special-procedures', 'special procedure'],
    ]);
    expect(found('atrocities, peace processes')).toEqual([
      ['atrocity', 'atrocities'],
      ['peace-process', 'peace processes'],
    ]);
    expect(found('NHRIs and ICCs')).toEqual([
      ['nhri', 'NHRIs'],
      ['icc', 'ICCs'],
    ]);
  });

  it('leaves a possessive outside the match, straight or curly', () => {
    expect(found("the State's duty, the Court’s ruling, the Court's ruling, States' duties")).toEqual([
      ['state', 'State'],
      ['court', 'Court'],
      ['court', 'Court'],
      ['state', 'States'],
    ]);
    expect(found("the NHRI's mandate and the ICC’s docket")).toEqual([
      ['nhri', 'NHRI'],
      ['icc', 'ICC'],
    ]);
  });

  it('does not invent plurals: only the last word, no +es after a non-sibilant, no short stems', () => {
    expect(found('peaces process')).toEqual([]);
    expect(found('the attackes')).toEqual([]);
    expect(found('Pillar I, but the pillar is not Pillar Is')).toEqual([['pillar-one', 'Pillar I']]);
    expect(found('ICCes')).toEqual([]);
  });
});

describe('hyphens, dashes, apostrophes and accents', () => {
  it('treats a hyphen or dash between words as a space', () => {
    for (const text of ['early-warning', 'early warning', 'early–warning', 'early—warning', 'early - warning', 'early\u2011warning']) {
      expect(found(text), text).toEqual([['early-warning', text]]);
    }
    expect(found('non State armed groups and non-State armed groups')).toEqual([
      ['non-state-armed-groups', 'non State armed groups'],
      ['non-state-armed-groups', 'non-State armed groups'],
    ]);
  });

  it('folds curly apostrophes and accents, in composed or decomposed form', () => {
    expect(found('in Côte d’Ivoire and CÔTE D’IVOIRE and Cote d\'Ivoire')).toEqual([
      ['cote-divoire', 'Côte d’Ivoire'],
      ['cote-divoire', 'CÔTE D’IVOIRE'],
      ['cote-divoire', "Cote d'Ivoire"],
    ]);
    const decomposed = 'Hisse\u0300ne Habre\u0301';
    expect(found(`Hissène Habré; ${decomposed}`)).toEqual([
      ['habre', 'Hissène Habré'],
      ['habre', decomposed],
    ]);
  });

  it('keeps other punctuation significant, and takes a term’s closing bracket into the match', () => {
    expect(found('Article 4(h) of the Act; resolution 60/1')).toEqual([
      ['au-4h', 'Article 4(h)'],
      ['world-summit', 'resolution 60/1'],
    ]);
    expect(found('resolution 60 1, Article 4 h')).toEqual([]);
  });
});

describe('longest and leftmost', () => {
  it('prefers the longest concept at a position', () => {
    expect(found('crimes against humanity')).toEqual([['crimes-against-humanity', 'crimes against humanity']]);
    expect(found('crimes against peace')).toEqual([['crimes', 'crimes']]);
    expect(found('the Human Rights Council on human rights')).toEqual([
      ['human-rights-council', 'Human Rights Council'],
      ['human-rights', 'human rights'],
    ]);
  });

  it('resolves overlapping candidates leftmost-longest, without overlaps', () => {
    // "alpha beta" starts first, so "beta gamma delta" cannot also take "beta".
    expect(found('alpha beta gamma delta')).toEqual([['alpha-beta', 'alpha beta']]);
    expect(found('beta gamma delta')).toEqual([['beta-gamma-delta', 'beta gamma delta']]);
  });
});

describe('spacing between the words of a phrase', () => {
  it('reads line breaks, runs of spaces and no-break spaces as one space', () => {
    for (const text of [
      'crimes against\nhumanity',
      'crimes\u00a0against humanity',
      'crimes  against \r\n\t humanity',
      'crimes\u200bagainst\u2009humanity',
    ]) {
      expect(found(text), JSON.stringify(text)).toEqual([['crimes-against-humanity', text]]);
    }
  });

  it('does not join words across other punctuation', () => {
    expect(found('crimes. Against humanity')).toEqual([['crimes', 'crimes']]);
    expect(found('crimes, against humanity')).toEqual([['crimes', 'crimes']]);
  });
});

describe('offsets', () => {
  it('are UTF-16 indices into the original string, astral characters and all', () => {
    const text = '😀 ICC — 𝔘 Côte d’Ivoire';
    const matches = matchConcepts(text, lexicon);
    expect(matches.map((m) => [m.start, m.end])).toEqual([
      [3, 6],
      [12, 25],
    ]);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['ICC', 'Côte d’Ivoire']);
  });
});

describe('references are not prose', () => {
  it('marks nothing inside a UN document symbol, and the words beside it as ever', () => {
    expect(found('The Human Rights Council (A/HRC/19/11) met.')).toEqual([['human-rights-council', 'Human Rights Council']]);
    for (const symbol of ['A/HRC/19/11', 'A/HRC/WG.6/14/LKA/1', 'S/2013/399', 'CRC/C/PER/CO/6-7', 'E/CN.4/2005/102/Add.1', 'A/68/947–S/2014/449', 'ICC-01/04-01/06', 'A/HRC/RES/16/21.']) {
      const text = symbol.replace('HRC', 'ICC').replace('CRC', 'ICC');
      expect(found(`See ${text}, on genocide.`), text).toEqual([['genocide', 'genocide']]);
    }
    // One slash, or no number, is not a symbol: acronyms joined by a slash are still marked.
    expect(found('the ICC/NHRI agreement')).toEqual([['icc', 'ICC'], ['nhri', 'NHRI']]);
    expect(found('ICC/A/B report')).toEqual([['icc', 'ICC']]);
  });

  it('marks nothing inside a web or e-mail address', () => {
    for (const address of [
      'https://www.un.org/en/genocideprevention/genocide.shtml',
      'http://example.org/war-crimes/genocide',
      'www.ohchr.org/genocide',
      'un.org/en/genocide',
      '(https://un.org/genocide).',
      'genocide.prevention@un.org',
      'mailto:genocide@un.org',
      'genocide.org',
    ]) {
      expect(found(`Read ${address} on war crimes.`), address).toEqual([
        ['war', 'war'],
        ['crimes', 'crimes'],
      ]);
    }
    // Sentences are not addresses: a full stop with no space after it, or a slash between words.
    expect(found('It condemned genocide.The Council met')).toEqual([['genocide', 'genocide']]);
    expect(found('It condemned genocide.it was')).toEqual([['genocide', 'genocide']]);
    expect(found('war/genocide')).toEqual([['war', 'war'], ['genocide', 'genocide']]);
  });

  it('marks nothing in a run of hundreds of characters without a space, and reads it in one go', () => {
    expect(found(`${'x/'.repeat(200_000)}genocide genocide`)).toEqual([['genocide', 'genocide']]);
    expect(found(`https://un.org/${'genocide/'.repeat(100_000)} genocide`)).toEqual([['genocide', 'genocide']]);
  });
});

describe('at most so many matches in one block', () => {
  it('stops a block at the limit and goes on with the next one', () => {
    const block = 'genocide '.repeat(50);
    const text = `${block}\uFFFC${block}\uFFFCwar`;
    const got = matchConcepts(text, lexicon, { perBlock: 10 });
    expect(got).toHaveLength(21);
    expect(got.slice(0, 10).every((m) => m.start < block.length)).toBe(true);
    expect(got.slice(10, 20).every((m) => m.start > block.length && m.start < 2 * block.length + 1)).toBe(true);
    expect(got[20]!.conceptId).toBe('war');
    // Without a limit, every match.
    expect(matchConcepts(text, lexicon)).toHaveLength(101);
  });
});

describe('a 1 MB page', () => {
  const sentences = [
    'The Human Rights Council heard that crimes against humanity were committed in Côte d’Ivoire.',
    'NHRIs and the ICC’s Prosecutor discussed early-warning and the Special Procedures.',
    'Non-State armed groups attacked the peace processes in Warsaw, Delaware and elsewhere.',
    'Article 4(h) and resolution 60/1 give the AU and the UN their roles; RtoP is one answer.',
    'No concept at all in this sentence, although it is long enough to matter for the offsets.',
    'Atrocities, genocide and war were on the agenda of the State’s delegation (Pillar I).',
    'Hissène Habré was tried: alpha beta gamma delta, crimes\u00a0against\nhumanity.',
  ];

  it('matches the same as each sentence alone, shifted by its offset', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const parts: string[] = [];
    let length = 0;
    while (length < 1_000_000) {
      const sentence = sentences[Math.floor(random() * sentences.length)]!;
      parts.push(sentence);
      length += sentence.length + 1;
    }
    const alone = new Map(sentences.map((s) => [s, matchConcepts(s, lexicon)]));
    const expected = [];
    let offset = 0;
    for (const sentence of parts) {
      for (const m of alone.get(sentence)!) expected.push({ ...m, start: m.start + offset, end: m.end + offset });
      offset += sentence.length + 1;
    }
    const actual = matchConcepts(parts.join(' '), lexicon);
    expect(actual.length).toBeGreaterThan(30_000);
    expect(actual).toEqual(expected);
  });
});

describe('serialisation', () => {
  it('a JSON round trip gives the same matches', () => {
    const text = 'NHRIs, the ICC and crimes against humanity in Côte d’Ivoire; Article 4(h).';
    const json = serializeLexicon(lexicon);
    const revived = deserializeLexicon(json);
    expect(revived).toEqual(JSON.parse(json));
    expect(matchConcepts(text, revived)).toEqual(matchConcepts(text, lexicon));
    expect(matchConcepts(text, deserializeLexicon(JSON.parse(json)))).toEqual(matchConcepts(text, lexicon));
  });

  it('refuses something that is not a compiled lexicon', () => {
    expect(() => deserializeLexicon('{"format":"other"}')).toThrow(/compiled concept lexicon/);
    expect(() => deserializeLexicon(null)).toThrow(/compiled concept lexicon/);
  });
});

describe('term collisions', () => {
  it('reports a term two concepts claim, however it is spelt, and an acronym another concept spells', () => {
    const collisions = termCollisions([
      concept('a', 'Early warning', ['ICC']),
      concept('b', 'early-warning'),
      concept('c', 'International Criminal Court', [], ['ICC']),
      concept('d', 'Rule of law', ['rule-of-law']),
    ]);
    expect(collisions).toEqual([
      { term: 'early warning', conceptIds: ['a', 'b'] },
      { term: 'ICC', conceptIds: ['c', 'a'] },
    ]);
  });

  it('the first concept keeps a contested term', () => {
    const lex = compileLexicon([concept('a', 'early warning'), concept('b', 'Early-Warning')]);
    expect(found('early warning', lex)).toEqual([['a', 'early warning']]);
  });
});

const conceptsFile = resolve(__dirname, '../../data/concepts.json');

describe.skipIf(!existsSync(conceptsFile))('the real lexicon (data/concepts.json)', () => {
  const concepts = () => ConceptFileSchema.parse(JSON.parse(readFileSync(conceptsFile, 'utf8')));

  it('gives no term to two concepts', () => {
    expect(termCollisions(concepts())).toEqual([]);
  });

  it('recognises the core phrases', () => {
    const lex = compileLexicon(concepts());
    expect(found('the responsibility to protect', lex)).toEqual([
      ['responsibility-to-protect', 'responsibility to protect'],
    ]);
    const rome = 'Rome Statute of the International Criminal Court';
    const matches = matchConcepts(rome, lex);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches[0]!.start).toBe(0);
  });

  it('is what matchBundledConcepts uses', async () => {
    // Imported here, not at the top, so a missing data file skips this block instead of failing the file.
    const { matchBundledConcepts } = await import('@/lib/concepts/bundled');
    expect(matchBundledConcepts('R2P and the ICC, not the icc').map((m) => m.conceptId)).toEqual([
      'responsibility-to-protect',
      'international-criminal-court',
    ]);
  });

  it('finds every term of every concept, as written, in capitals and in the plural, amid other words', () => {
    const lex = compileLexicon(concepts());
    const plural = (term: string, acronym: boolean) => {
      const last = term.match(/[A-Za-z0-9]+$/)?.[0] ?? '';
      if (acronym) return /[A-Z0-9]$/.test(term) && last.length >= 2 ? `${term}s` : undefined;
      if (last.length < 3 || /[0-9]/.test(last) || last.endsWith('s')) return undefined;
      if (/[^aeiou]y$/.test(last)) return `${term.slice(0, -1)}ies`;
      return /(?:x|z|ch|sh)$/.test(last) ? `${term}es` : `${term}s`;
    };
    const missed: string[] = [];
    for (const c of concepts()) {
      const forms = [
        ...[c.label, ...c.variants].flatMap((t) => [t, t.toUpperCase(), plural(t, false)]),
        ...c.acronyms.flatMap((t) => [t, plural(t, true)]),
      ].filter((t): t is string => !!t && /[A-Za-z0-9]$/.test(t));
      for (const form of forms) {
        const text = `Reports of ${form} were noted.`;
        const got = matchConcepts(text, lex).map((m) => [m.conceptId, text.slice(m.start, m.end)]);
        if (!got.some(([id, surface]) => id === c.id && surface === form)) missed.push(`${c.id}: ${form} -> ${JSON.stringify(got)}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('compiles to a table small enough to ship in a content script', () => {
    expect(serializeLexicon(compileLexicon(concepts())).length).toBeLessThan(250_000);
  });
});
