/**
 * A question typed into the catalogue search ("what did the SG recommend on hate speech?") is
 * read for its topic ("hate speech"): the question's own words (what, did, the SG, recommend, on)
 * would otherwise steer the ranking. Every entry of the catalogue is the Secretary-General's
 * recommendation, so "the SG recommend" says nothing about which one is wanted; searched for,
 * "SG" lifted every pledge of the SG instead.
 *
 * Only a frame at the start or the end of the query is dropped, and only when it reads as a
 * question or a request (a question word, or a verb of recommending): "SG pledges" keeps "SG",
 * "what can States do to prevent hate speech" keeps "States … prevent hate speech". Pure.
 */
import { words } from '../text/normalize';

const ASKING = new Set(['what', 'which', 'how', 'where', 'when', 'why', 'who', 'whom', 'whose', 'show', 'find', 'list', 'give', 'tell', 'search', 'any', 'is', 'are', 'does', 'did', 'do']);
const REPORTING = new Set([
  'recommend', 'recommends', 'recommended', 'recommending', 'recommendation', 'recommendations', 'say', 'says', 'said', 'propose',
  'proposes', 'proposed', 'suggest', 'suggests', 'suggested', 'advise', 'advises', 'advised', 'urge', 'urges', 'urged', 'ask', 'asks',
  'asked', 'want', 'wants', 'wanted', 'call', 'calls', 'called', 'think', 'thinks', 'write', 'writes', 'wrote', 'mean', 'means',
]);
/** The asker: every entry comes from the Secretary-General's reports. */
const SG = new Set(['sg', 'unsg', 'secretary', 'general', 'guterres', 'ban', 'ki', 'moon', 'report', 'reports', 'un']);
const FILLER = new Set([
  'the', 'a', 'an', 'me', 'us', 'we', 'i', 'you', 'on', 'about', 'regarding', 'concerning', 'for', 'to', 'of', 'in', 'with', 'there',
  'anything', 'something', 'has', 'have', 'had', 'was', 'were', 'can', 'could', 'should', 'would', 'will', 'shall', 'may', 'might',
  'must', 'please', 'all', 'his', 'her', 'their', 'its', 'regard', 'relation', 'respect', 'terms', 're',
]);
const frameWord = (w: string) => ASKING.has(w) || REPORTING.has(w) || SG.has(w) || FILLER.has(w);
/** Frame words a word still being typed may grow into ("rec" into "recommend"). */
const GROWING = [...REPORTING, ...FILLER];

export interface QuestionReading {
  /** What to search for: the query without its question frame (the query itself when there is none). */
  topic: string;
  /** The words left out, as typed, in order. */
  dropped: string[];
}

/** Word spans of the query as typed ("Secretary-General's" is one span of three words). */
function spans(query: string): Array<{ text: string; words: string[] }> {
  return (query.match(/\S+/g) ?? []).map((text) => ({ text, words: words(text) }));
}

/**
 * The topic of a question. `typing`: the last word may be unfinished, so a prefix of a frame
 * word ("what did the SG rec") counts as frame.
 */
export function readQuestion(query: string, { typing = false } = {}): QuestionReading {
  const parts = spans(query);
  const isFrame = (p: { words: string[] }, i: number) =>
    p.words.length > 0 &&
    p.words.every((w, k) => frameWord(w) || (typing && i === parts.length - 1 && k === p.words.length - 1 && w.length >= 2 && GROWING.some((f) => f.startsWith(w))));
  const asks = (ps: typeof parts) => ps.some((p) => p.words.some((w) => ASKING.has(w) || REPORTING.has(w)));

  let start = 0;
  while (start < parts.length && isFrame(parts[start]!, start)) start++;
  if (!asks(parts.slice(0, start))) start = 0;
  let end = parts.length;
  while (end > start && isFrame(parts[end - 1]!, end - 1)) end--;
  // A trailing frame is a question only with a question word in it ("hate speech: what did the SG say?").
  if (!parts.slice(end).some((p) => p.words.some((w) => ASKING.has(w)))) end = parts.length;
  if (start === 0 && end === parts.length) return { topic: query, dropped: [] };
  const kept = parts.slice(start, end);
  // A question that is all frame ("what did the SG recommend") has no topic yet: keep it as typed.
  if (!kept.some((p) => p.words.length)) return { topic: query, dropped: [] };
  return {
    topic: kept.map((p) => p.text).join(' ').replace(/^[\s:,;.?!-]+|[\s:,;?!-]+$/g, ''),
    dropped: [...parts.slice(0, start), ...parts.slice(end)].map((p) => p.text.replace(/[?!.,:;]+$/, '')),
  };
}
