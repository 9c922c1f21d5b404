/**
 * Sharing in the Reviews tab: the page's sharing hub (lib/sync/hub.ts), the open review's session,
 * and the two hooks the review's fields use: a shared text bound live to the document, and who
 * last set a one-value field. Outside a shared review every hook returns nothing and the fields
 * behave as they always did.
 *
 * The sync code (Yjs, the Hocuspocus client) is loaded only once a review is shared: a browser
 * that never shares never even loads it.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode, type RefObject } from 'react';
import { liveQuery } from 'dexie';
import type { R2PDatabase } from '@/lib/db/database';
import type { SharingHub } from '@/lib/sync/hub';
import { sharedTextOf } from '@/lib/sync/field-keys';
import type { FieldEdit } from '@/lib/reviews/field-edits';
import type { Cell } from '@/lib/sync/shared-doc';
import type { SessionEnv } from '@/lib/sync/session';

const HubContext = createContext<SharingHub | null>(null);
const OpenReviewContext = createContext<string | null>(null);

export function SharingProvider({ db, env, children }: { db: R2PDatabase; env?: SessionEnv; children: ReactNode }) {
  const [hub, setHub] = useState<SharingHub | null>(null);
  useEffect(() => {
    let live = true;
    let loading = false;
    const sub = liveQuery(() => db.shares.count()).subscribe({
      next: (n) => {
        if (n === 0 || loading) return;
        loading = true;
        void import('@/lib/sync/hub').then((m) => live && setHub(m.sharingHub(db, env)));
      },
      error: () => {},
    });
    return () => {
      live = false;
      sub.unsubscribe();
    };
  }, [db, env]);
  return <HubContext.Provider value={hub}>{children}</HubContext.Provider>;
}

/** Marks the review whose fields are inside (the workspace). */
export function OpenReview({ reviewId, children }: { reviewId: string; children: ReactNode }) {
  return <OpenReviewContext.Provider value={reviewId}>{children}</OpenReviewContext.Provider>;
}

const noSubscribe = () => () => {};

/** The review's share row and session, kept current. */
export function useSharing(reviewId: string | null) {
  const hub = useContext(HubContext);
  useSyncExternalStore(hub?.subscribe ?? noSubscribe, () => hub?.version ?? 0);
  const session = reviewId ? hub?.session(reviewId) : undefined;
  useSyncExternalStore(session ? (fn) => session.subscribe(fn) : noSubscribe, () => session?.view);
  return { share: reviewId ? hub?.share(reviewId) : undefined, session, view: session?.view };
}

/** The open review's live session, if it is shared. */
function useOpenSession() {
  return useSharing(useContext(OpenReviewContext)).session;
}

/** True inside a shared review (fields then take colleagues' changes as they come). */
export function useInSharedReview(): boolean {
  return !!useOpenSession();
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * For a field whose text is a shared text: what to call when the user types, and the
 * value kept current (caret in place) when a colleague's change arrives.
 */
export function useSharedText(edit: FieldEdit, ref: RefObject<Field | null>, onRemote: (v: string) => void) {
  const session = useOpenSession();
  const target = sharedTextOf(edit);
  const bound = session && target ? { session, ...target } : undefined;
  const remote = useRef(onRemote);
  remote.current = onRemote;
  const { key, field } = target ?? {};

  useEffect(() => {
    if (!session || !key || !field) return;
    remote.current(session.text(key, field));
    return session.onRemoteText(
      key,
      field,
      () => {
        const el = ref.current;
        return el && document.activeElement === el ? { start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 } : undefined;
      },
      (value, sel) => {
        // The colleague's text goes into the field now, caret carried, not at React's next render:
        // a key pressed before that render would be read against the old text, and its splice
        // would replace what the colleague had just added (their next words landing elsewhere),
        // and the caret put back afterwards would undo the keys typed meanwhile.
        const el = ref.current;
        if (el && el.value !== value) {
          el.value = value;
          if (sel) el.setSelectionRange(sel.start, sel.end);
        }
        remote.current(value);
      },
    );
  }, [session, key, field, ref]);
  const type = useCallback((v: string) => session && key && field && session.type(key, field, v), [session, key, field]);
  return bound ? { type, flush: () => bound.session.flush() } : undefined;
}

/** Who last set a one-value field of the open review (a status, a response), when shared. */
export function useLastChange(key: string, field: string): Cell | undefined {
  const session = useOpenSession();
  const [cell, setCell] = useState<Cell | undefined>(undefined);
  useEffect(() => {
    if (!session) return setCell(undefined);
    const read = () => setCell(session.lastChange(key, field));
    read();
    return session.onDocChange(read);
  }, [session, key, field]);
  return cell;
}
