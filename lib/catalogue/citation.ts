/** Citations and ready-to-paste texts for catalogue entries: what "copy" puts on the clipboard. */
import type { Recommendation, Report } from './schema';
import { sentenceText, uprSentence } from '../upr/sentences';

/** "Secretary-General, Implementing ... (A/71/1016–S/2017/556), 2017, section: Universal Periodic Review." */
export function formatCitation(rec: Recommendation, report: Report): string {
  return `Report of the Secretary-General on the responsibility to protect, “${report.title}” (${report.symbol}), ${report.year}, ${rec.section}.`;
}

/** One of the entry's UPR sentences (the first by default), addressed to a State under Review, with its source. */
export function formatUprRecommendation(rec: Recommendation, report: Report, stateUnderReview?: string, n = 0): string {
  const sentence = sentenceText(uprSentence(rec, n));
  const addressed = stateUnderReview ? `${stateUnderReview}: ${sentence}` : sentence;
  return `${addressed} (Source: ${report.symbol}, ${report.year}.)`;
}
