/**
 * Which document the reader shows and how far opening it got: from ?src= (downloaded, asking for
 * the site's permission if the site does not allow it), or from a file the user picked or dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { classifyPdfError, type ReaderProblem } from '@/lib/reader/errors';
import { fetchPdf, readLocalPdf } from '@/lib/reader/fetch-pdf';
import { hasSiteAccess, requestSiteAccess } from '@/lib/reader/site-access';
import { sourceFromReaderUrl, type DocumentSource } from '@/lib/reader/source';

export type LoadState =
  | { kind: 'start' }
  | { kind: 'loading'; label: string }
  | { kind: 'needs-permission'; url: string; host: string }
  | { kind: 'problem'; problem: ReaderProblem }
  | { kind: 'ready'; bytes: Uint8Array; source: DocumentSource; key: number };

export function useReaderLoader(readerUrl: string) {
  const [state, setState] = useState<LoadState>({ kind: 'start' });
  const seq = useRef(0);

  const fromUrl = useCallback(async (url: string) => {
    const mine = ++seq.current;
    performance.mark('r2p:reader:open');
    setState({ kind: 'loading', label: `Downloading ${new URL(url).host}…` });
    try {
      const granted = await hasSiteAccess(url);
      const bytes = await fetchPdf(url, { granted });
      if (mine === seq.current) setState({ kind: 'ready', bytes, source: { kind: 'url', url }, key: mine });
    } catch (e) {
      if (mine !== seq.current) return;
      const p = classifyPdfError(e);
      setState(p.kind === 'permission' ? { kind: 'needs-permission', url, host: new URL(url).host } : { kind: 'problem', problem: p });
    }
  }, []);

  useEffect(() => {
    try {
      const source = sourceFromReaderUrl(readerUrl);
      if (source?.kind === 'url') void fromUrl(source.url);
    } catch (e) {
      setState({ kind: 'problem', problem: classifyPdfError(e) });
    }
  }, [readerUrl, fromUrl]);

  const openFile = useCallback(async (file: File) => {
    const mine = ++seq.current;
    performance.mark('r2p:reader:open');
    setState({ kind: 'loading', label: `Opening ${file.name}…` });
    try {
      const bytes = await readLocalPdf(file);
      if (mine === seq.current) setState({ kind: 'ready', bytes, source: { kind: 'file', name: file.name, size: file.size }, key: mine });
    } catch (e) {
      if (mine === seq.current) setState({ kind: 'problem', problem: classifyPdfError(e) });
    }
  }, []);

  /** Call from the click: the permission prompt needs the user's gesture. */
  const allowAndRetry = useCallback(
    (url: string) => {
      void requestSiteAccess(url).then((granted) => {
        if (granted) void fromUrl(url);
        else setState({ kind: 'problem', problem: { kind: 'permission', message: 'Without permission for this site the PDF cannot be downloaded. You can download it yourself and open the file here.' } });
      });
    },
    [fromUrl],
  );

  const fail = useCallback((problem: ReaderProblem) => setState({ kind: 'problem', problem }), []);

  return { state, openFile, allowAndRetry, fail };
}
