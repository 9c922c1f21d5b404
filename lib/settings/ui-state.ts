/**
 * Small UI state that follows the user between the popup and the side panel, kept in
 * extension storage (never sent anywhere).
 */
import { storage } from 'wxt/utils/storage';

/** The last catalogue query: the popup hands it to the side panel it opens. */
export const lastQuery = storage.defineItem<string>('local:ui:lastQuery', { fallback: '', version: 1 });
