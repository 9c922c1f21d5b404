/**
 * The side panel's tabs, in order. A feature adds its tab here: one entry, its component in
 * components/<feature>/.
 */
import type { ReactNode } from 'react';
import { SearchView } from '../search/search-view';

export interface TabContext {
  initialQuery: string;
  onQueryChange: (q: string) => void;
}

export interface TabSpec {
  id: string;
  label: string;
  render: (ctx: TabContext) => ReactNode;
}

export const TABS: TabSpec[] = [
  { id: 'search', label: 'Search', render: (ctx) => <SearchView {...ctx} /> },
];
