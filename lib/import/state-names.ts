/**
 * State names as exports spell them ("Cote d'Ivoire", "DPR Korea", "Macedonia FYR", "Bolivia")
 * mapped to the ISO 3166-1 alpha-3 codes of data/states.json. The raw name is always kept too.
 */
import type { UnState } from '../catalogue/schema';
import { foldText } from '../text/normalize';

/** Short or former names used by UPR Info and UHRI, folded (see `nameKey`). */
const ALIASES: Record<string, string> = {
  'cape verde': 'CPV',
  'czech republic': 'CZE',
  'dpr korea': 'PRK',
  'north korea': 'PRK',
  'korea dpr': 'PRK',
  'south korea': 'KOR',
  'korea': 'KOR',
  'democratic republic of congo': 'COD',
  'dr congo': 'COD',
  'congo dr': 'COD',
  'republic of congo': 'COG',
  'congo brazzaville': 'COG',
  'macedonia fyr': 'MKD',
  'macedonia': 'MKD',
  'former yugoslav republic of macedonia': 'MKD',
  'the former yugoslav republic of macedonia': 'MKD',
  'laos': 'LAO',
  'lao pdr': 'LAO',
  'iran': 'IRN',
  'syria': 'SYR',
  'tanzania': 'TZA',
  'moldova': 'MDA',
  'palestine': 'PSE',
  'united states': 'USA',
  'usa': 'USA',
  'united kingdom': 'GBR',
  'uk': 'GBR',
  'netherlands': 'NLD',
  'turkey': 'TUR',
  'turkiye': 'TUR',
  'swaziland': 'SWZ',
  'micronesia': 'FSM',
  'vietnam': 'VNM',
  'brunei': 'BRN',
  'russia': 'RUS',
  'east timor': 'TLS',
  'ivory coast': 'CIV',
  'the gambia': 'GMB',
  'sao tome': 'STP',
  'st kitts and nevis': 'KNA',
  'st lucia': 'LCA',
  'st vincent and the grenadines': 'VCT',
  'vatican': 'VAT',
  'burma': 'MMR',
  'kyrgyz republic': 'KGZ',
  'bosnia': 'BIH',
  'bolivia': 'BOL',
  'venezuela': 'VEN',
};

/** Folded, "&" as "and", punctuation and a parenthetical qualifier dropped. */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(/&/g, ' and ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[.,]/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type StateLookup = (name: string) => string | undefined;

/**
 * Every name a State goes by, as `nameKey` folds it, with its code: the UN name ("syrian arab
 * republic"), its qualifier put first ("Iran (Islamic Republic of)" is also "islamic republic of
 * iran"), the short and former names exports use ("syria", "dpr korea") and the code itself ("syr").
 */
export function stateNameKeys(states: readonly UnState[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const s of states) {
    byKey.set(nameKey(s.name), s.code);
    byKey.set(foldText(s.name), s.code);
    byKey.set(s.code.toLowerCase(), s.code);
    const qualified = /^(.*)\(([^)]*\bof(?: the)?)\)\s*$/.exec(s.name);
    if (qualified) byKey.set(nameKey(`${qualified[2]} ${qualified[1]}`), s.code);
  }
  for (const [k, code] of Object.entries(ALIASES)) if (!byKey.has(k)) byKey.set(k, code);
  return byKey;
}

export function stateLookup(states: readonly UnState[]): StateLookup {
  const byKey = stateNameKeys(states);
  const cache = new Map<string, string | undefined>();
  return (name) => {
    if (cache.has(name)) return cache.get(name);
    const key = nameKey(name);
    const code = byKey.get(key) ?? byKey.get(key.replace(/^the /, ''));
    cache.set(name, code);
    return code;
  };
}
