/**
 * The runbook's entry in the site's sidebar (passed to buildSidebar's outage pages, right under the overview, in
 * astro.config.mjs). Written for the root locale; Starlight prefixes /en/ for English.
 */
import { pagePath, STARLIGHT_ADDS_BASE } from '../site/urls.ts';
import { t } from '../i18n/store.ts';

export function runbookSidebarLink(): { label: string; translations: Record<string, string>; link: string } {
  return {
    label: t('nb', 'runbook.navLabel'),
    translations: { en: t('en', 'runbook.navLabel') },
    link: pagePath('runbook', 'nb', STARLIGHT_ADDS_BASE),
  };
}
