import { useCallback, useEffect, useRef, useState } from 'react';
import { knowledgeBase } from '@/lib/catalogue/knowledge';
import { matchBundledConcepts } from '@/lib/concepts/bundled';
import { database } from '@/lib/db/database';
import { cardDetails } from '@/lib/background/highlight-details';
import { sendMessage } from '@/lib/messages/transport';
import { nextPageWith, type ConceptPages } from '@/lib/reader/concept-pages';
import { currentWindowId, openSidePanel } from '@/lib/browser/side-panel';
import { PanelRefusal } from '@/lib/highlight/card';
import { classifyPdfError, type ReaderProblem } from '@/lib/reader/errors';
import { ReaderSession, type SessionState } from '@/lib/reader/session';
import type { DocumentSource } from '@/lib/reader/source';
import { addPendingEvidence } from '@/lib/reviews/evidence';
import { readHighlightSettings } from '@/lib/settings/highlight-settings';
import { ConceptList } from './concept-list';
import { ReaderToolbar } from './reader-toolbar';

const NO_CONCEPTS: ConceptPages[] = [];

interface Props {
  bytes: Uint8Array;
  source: DocumentSource;
  onProblem: (p: ReaderProblem) => void;
  onTitle: (title: string) => void;
}

/** One open document: toolbar, page column, concept list. The session does the work. */
export function DocumentView({ bytes, source, onProblem, onTitle }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const session = useRef<ReaderSession | undefined>(undefined);
  const [state, setState] = useState<SessionState>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    let cancelled = false;
    let opened: ReaderSession | undefined;
    const db = database();
    // The knowledge base is parsed on first use, after the first page is on screen.
    let categories: Map<string, string> | undefined;
    const categoryOf = (id: string) => (categories ??= new Map(knowledgeBase().concepts.map((c) => [c.id, c.category as string]))).get(id);
    // Looked up now: the panel opens only within the click, before any await.
    let windowId: number | undefined;
    void currentWindowId().then((id) => (windowId = id), () => {});
    void (async () => {
      const settings = await readHighlightSettings().catch(() => undefined);
      if (cancelled || !scroller.current) return;
      try {
        opened = await ReaderSession.open({
          bytes,
          source,
          scroller: scroller.current,
          db,
          onChange: (s) => !cancelled && setState(s),
          highlight:
            settings && !settings.paused
              ? {
                  settings,
                  services: {
                    match: matchBundledConcepts,
                    categoryOf,
                    details: async (id) => cardDetails(knowledgeBase(), id),
                    openInPanel: async (conceptId) => {
                      // The reader is the extension's own page: its click may open the panel
                      // itself, in Firefox too (a page's click passed on by message may not).
                      await openSidePanel(windowId).catch(() => {});
                      const r = await sendMessage('highlight/open-panel', { conceptId });
                      if (!r.ok) throw new PanelRefusal(r.message ?? 'The side panel could not be opened.');
                    },
                    addToEvidence: async ({ quote, page }) => {
                      if (!opened) return;
                      await addPendingEvidence(db, opened.clipFor(quote, page));
                      setStatus(`Added to evidence${page ? ` (page ${page})` : ''}. File it under a review in the side panel’s Reviews tab.`);
                    },
                  },
                }
              : undefined,
        });
        if (cancelled) return opened.destroy();
        session.current = opened;
        setState(opened.snapshot);
        onTitle(opened.snapshot.title);
      } catch (e) {
        if (!cancelled) onProblem(classifyPdfError(e));
      }
    })();
    return () => {
      cancelled = true;
      opened?.destroy();
      session.current = undefined;
    };
    // One session per document: bytes and source change together.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bytes, source]);

  const goToNextWith = useCallback((pages: readonly number[]) => {
    const s = session.current;
    const next = s && nextPageWith(pages, s.snapshot.currentPage);
    if (next !== undefined) s?.goToPage(next);
  }, []);

  const addSelection = () => {
    const s = session.current;
    if (!s) return;
    const clip = s.selectionClip(document.getSelection());
    if (!clip) {
      setStatus('Select some text on a page first, then press “Add selection to evidence”.');
      return;
    }
    addPendingEvidence(database(), clip).then(
      () => setStatus(`Added to evidence (page ${clip.page ?? '?'}). File it under a review in the side panel’s Reviews tab.`),
      (e: unknown) => setStatus(`The clip was not kept: ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  return (
    <div className="reader-document">
      {state && (
        <ReaderToolbar
          state={state}
          actions={{
            goToPage: (p) => session.current?.goToPage(p),
            setZoom: (z) => session.current?.setZoom(z),
            fitWidth: () => session.current?.fitWidth(),
            find: (q) => session.current?.find(q),
            findStep: (d) => session.current?.findStep(d),
            addSelection,
          }}
        />
      )}
      <p className="reader-status" role="status" aria-live="polite">
        {status}
      </p>
      {state?.notice && (
        <p className="reader-notice" role="alert">
          {state.notice}
        </p>
      )}
      <div className="reader-body">
        <div className="reader-scroller" ref={scroller} tabIndex={0} aria-label="Document pages" data-testid="reader-pages" />
        {/* Always laid out, so the page column's width (fit-to-width zoom) does not change after opening. */}
        <ConceptList
          concepts={state?.concepts ?? NO_CONCEPTS}
          extracted={state?.extracted ?? 0}
          pageCount={state?.pageCount ?? 0}
          onGoTo={goToNextWith}
        />
      </div>
    </div>
  );
}
