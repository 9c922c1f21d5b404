/** What the library's coded values mean, for people (UPR Info's action categories, responses). */
export const ACTION_LABELS: Record<number, string> = {
  1: '1 · minimal action',
  2: '2 · continuing action',
  3: '3 · considering action',
  4: '4 · general action',
  5: '5 · specific action',
};

export const RESPONSE_LABELS: Record<string, string> = {
  supported: 'Supported',
  noted: 'Noted',
  'partially supported': 'Partially supported',
  pending: 'No response yet',
};

export const responseLabel = (r: string) => RESPONSE_LABELS[r] ?? r;

export const MECHANISM_LABELS: Record<string, string> = {
  upr: 'UPR',
  'treaty-body': 'treaty body',
  'special-procedure': 'special procedure',
  other: 'other mechanism',
};
export const mechanismLabel = (m: string | undefined) => MECHANISM_LABELS[m ?? 'upr'] ?? m ?? '';

export const KIND_LABELS: Record<string, string> = { recommendation: 'recommendation', concern: 'concern or observation' };
