/** The few messages the extension and the team server exchange besides the document itself. */
export type ServerMessage = { type: 'unshare' } | { type: 'unshared' };

export const serverMessage = (m: ServerMessage) => JSON.stringify({ r2p: 1, ...m });

export function parseServerMessage(payload: string): ServerMessage | undefined {
  try {
    const m = JSON.parse(payload) as { r2p?: unknown; type?: unknown };
    return m.r2p === 1 && (m.type === 'unshare' || m.type === 'unshared') ? { type: m.type } : undefined;
  } catch {
    return undefined;
  }
}
