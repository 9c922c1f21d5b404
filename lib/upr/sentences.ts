/**
 * A catalogue entry's UPR sentences as a delegate uses them: one action each, the time element
 * offered after the action, and whose conduct the sentence concerns said in plain words.
 */
import type { Recommendation, UprScope, UprSentence } from '../catalogue/schema';

/**
 * What a chip says (short), what the sentence concerns (about), and the explanation (long), for
 * sentences not about the State's own record.
 */
export const SCOPE_LABELS: Record<Exclude<UprScope, 'own-record'>, { short: string; about: string; long: string }> = {
  'un-bodies': {
    short: 'Its conduct in UN bodies',
    about: "the State's conduct in UN and regional bodies",
    long: "This concerns how the State acts in UN and regional bodies (its votes, positions and contributions there), not its own human rights record, which is what the UPR reviews.",
  },
  abroad: {
    short: 'Its help to other States',
    about: "the State's help to other States",
    long: "This concerns the State's assistance to or cooperation with other States, not its own human rights record, which is what the UPR reviews.",
  },
};

export function scopeLabel(s: Pick<UprSentence, 'scope'>) {
  return s.scope === 'own-record' ? undefined : SCOPE_LABELS[s.scope];
}

export function withoutFinalStop(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[\s.]+$/, '');
}

/** The sentence ready to paste: the action, its time element when asked for, a full stop. */
export function sentenceText(s: UprSentence, options: { withTime?: boolean } = {}): string {
  const time = options.withTime !== false && s.timeframe ? ` ${s.timeframe.trim()}` : '';
  return `${withoutFinalStop(s.text)}${time}.`;
}

/** The entry's n-th sentence; the first when n is out of range, so an old link still yields text. */
export function uprSentence(rec: Recommendation, n = 0): UprSentence {
  return rec.upr[n] ?? rec.upr[0]!;
}
