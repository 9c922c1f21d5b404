import { describe, expect, it } from 'vitest';
import { checkSmart, type SmartCheckId } from '@/lib/upr/smart';
import { decodeMacRoman, parseCodedRecommendations } from '@/lib/upr/eval-corpus';
import { OPENINGS, withOpening } from '@/lib/upr/eval-openings';
import { uprInfoHeldOutBytes } from '../fixtures/upr-info-sample';

const passed = (text: string, state?: string) =>
  Object.fromEntries(checkSmart(text, { stateUnderReview: state }).checks.map((c) => [c.id, c.passed])) as Record<SmartCheckId, boolean>;

describe('checkSmart', () => {
  it('lists the five checks, labelled, in a stable order', () => {
    const { checks } = checkSmart('Strengthen human rights.');
    expect(checks.map((c) => c.id)).toEqual(['specific-verb', 'concrete-object', 'measurable', 'time-bound', 'addressed']);
    expect(checks.every((c) => c.label.length > 5)).toBe(true);
  });

  it('a vague recommendation fails all but "addressed", and the hint asks for a concrete step', () => {
    expect(passed('Strengthen human rights.')).toEqual({
      'specific-verb': false, 'concrete-object': false, measurable: false, 'time-bound': false, addressed: true,
    });
    expect(checkSmart('Strengthen human rights.').hint).toMatch(/"Strengthen".*concrete step/);
  });

  it('a SMART recommendation passes everything and needs no hint', () => {
    const text = 'Establish a national preventive mechanism, with a budget for all places of detention, within two years.';
    expect(Object.values(passed(text)).every(Boolean)).toBe(true);
    expect(checkSmart(text).hint).toBeNull();
  });

  it('finds concrete objects from the lexicon and common nouns', () => {
    expect(passed('Ratify the Rome Statute.')['concrete-object']).toBe(true);
    expect(passed('Ratify the ATT.')['concrete-object']).toBe(true);
    expect(passed('Adopt a law on hate speech.')['concrete-object']).toBe(true);
    expect(passed('Promote tolerance.')['concrete-object']).toBe(false);
  });

  it('recognises deadlines', () => {
    for (const t of ['by 2027', 'before the next review', 'within two years', 'by the end of 2026', 'before its mid-term report'])
      expect(passed(`Adopt a law on torture ${t}.`)['time-bound'], t).toBe(true);
    expect(passed('Adopt a law on torture soon.')['time-bound']).toBe(false);
  });

  it('a deadline alone does not make it measurable; a number, "all" or a one-off act does', () => {
    expect(passed('Strengthen the judiciary by 2027.').measurable).toBe(false);
    expect(passed('Train all police officers in human rights law.').measurable).toBe(true);
    expect(passed('Increase the judiciary budget by 20 per cent.').measurable).toBe(true);
    expect(passed('Ratify the Rome Statute.').measurable).toBe(true);
  });

  it('adopting, establishing or appointing a concrete thing is measurable: it is done or it is not', () => {
    expect(passed('Adopt a national action plan on atrocity prevention by 2027.').measurable).toBe(true);
    expect(passed('We recommend that Chad establish a national mechanism for the prevention of genocide within two years.').measurable).toBe(true);
    expect(passed('Appoint a national R2P Focal Point.').measurable).toBe(true);
    // The verb alone is not enough: what is established must be a thing one can point to.
    expect(passed('Establish peace and stability in the region.').measurable).toBe(false);
    expect(passed('Adopt measures to combat hate speech.').measurable).toBe(false);
  });

  it('is not addressed to the State when it asks the international community', () => {
    const r = checkSmart('Call on the international community to provide technical assistance.', { stateUnderReview: 'Benin' });
    expect(r.checks.find((c) => c.id === 'addressed')!.passed).toBe(false);
    expect(r.hint).toMatch(/Address it to Benin/);
  });

  it('asks for the verb first, not for others to be left out, when a draft is a noun phrase', () => {
    const r = checkSmart('The ratification of the Arms Trade Treaty', { stateUnderReview: 'the Syrian Arab Republic' });
    expect(r.checks.find((c) => c.id === 'addressed')!.passed).toBe(false);
    expect(r.hint).toBe('Start with the action verb ("Ratify …", "Adopt …"), so that it reads as asked of the Syrian Arab Republic.');
  });

  it('a time put first is still addressed and time-bound: "Without delay, ratify …", "By 2027, adopt …"', () => {
    expect(passed('Without delay, ratify the Rome Statute.').addressed).toBe(true);
    expect(passed('By 2027, adopt a national action plan on atrocity prevention.')).toMatchObject({ 'specific-verb': true, 'time-bound': true, addressed: true });
  });

  it('a subject naming the State under Review counts as addressed', () => {
    expect(passed('Recommended that Benin establish a national preventive mechanism.', 'Benin').addressed).toBe(true);
    expect(passed('Recommended that Togo establish a national preventive mechanism.', 'Benin').addressed).toBe(false);
  });

  it('the hint fits the category: continuing and considering verbs get their own advice', () => {
    expect(checkSmart('Continue its efforts to protect children.').hint).toMatch(/keep going/);
    expect(checkSmart('Consider ratifying the Rome Statute.').hint).toMatch(/Consider ratifying/);
    expect(checkSmart('Ratify the Rome Statute.').hint).toMatch(/deadline/);
  });

  it('empty text gets a starting hint, not an error', () => {
    expect(checkSmart('').hint).toMatch(/action verb/);
  });

  it('reads a statement as the recommendation inside it: "We recommend that Syria ratify …" passes all five', () => {
    const syria = { stateUnderReview: 'the Syrian Arab Republic', stateCode: 'SYR' };
    for (const text of [
      'We recommend that Syria ratify the Rome Statute before its next review',
      'Ireland recommends that the Syrian Arab Republic ratify the Rome Statute before its next review.',
      'We urge the Government of the Syrian Arab Republic to ratify the Rome Statute before its next review.',
    ]) {
      const r = checkSmart(text, syria);
      expect(r.checks.filter((c) => !c.passed).map((c) => c.id), text).toEqual([]);
      expect(r.hint, text).toBeNull();
    }
  });

  it('a statement naming another State than the one under review is not addressed, and the hint says so', () => {
    const r = checkSmart('We urge Chad to ratify the Rome Statute by 2027.', { stateUnderReview: 'the Syrian Arab Republic', stateCode: 'SYR' });
    expect(r.checks.find((c) => c.id === 'addressed')!.passed).toBe(false);
    expect(r.hint).toBe('It names Chad, but this review is of the Syrian Arab Republic: address it to the Syrian Arab Republic.');
  });

  it('checks each recommendation of a draft, and hints for the first that needs it', () => {
    const r = checkSmart('Ireland recommends that Chad:\n1. ratify the Rome Statute by 2027;\n2. continue its efforts to protect children.', { stateUnderReview: 'Chad' });
    expect(r.checks.find((c) => c.id === 'specific-verb')!.passed).toBe(false);
    expect(r.hint).toMatch(/^Recommendation 2: "continue" only asks Chad to keep going/);
  });

  it('never hints about the opening: not "We", not the delegation, on real rows behind statement openings', () => {
    const rows = parseCodedRecommendations(decodeMacRoman(uprInfoHeldOutBytes())).slice(0, 80);
    for (const row of rows) {
      for (const o of OPENINGS) {
        const hint = checkSmart(withOpening(row, o).text, { stateUnderReview: row.sur }).hint ?? '';
        expect(hint, `${o.id}: ${row.text}`).not.toMatch(/"(?:We|To|Thank|Mr)\b/);
        if (row.from) expect(hint, `${o.id}: ${row.text}`).not.toContain(`"${row.from}`);
      }
    }
  });
});
