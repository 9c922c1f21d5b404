/** How many evidence clips the extension keeps, read from its database in one of its own pages. */
import { extensionPage, type ExtensionSession } from './harness';

export async function countClips(s: ExtensionSession): Promise<number> {
  const p = await s.context.newPage();
  await p.goto(extensionPage(s, 'popup.html'));
  const n = await p.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('r2p-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('evidence')) return resolve(0);
          const c = db.transaction('evidence').objectStore('evidence').count();
          c.onsuccess = () => resolve(c.result);
        };
      }),
  );
  await p.close();
  return n;
}
