/**
 * Reads UPR Info's coded exports kept beside the project (../shared/data, or the folder in
 * R2P_SHARED_DATA) for the bench and the model's training. Never read by the tests: they have a
 * sample in tests/fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMacRoman, parseCodedRecommendations, UPR_INFO_FILES, type CodedRecommendation } from '../lib/upr/eval-corpus';

export const SHARED_DATA = process.env.R2P_SHARED_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url));

/** The exports that are missing, by path; empty when all are there. */
export function missingExports(dir = SHARED_DATA): string[] {
  return UPR_INFO_FILES.map((f) => resolve(dir, f)).filter((p) => !existsSync(p));
}

export function readCodedExports(dir = SHARED_DATA): CodedRecommendation[] {
  return UPR_INFO_FILES.flatMap((f) => parseCodedRecommendations(decodeMacRoman(readFileSync(resolve(dir, f)))));
}
