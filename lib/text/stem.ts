/**
 * Crude English singular: enough for "procedures" to meet "procedure", "NHRIs" "NHRI", "women"
 * "woman" and "processes" "process". Light on purpose: a Porter stemmer would also fold
 * "organization" into "organ" and "general" into "generation", which ranking cannot afford.
 * Called for every word of every library row when the index is built: string ends only, no regex.
 */
const IRREGULAR = new Map([
  ['women', 'woman'],
  ['men', 'man'],
  ['children', 'child'],
  ['peoples', 'people'],
]);

export function stem(word: string): string {
  const n = word.length;
  if (n < 4) return IRREGULAR.get(word) ?? word;
  if (word.endsWith('s')) {
    if (word.endsWith('ies')) return n > 4 ? word.slice(0, -3) + 'y' : word;
    if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('sis')) return word;
    // "processes", "taxes", "approaches", "wishes": the "e" belongs to the plural.
    if (n > 4 && word.endsWith('es') && (word.endsWith('sses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes'))) return word.slice(0, -2);
    return IRREGULAR.get(word) ?? word.slice(0, -1);
  }
  if (word.endsWith('women')) return word.slice(0, -3) + 'man';
  return IRREGULAR.get(word) ?? word;
}

const PLURAL_OF = new Map([...IRREGULAR].map(([plural, singular]) => [singular, plural]));

/**
 * The words `stem` may have been made from ("woman": woman, womans, womanes, women): what a
 * pattern over the text must accept where the index holds the stem. A superset, never less.
 */
export function inflections(stemmed: string): string[] {
  const out = [stemmed, `${stemmed}s`, `${stemmed}es`];
  if (stemmed.endsWith('y')) out.push(`${stemmed.slice(0, -1)}ies`);
  const irregular = PLURAL_OF.get(stemmed);
  if (irregular) out.push(irregular);
  if (stemmed.endsWith('woman')) out.push(`${stemmed.slice(0, -3)}men`);
  return out;
}
