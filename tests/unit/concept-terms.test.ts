/**
 * The words a UN reader expects the highlighter to know (issue 17): each is found in a sentence
 * as it would appear in a report, and the ordinary words around it are not marked. Each has a
 * definition of its own and links only to entries and risk factors that exist.
 */
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { bundledLexicon } from '@/lib/concepts/bundled';
import { matchConcepts } from '@/lib/concepts/match';

const kb = knowledgeBase();
const found = (text: string) => matchConcepts(text, bundledLexicon()).map((m) => [m.conceptId, text.slice(m.start, m.end)]);

/** [concept id, sentence, everything that sentence must mark (and nothing else)]. */
const CASES: [string, string, [string, string][]][] = [
  ['compendium-of-practice', 'The Compendium of Practice collects good practice; in practice few States cite it.', [['compendium-of-practice', 'Compendium of Practice']]],
  ['integrated-prevention-platform', 'The integrated prevention platform joins up the work; a platform for dialogue is something else.', [['integrated-prevention-platform', 'integrated prevention platform']]],
  ['indigenous-peoples', 'Indigenous peoples met the peoples of the coast and experts on indigenous plants.', [['indigenous-peoples', 'Indigenous peoples']]],
  ['inter-agency-mechanism', 'The national mechanism for atrocity prevention met; the national mechanism for the advancement of women did not.', [['inter-agency-mechanism', 'national mechanism for atrocity prevention']]],
  ['uniting-for-peace', 'The Assembly met under Uniting for Peace; uniting the parties behind peace was harder.', [['uniting-for-peace', 'Uniting for Peace']]],
  ['group-of-friends-r2p', 'The Group of Friends of R2P met in Geneva with other friends of the group.', [['group-of-friends-r2p', 'Group of Friends of R2P']]],
  ['children-and-armed-conflict', 'The report on children and armed conflict lists the parties; children in the camps go to school.', [['children-and-armed-conflict', 'children and armed conflict']]],
  ['monitoring-and-reporting-mechanism', 'The monitoring and reporting mechanism verified the cases, and monitoring of the reporting period went on.', [['monitoring-and-reporting-mechanism', 'monitoring and reporting mechanism']]],
  ['freedom-of-religion-or-belief', 'Freedom of religion or belief is protected, and so is the freedom to choose a belief.', [['freedom-of-religion-or-belief', 'Freedom of religion or belief']]],
  ['genocide-denial', 'Genocide denial is a warning sign; the denial of a visa is not.', [['genocide-denial', 'Genocide denial']]],
  ['hostage-taking', 'Hostage-taking by the group went on; a hostage to fortune is a figure of speech.', [['hostage-taking', 'Hostage-taking']]],
  ['human-shields', 'Civilians were used as human shields, while the shields of the riot police stayed up.', [['human-shields', 'human shields']]],
  ['collective-punishment', 'Collective punishment of the village is forbidden; the punishment of an offender is for a court.', [['collective-punishment', 'Collective punishment']]],
  ['starvation-as-a-method-of-warfare', 'Starvation as a method of warfare was reported, and the starvation of cattle was blamed on drought.', [['starvation-as-a-method-of-warfare', 'Starvation as a method of warfare']]],
  ['mutual-legal-assistance', 'Mutual legal assistance and extradition help courts; legal assistance for the poor is another matter.', [['mutual-legal-assistance', 'Mutual legal assistance'], ['extradition', 'extradition']]],
  ['fez-plan-of-action', 'Religious leaders endorsed the Fez Plan of Action; a plan of action on roads was adopted too.', [['fez-plan-of-action', 'Fez Plan of Action']]],
  ['persecution', 'Persecution of the opposition went on, and prosecution of the officers was delayed.', [['persecution', 'Persecution']]],
  ['extermination', 'Extermination was alleged; the terminal was searched.', [['extermination', 'Extermination']]],
  ['enslavement', 'Enslavement of captured women was reported, and the slave market was closed.', [['enslavement', 'Enslavement']]],
  ['forced-displacement', 'Deportation or forcible transfer of population was ordered; the transfer of funds was not.', [['forced-displacement', 'Deportation or forcible transfer of population']]],
  ['sexual-slavery', 'Sexual slavery in the camps was documented by sexual health workers.', [['sexual-slavery', 'Sexual slavery']]],
];

describe('the words a UN reader expects the highlighter to know', () => {
  it.each(CASES)('%s: found in a sentence, and the ordinary words around it are not marked', (_, sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  it('"sexual slavery" is the crime of its own, not enslavement or sexual violence in general', () => {
    expect(found('They were held in sexual slavery.')).toEqual([['sexual-slavery', 'sexual slavery']]);
    expect(found('Acts of sexual violence and slavery.')).toEqual([['sexual-violence', 'sexual violence'], ['enslavement', 'slavery']]);
  });

  it.each(CASES.map(([id]) => id))('%s has a definition in our words and links that resolve', (id) => {
    const c = kb.concepts.find((x) => x.id === id)!;
    expect(c.definition.length).toBeGreaterThan(60);
    const recs = new Set(kb.recommendations.map((r) => r.id));
    const factors = new Set(kb.riskFactors.factors.flatMap((f) => [f.id, ...f.indicators.map((i) => i.id)]));
    for (const r of c.recommendations) expect(recs).toContain(r);
    for (const f of c.riskFactors) expect(factors).toContain(f);
  });

  it('links terms to the entries and indicators the sources tie them to', () => {
    const links = (id: string) => kb.concepts.find((c) => c.id === id)!;
    expect(links('compendium-of-practice').recommendations).toEqual(['2015-compendium-of-practice']);
    expect(links('integrated-prevention-platform').recommendations).toEqual(['2017-pledge-1-integrated-prevention']);
    expect(links('genocide-denial').riskFactors).toContain('foa-2.6');
    expect(links('starvation-as-a-method-of-warfare').riskFactors).toContain('foa-13.8');
    expect(links('veto-restraint').recommendations.slice(0, 2)).toEqual(['2015-veto-restraint', '2015-veto-explain-alternative']);
    // Terms the four reports never use say so instead of borrowing a link.
    for (const id of ['uniting-for-peace', 'group-of-friends-r2p']) {
      expect(links(id).recommendations).toEqual([]);
      expect(links(id).definition).toMatch(/None of the four reports names it\./);
    }
  });
});
