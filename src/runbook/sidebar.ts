/**
 * The runbook's entry in the site's sidebar (passed to buildSidebar's outage pages, right under the overview, in
 * astro.config.mjs). Written for the root locale; Starlight prefixes /en/ for English.
 */
import { pagePath, STARLIGHT_ADDS_BASE } from '../site/urls.ts';
import { runbookStrings } from './strings.ts';

export function runbookSidebarLink(): { label: string; translations: Record<string, string>; link: string } {
  return {
    label: runbookStrings('nb').navLabel,
    translations: { en: runbookStrings('en').navLabel },
    link: pagePath('runbook', 'nb', STARLIGHT_ADDS_BASE),
  };
}
