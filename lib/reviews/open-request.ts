/**
 * A note from another tab to the Reviews tab: "show this review, on this step". The Search tab
 * leaves it when a catalogue entry becomes a draft; the Reviews tab reads it when it next opens.
 * Kept in the panel's own storage, so it survives the tab switch and nothing else.
 */
export const REVIEW_STEPS = ['prepare', 'dialogue', 'outcome', 'follow-up', 'export'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

export interface OpenRequest {
  reviewId: string;
  step: ReviewStep;
}

const KEY = 'r2p:reviews:open';

export function requestOpenReview(storage: Storage, request: OpenRequest): void {
  try {
    storage.setItem(KEY, JSON.stringify(request));
  } catch {
    /* storage full or blocked: the Reviews tab simply opens as usual */
  }
}

/** The pending request, if any and well formed; it stays until `clearOpenRequest`. */
export function peekOpenRequest(storage: Storage): OpenRequest | undefined {
  try {
    const raw: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    if (!raw || typeof raw !== 'object') return undefined;
    const { reviewId, step } = raw as Record<string, unknown>;
    if (typeof reviewId !== 'string' || !REVIEW_STEPS.includes(step as ReviewStep)) return undefined;
    return { reviewId, step: step as ReviewStep };
  } catch {
    return undefined;
  }
}

export function clearOpenRequest(storage: Storage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    /* nothing to do */
  }
}
