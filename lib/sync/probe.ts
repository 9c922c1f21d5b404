/**
 * Before a review is shared or joined: one short connection to the address the user gave, with
 * an empty document, to learn whether the token is accepted and what the server already holds
 * under it. Nothing of the review is sent by this check.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { REVIEW_KEY } from './fields';
import type { ShareTarget } from './share-address';
import { docReviewId, readDoc } from './shared-doc';

export type ProbeResult =
  | { kind: 'ok'; review?: { id: string; stateCode: string; delegation: string; session?: number; createdAt?: number } }
  | { kind: 'refused'; reason: string }
  | { kind: 'unreachable' };

export async function probeServer(target: ShareTarget, { timeoutMs = 8_000, WebSocket }: { timeoutMs?: number; WebSocket?: unknown } = {}): Promise<ProbeResult> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: target.server, maxAttempts: 1, ...(WebSocket ? { WebSocketPolyfill: WebSocket } : {}) });
  let provider: HocuspocusProvider | undefined;
  try {
    return await new Promise<ProbeResult>((resolve) => {
      const timer = setTimeout(() => resolve({ kind: 'unreachable' }), timeoutMs);
      const done = (r: ProbeResult) => (clearTimeout(timer), resolve(r));
      socket.on('maxAttemptsFailed', () => done({ kind: 'unreachable' }));
      provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: target.document,
        document: doc,
        token: target.token,
        awareness: null,
        onAuthenticationFailed: ({ reason }) => done({ kind: 'refused', reason }),
        onSynced: () => {
          const id = docReviewId(doc);
          const r = readDoc(doc)[REVIEW_KEY];
          done({
            kind: 'ok',
            review: id && r ? { id, stateCode: String(r.stateCode ?? ''), delegation: String(r.delegation ?? ''), session: r.session as number | undefined, createdAt: r.createdAt as number | undefined } : undefined,
          });
        },
      });
      provider.attach();
    });
  } finally {
    provider?.destroy();
    socket.destroy();
    doc.destroy();
  }
}
