/**
 * What the highlighter found on each tab, kept by the background in session storage (memory
 * only, gone when the browser closes): the badge count and the side panel's "On this page" list
 * read it. Never written to disk, never sent anywhere.
 */
import { storage } from 'wxt/utils/storage';
import type { PageSummary } from '../messages/highlight';

const key = (tabId: number) => `session:highlight:tab:${tabId}` as const;

export const readPageSummary = (tabId: number) => storage.getItem<PageSummary>(key(tabId));
export const writePageSummary = (tabId: number, s: PageSummary) => storage.setItem(key(tabId), s);
export const clearPageSummary = (tabId: number) => storage.removeItem(key(tabId));
export const watchPageSummary = (tabId: number, cb: (s: PageSummary | null) => void) => storage.watch<PageSummary>(key(tabId), cb);
