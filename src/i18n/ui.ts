/**
 * The site's languages: which there are, how Starlight and Intl name them, the page slugs. The words
 * themselves are in the one word store (src/i18n/store.ts, written in src/i18n/words/); this module
 * passes its lookups on, so pages and components import language things from one place.
 */
import type { Lang } from '../model/entities.ts';

export {
  t,
  kindLabel,
  relationLabel,
  fieldLabel,
  valueLabel,
  spokenDuration,
  ruleTitle,
  WORDS,
  RULE_TITLE,
  FIELD_LABEL,
  type PlainWordKey,
} from './store.ts';

export const LANGS: readonly Lang[] = ['nb', 'en'];

/** Starlight locale config: nb is the root locale, en lives under /en/. */
export const STARLIGHT_LOCALES = {
  root: { label: 'Norsk bokmål', lang: 'nb' },
  en: { label: 'English', lang: 'en' },
} as const;

/**
 * Starlight's locales for the languages the model's site.locales lists. The URL scheme
 * (src/site/urls.ts) serves nb at / and en at /en/, so nb must come first.
 */
export function starlightLocales(locales: readonly Lang[]): Record<string, { label: string; lang: string }> {
  if (locales[0] !== 'nb') {
    throw new Error(
      `site.locales is ${JSON.stringify(locales)}: this site serves Norwegian Bokmål at / and English at /en/, so nb must come first.\n  hint: write locales: [nb, en] (or [nb]).`,
    );
  }
  return { root: STARLIGHT_LOCALES.root, ...(locales.includes('en') ? { en: STARLIGHT_LOCALES.en } : {}) };
}

/** Starlight's and Pagefind's own words where Starlight's Norwegian lacks them (it falls back to English). */
export const STARLIGHT_TRANSLATIONS = {
  nb: {
    'heading.anchorLabel': 'Avsnittet «{{title}}»',
    'page.draft': 'Dette innholdet er et utkast og kommer ikke med når nettstedet bygges.',
    'pagefind.clear_search': 'Tøm',
    'pagefind.load_more': 'Vis flere treff',
    'pagefind.search_label': 'Søk på nettstedet',
    'pagefind.filters_label': 'Filtre',
    'pagefind.zero_results': 'Ingen treff for [SEARCH_TERM]',
    'pagefind.many_results': '[COUNT] treff for [SEARCH_TERM]',
    'pagefind.one_result': '[COUNT] treff for [SEARCH_TERM]',
    'pagefind.alt_search': 'Ingen treff for [SEARCH_TERM]. Viser treff for [DIFFERENT_TERM] i stedet',
    'pagefind.search_suggestion': 'Ingen treff for [SEARCH_TERM]. Prøv ett av disse søkene:',
    'pagefind.searching': 'Søker etter [SEARCH_TERM] …',
  },
} as const;

/** Section slugs of pages that are not entity pages. */
export const PAGE_SLUGS = {
  architecture: 'architecture',
  matrix: 'scenario-matrix',
  spof: 'single-points-of-failure',
  audits: 'audits',
  startOrder: 'start-order',
  drift: 'drift',
} as const;

export function otherLang(lang: Lang): Lang {
  return lang === 'nb' ? 'en' : 'nb';
}

/** The Intl locale each language formats numbers and dates with. */
export const INTL_LOCALE: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };

/** Format a number the way the language does (decimal comma in nb). */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: 2 }).format(value);
}
