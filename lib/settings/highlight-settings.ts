/**
 * The highlighter's settings, in extension storage (never sent anywhere): a global pause,
 * per-category on/off and colour, and which sites are highlighted automatically. Read by the
 * content script, the background (to register scripts for added sites) and the settings UI.
 * No Zod and no storage wrapper here: the content script imports this and must stay small;
 * `normaliseSettings` repairs whatever storage holds instead.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SITES, hostMatches } from './highlight-sites';

export const HIGHLIGHT_CATEGORIES = ['crime', 'principle', 'risk', 'instrument', 'mechanism', 'institution', 'policy-tool', 'upr-process'] as const;
export type HighlightCategory = (typeof HIGHLIGHT_CATEGORIES)[number];

export interface CategoryStyle {
  on: boolean;
  /** A #rrggbb background colour; text keeps the page's colour, so pick light tints. */
  color: string;
}

export interface HighlightSettings {
  paused: boolean;
  categories: Record<HighlightCategory, CategoryStyle>;
  /** Sites the user added (host names); each was granted its host permission when added. */
  addedSites: string[];
  /** Default sites the user took off the automatic list. */
  removedSites: string[];
}

/**
 * Tints told apart by people with the common colour-vision deficiencies: every two of them differ
 * by at least 10 (CIEDE2000) as seen with normal vision and with protanopia, deuteranopia and
 * tritanopia simulated, stand out from a white page, and keep black text at 7:1 or more
 * (tests/unit/highlight-palette.test.ts). They differ in lightness as well as hue, since a
 * red-green deficiency leaves only lightness and blue–yellow to go by.
 */
export const DEFAULT_COLORS: Record<HighlightCategory, string> = {
  crime: '#fdd3c0',
  principle: '#a9c5fd',
  risk: '#fff1a9',
  instrument: '#c8c486',
  mechanism: '#d7e3ff',
  institution: '#6dbcc4',
  'policy-tool': '#d1a8a0',
  'upr-process': '#cccccc',
};

/**
 * The UPR's own process words ("Universal Periodic Review", "interactive dialogue", "troika") and
 * UN body names ("Human Rights Council") fill UN pages: a reader calls them noise. They are
 * counted and listed all the same, and one click marks them (settings, or "On this page").
 */
export const OFF_BY_DEFAULT: readonly HighlightCategory[] = ['upr-process'];

export const DEFAULT_SETTINGS: HighlightSettings = {
  paused: false,
  categories: Object.fromEntries(HIGHLIGHT_CATEGORIES.map((c) => [c, { on: !OFF_BY_DEFAULT.includes(c), color: DEFAULT_COLORS[c] }])) as Record<
    HighlightCategory,
    CategoryStyle
  >,
  addedSites: [],
  removedSites: [],
};

const COLOR = /^#[0-9a-f]{6}$/i;
const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);

/** Whatever storage holds (an older version, a partial object) as complete, valid settings. */
export function normaliseSettings(raw: unknown): HighlightSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof HighlightSettings, unknown>>;
  const cats = (r.categories && typeof r.categories === 'object' ? r.categories : {}) as Record<string, Partial<CategoryStyle>>;
  return {
    paused: r.paused === true,
    categories: Object.fromEntries(
      HIGHLIGHT_CATEGORIES.map((c) => {
        const s = cats[c] ?? {};
        return [c, { on: typeof s.on === 'boolean' ? s.on : DEFAULT_SETTINGS.categories[c].on, color: typeof s.color === 'string' && COLOR.test(s.color) ? s.color.toLowerCase() : DEFAULT_COLORS[c] }];
      }),
    ) as Record<HighlightCategory, CategoryStyle>,
    addedSites: strings(r.addedSites),
    removedSites: strings(r.removedSites),
  };
}

const KEY = 'highlight:settings';

export async function readHighlightSettings(): Promise<HighlightSettings> {
  const got = await browser.storage.local.get(KEY);
  return normaliseSettings(got[KEY]);
}

/** Serialised read-modify-write, so two quick changes (two checkboxes) do not undo each other. */
let queue: Promise<unknown> = Promise.resolve();
export function updateHighlightSettings(change: (s: HighlightSettings) => HighlightSettings): Promise<HighlightSettings> {
  const next = queue.then(async () => {
    const s = normaliseSettings(change(await readHighlightSettings()));
    await browser.storage.local.set({ [KEY]: s });
    return s;
  });
  queue = next.catch(() => {});
  return next;
}

/** Marks a category on pages, or stops marking it (its colour kept). */
export function setCategoryOn(category: HighlightCategory, on: boolean): Promise<HighlightSettings> {
  return updateHighlightSettings((x) => ({ ...x, categories: { ...x.categories, [category]: { ...x.categories[category], on } } }));
}

/** Calls back with the new settings whenever they change (from any context). Returns the unwatch function. */
export function watchHighlightSettings(cb: (s: HighlightSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) cb(normaliseSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The sites highlighted without asking: the defaults the user kept plus the ones they added. */
export function automaticSites(s: HighlightSettings): string[] {
  return [...DEFAULT_SITES.filter((d) => !s.removedSites.includes(d)), ...s.addedSites.filter((a) => !(DEFAULT_SITES as readonly string[]).includes(a))];
}

export function isAutomaticHost(host: string, s: HighlightSettings): boolean {
  return automaticSites(s).some((site) => hostMatches(host, site));
}
