/**
 * What the runbook routes share: their static paths (nb at the root, en under /en/) and the
 * headings Starlight shows in the page's table of contents.
 */
import type { Lang } from '../model/entities.ts';
import { keyed } from '../site/routes.ts';
import { runbookPage } from './page-data.ts';
import { t } from '../i18n/ui.ts';

export interface RunbookRouteProps {
  lang: Lang;
}

/** `cacheKey`: the site's (SiteData.cacheKey), so Astro's incremental build can reuse the pages. */
export function runbookPaths(cacheKey?: string) {
  return [
    { params: { lang: undefined }, props: { lang: 'nb' as Lang }, ...keyed(cacheKey) },
    { params: { lang: 'en' }, props: { lang: 'en' as Lang }, ...keyed(cacheKey) },
  ];
}

export function runbookHeadings(lang: Lang): { depth: number; slug: string; text: string }[] {
  const { data } = runbookPage(lang);
  return [
    { depth: 2, slug: 'rb-symptoms', text: t(lang, 'runbook.symptomIndex') },
    { depth: 2, slug: 'rb-contents', text: t(lang, 'runbook.contents') },
    ...data.sections.map((sec) => ({ depth: 2, slug: `${sec.sectionId}-title`, text: `${sec.number}. ${sec.title}` })),
    { depth: 2, slug: 'rb-reference-title', text: t(lang, 'runbook.reference') },
  ];
}
