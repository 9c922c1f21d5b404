/**
 * A text field bound to a shared text: what is typed goes into the document at once (one splice
 * per input event), and a colleague's change comes back with the caret carried through it.
 * Plain functions over a Y.Text, so the React hook (components/reviews/share-context.tsx) and
 * the tests share them.
 */
import type * as Y from 'yjs';
import { setText } from './shared-doc';
import { mapCaret } from './text-merge';

/** Origin of changes typed in a field of this page (its own observer skips them). */
export const FROM_FIELD = Symbol('r2p:from-field');

export function typeInto(t: Y.Text, next: string): void {
  if (t.toString() === next) return;
  t.doc!.transact(() => setText(t, next), FROM_FIELD);
}

export interface Selection {
  start: number;
  end: number;
}

/**
 * Calls `onRemote(text, selection)` for every change to `t` that was not typed here, with the
 * field's selection (read by `selection()`) carried through the change. Returns the unsubscribe.
 */
export function onRemoteText(t: Y.Text, selection: () => Selection | undefined, onRemote: (text: string, sel?: Selection) => void): () => void {
  const observer = (e: Y.YTextEvent, tr: Y.Transaction) => {
    if (tr.origin === FROM_FIELD) return;
    const sel = selection();
    const delta = e.delta as { retain?: number; insert?: unknown; delete?: number }[];
    onRemote(t.toString(), sel && { start: mapCaret(sel.start, delta), end: mapCaret(sel.end, delta) });
  };
  t.observe(observer);
  return () => t.unobserve(observer);
}
