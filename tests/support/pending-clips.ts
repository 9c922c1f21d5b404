/**
 * Evidence clips waiting to be filed, read straight from the extension's database. Runs inside
 * one of the extension's pages: hand it to `page.evaluate` (Playwright and Puppeteer alike).
 */
export interface StoredClip {
  quote: string;
  title: string;
  url: string;
  page?: number;
}

export const pendingClipsInPage = () =>
  new Promise<StoredClip[]>((resolve, reject) => {
    const req = indexedDB.open('r2p-lens');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const all = req.result.transaction('evidence').objectStore('evidence').getAll();
      all.onsuccess = () => (req.result.close(), resolve(all.result));
      all.onerror = () => reject(all.error);
    };
  });
