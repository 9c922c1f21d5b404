/**
 * The delegate's speaking pace, words a minute: the statement builder's starting pace for every
 * new statement (each statement can still be set on its own). Kept in extension storage.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_WORDS_PER_MINUTE, MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE } from '../upr/speaking-time';

export const SPEAKING_PACE_KEY = 'local:settings:speakingPace';

export const speakingPaceItem = storage.defineItem<number>(SPEAKING_PACE_KEY, { fallback: DEFAULT_WORDS_PER_MINUTE, version: 1 });

/** Whatever storage or a form holds, as a pace the estimate can use. */
export function normalisePace(raw: unknown): number {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n)) return DEFAULT_WORDS_PER_MINUTE;
  return Math.min(MAX_WORDS_PER_MINUTE, Math.max(MIN_WORDS_PER_MINUTE, Math.round(n)));
}

export async function readSpeakingPace(): Promise<number> {
  return normalisePace(await speakingPaceItem.getValue());
}

export async function writeSpeakingPace(pace: number): Promise<number> {
  const p = normalisePace(pace);
  await speakingPaceItem.setValue(p);
  return p;
}
