/**
 * Word count and speaking time for a UPR oral statement. In the interactive dialogue a speaking
 * delegation often has one to two minutes, and the microphone is cut at the limit.
 */

/**
 * Default pace, words a minute. Ordinary English speech runs at roughly 150 words a minute, but a
 * Council statement is read out for simultaneous interpretation, and interpreters ask speakers to
 * slow down. 130 is a careful reading pace: a statement that fits at 130 fits when read clearly,
 * and the user can change it to their own delegate's pace.
 */
export const DEFAULT_WORDS_PER_MINUTE = 130;

/** The time a delegation commonly has in a crowded UPR dialogue: 1 minute 30 seconds. */
export const DEFAULT_ALLOTTED_SECONDS = 90;

/** Bounds a pace control should keep to; outside them the estimate stops meaning anything. */
export const MIN_WORDS_PER_MINUTE = 60;
export const MAX_WORDS_PER_MINUTE = 250;

/** Words as a speaker says them: "UN-led" is one, "2027" is one, a lone dash or bullet is none. */
export function countWords(text: string): number {
  let count = 0;
  for (const chunk of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(chunk)) count++;
  return count;
}

function pace(wordsPerMinute: number): number {
  return Number.isFinite(wordsPerMinute) && wordsPerMinute > 0 ? wordsPerMinute : DEFAULT_WORDS_PER_MINUTE;
}

/** Seconds (whole, rounded up so the estimate never flatters) to read a text or a number of words. */
export function speakingTime(textOrWords: string | number, wordsPerMinute: number = DEFAULT_WORDS_PER_MINUTE): number {
  const words = typeof textOrWords === 'number' ? Math.max(0, textOrWords) : countWords(textOrWords);
  return Math.ceil((words * 60) / pace(wordsPerMinute));
}

/** "1 min 30 s", "45 s", "2 min". Negative or invalid input reads as "0 s". */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Seconds over the allotted time (0 when it fits). */
export function overBy(seconds: number, allottedSeconds: number = DEFAULT_ALLOTTED_SECONDS): number {
  return Math.max(0, Math.ceil(seconds - allottedSeconds));
}

/** Words to cut to fit, at the given pace (0 when it fits). */
export function wordsToCut(text: string, allottedSeconds: number = DEFAULT_ALLOTTED_SECONDS, wordsPerMinute: number = DEFAULT_WORDS_PER_MINUTE): number {
  const fits = Math.floor((allottedSeconds * pace(wordsPerMinute)) / 60);
  return Math.max(0, countWords(text) - fits);
}
