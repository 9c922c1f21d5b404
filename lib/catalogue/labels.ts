/** Human labels for the catalogue's enumerations, shown on chips and cards. */
import type { ActorId, ConceptCategoryId, ThemeId } from './schema';

export const ACTOR_LABELS: Record<ActorId, string> = {
  'member-states': 'Member States',
  'security-council': 'Security Council',
  'general-assembly': 'General Assembly',
  'human-rights-council': 'Human Rights Council',
  'peacebuilding-commission': 'Peacebuilding Commission',
  'secretary-general': 'Secretary-General',
  'un-system': 'UN system',
  ohchr: 'OHCHR',
  'special-advisers': 'Special Advisers',
  'regional-organisations': 'Regional organisations',
  'civil-society': 'Civil society',
  parliaments: 'Parliaments',
  nhris: 'National human rights institutions',
  media: 'Media',
  'international-community': 'International community',
};

export const THEME_LABELS: Record<ThemeId, string> = {
  prevention: 'Prevention',
  'early-warning': 'Early warning',
  accountability: 'Accountability',
  'human-rights': 'Human rights',
  'rule-of-law': 'Rule of law',
  'security-sector': 'Security sector',
  'governance-elections': 'Governance and elections',
  'hate-speech': 'Hate speech',
  'education-memory': 'Education and memory',
  'civil-society-media': 'Civil society and media',
  'armed-groups': 'Armed groups',
  'arms-control': 'Arms control',
  displacement: 'Displacement',
  'women-peace-security': 'Women, peace and security',
  'international-assistance': 'International assistance',
  'peace-operations': 'Peace operations',
  'coercive-measures': 'Coercive measures',
  'regional-cooperation': 'Regional cooperation',
  'focal-points': 'Focal points',
  technology: 'Technology',
  reconciliation: 'Reconciliation',
  'legal-instruments': 'Legal instruments',
  resources: 'Resources',
};

export const CATEGORY_LABELS: Record<ConceptCategoryId, string> = {
  crime: 'Atrocity crimes',
  principle: 'R2P principles',
  risk: 'Risk factors',
  instrument: 'Legal instruments',
  mechanism: 'Mechanisms',
  institution: 'Institutions',
  'policy-tool': 'Policy tools',
  'upr-process': 'UPR process and UN bodies',
};

export const UPR_STEP_LABELS: Record<1 | 2 | 3 | 4, string> = {
  1: 'Step 1: Prepare',
  2: 'Step 2: Dialogue',
  3: 'Step 3: Outcome',
  4: 'Step 4: Assistance',
};

export const PILLAR_LABELS: Record<1 | 2 | 3, string> = {
  1: 'Pillar I',
  2: 'Pillar II',
  3: 'Pillar III',
};
