/**
 * Small pure helpers for the shared document's texts and lists: the one change (splice) that
 * turns a text into another, a local change re-applied on a text a colleague changed meanwhile,
 * and a caret carried through a colleague's change. Indexes are UTF-16 units, as in Y.Text.
 */

export interface Splice {
  index: number;
  remove: number;
  insert: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The single replacement turning `from` into `to`: common start and end kept (never splitting a surrogate pair). */
export function splice(from: string, to: string): Splice {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  if (start > 0 && isHigh(from.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  if (end > 0 && isLow(from.charCodeAt(from.length - end))) end--;
  return { index: start, remove: from.length - start - end, insert: to.slice(start, to.length - end) };
}

/**
 * `local` changed `base` while `remote` changed it too: the local change applied to `remote`,
 * where its surroundings are found unchanged; when they are not, the local text is kept whole
 * after the remote one, so nothing either side wrote is lost.
 */
export function rebaseText(base: string, local: string, remote: string): string {
  if (local === base) return remote;
  if (remote === base || remote === local) return local;
  // Both wrote where there was nothing (the same note, offline on two computers): keep both.
  if (base === '') return `${remote}\n${local}`;
  const s = splice(base, local);
  const before = base.slice(0, s.index);
  const removed = base.slice(s.index, s.index + s.remove);
  const after = base.slice(s.index + s.remove);
  // The text before the change is still there, and so is what the change removed.
  if (remote.startsWith(before) && remote.slice(before.length).startsWith(removed)) {
    return remote.slice(0, before.length) + s.insert + remote.slice(before.length + removed.length);
  }
  // Or, counted from the end, the text after the change and what it removed.
  if (remote.endsWith(after) && remote.slice(0, remote.length - after.length).endsWith(removed)) {
    const at = remote.length - after.length - removed.length;
    return remote.slice(0, at) + s.insert + remote.slice(at + removed.length);
  }
  return remote.trim() === '' ? local : local.trim() === '' ? remote : `${remote}\n${local}`;
}

/**
 * A caret position carried through a colleague's change, given as a Yjs delta over the old text.
 * Text inserted exactly at the caret goes after it, so the user's next keystroke stays in place.
 */
export function mapCaret(pos: number, delta: readonly { retain?: number; insert?: unknown; delete?: number }[]): number {
  let at = 0;
  let shift = 0;
  for (const op of delta) {
    if (at > pos) break;
    if (op.retain) at += op.retain;
    else if (op.delete) {
      if (at < pos) shift -= Math.min(op.delete, pos - at);
      at += op.delete;
    } else if (typeof op.insert === 'string' && at < pos) shift += op.insert.length;
  }
  return Math.max(0, pos + shift);
}

/** Ordered ids: local additions and removals re-applied on the remote order, remote additions kept. */
export function rebaseList(base: readonly string[], local: readonly string[], remote: readonly string[]): string[] {
  if (sameList(local, base)) return dedupe(remote);
  if (sameList(remote, base)) return dedupe(local);
  const removed = new Set(base.filter((x) => !local.includes(x)));
  const remoteAdded = remote.filter((x) => !base.includes(x) && !removed.has(x));
  return dedupe([...local, ...remoteAdded]);
}

export const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
export const dedupe = (xs: readonly string[]) => [...new Set(xs)];

/** The single replacement turning list `from` into `to` (common start and end kept). */
export function listSplice(from: readonly string[], to: readonly string[]): { index: number; remove: number; insert: string[] } {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (end < from.length - start && end < to.length - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++;
  return { index: start, remove: from.length - start - end, insert: to.slice(start, to.length - end) };
}
