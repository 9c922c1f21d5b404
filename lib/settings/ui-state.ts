/**
 * Small UI state that follows the user between the popup and the side panel, kept in
 * extension storage (never sent anywhere).
 */
import { storage } from 'wxt/utils/storage';

/** The last catalogue query: the popup hands it to the side panel it opens. */
export const lastQuery = storage.defineItem<string>('local:ui:lastQuery', { fallback: '', version: 1 });

/**
 * A concept the reader asked to see in the side panel ("Open in side panel" on the card): a panel
 * already open switches to Search for it. `at` tells two asks for the same concept apart.
 */
export const panelRequest = storage.defineItem<{ query: string; at: number } | null>('local:ui:panelRequest', { fallback: null, version: 1 });
