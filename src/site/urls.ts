/**
 * Where each page lives. One URL scheme for pages, sidebar, diagrams and the runbook:
 * Norwegian (the default locale) at /<section>/<id>/, English at /en/<section>/<id>/.
 * Everything is under the site's base path (src/site/base.ts: `/`, or DRIFTSBOK_BASE such as
 * `/driftsbok/`), which callers may pass; left out, it is read from the environment, so pages, diagrams
 * and the runbook agree. Starlight's sidebar adds the base itself: its links pass `/`.
 */
import { parseRef } from '../model/refs.ts';
import { KIND_PATH } from '../model/kinds.ts';
import type { Lang } from '../model/entities.ts';
import { siteBase } from './base.ts';

/** The base for links in Starlight's sidebar config: Starlight puts its own base (and locale) in front. */
export const STARLIGHT_ADDS_BASE = '/';

/** The URL segment of each kind's pages (src/model/kinds.ts). */
export { KIND_PATH };

/** `/` for nb, `/en/` for en, under `base` (which ends with a slash). */
export function langRoot(lang: Lang, base = siteBase()): string {
  return lang === 'nb' ? base : `${base}en/`;
}

/** A page of the site in a language: pagePath('start-order', 'en') → /en/start-order/. */
export function pagePath(slug: string, lang: Lang, base = siteBase()): string {
  return `${langRoot(lang, base)}${slug.replace(/^\/+|\/+$/g, '')}/`;
}

/** The page of an entity, from its `kind:id` key. */
export function entityHref(key: string, lang: Lang, base = siteBase()): string {
  const ref = parseRef(key);
  if (!ref) throw new Error(`entityHref: not a reference: ${JSON.stringify(key)}`);
  return pagePath(`${KIND_PATH[ref.kind]}/${ref.id}`, lang, base);
}
