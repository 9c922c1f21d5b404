/**
 * "Previously recommended": what earlier reviews recommended to a State, with its responses.
 * Used by the reviews workspace. The library is indexed by the SuR's name as exported, so the
 * export's distinct names (read from the index alone) are mapped to codes first.
 */
import type { R2PDatabase } from '../db/database';
import type { LibraryRow } from '../db/rows';
import { knowledgeBase } from '../catalogue/knowledge';
import { stateLookup, type StateLookup } from '../import/state-names';
import { rowsForSur, surNames } from './store';

let defaultLookup: StateLookup | undefined;

/** Every library row addressed to the State with this ISO alpha-3 code, latest session first. */
export async function previousRecommendations(db: R2PDatabase, stateCode: string, lookup?: StateLookup): Promise<LibraryRow[]> {
  const find = lookup ?? (defaultLookup ??= stateLookup(knowledgeBase().states));
  const names = (await surNames(db)).filter((n) => find(n) === stateCode);
  const rows = await rowsForSur(db, names);
  return rows.sort((a, b) => (b.session ?? 0) - (a.session ?? 0) || a.from.localeCompare(b.from));
}
