/**
 * The side panel's tabs, in order. A feature adds its tab here: one entry, its component in
 * components/<feature>/.
 */
import type { ReactNode } from 'react';
import { SearchView } from '../search/search-view';
import { LibraryView } from '../library/library-view';
import { ReviewsView } from '../reviews/reviews-view';
import { OnThisPageView } from '../on-this-page/on-this-page-view';

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
  { id: 'page', label: 'On this page', render: () => <OnThisPageView /> },
  { id: 'reviews', label: 'Reviews', render: () => <ReviewsView /> },
  { id: 'library', label: 'Library', render: () => <LibraryView /> },
];
