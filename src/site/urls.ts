/**
 * Where each page lives. One URL scheme for pages, sidebar, diagrams and the runbook:
 * Norwegian (the default locale) at /<section>/<id>/, English at /en/<section>/<id>/.
 * Pure; the base path is passed in, not read from config.
 */
import type { EntityKind } from '../model/refs.ts';
import { parseRef } from '../model/refs.ts';
import type { Lang } from '../model/entities.ts';

export const KIND_PATH: Record<EntityKind, string> = {
  location: 'locations',
  host: 'hosts',
  guest: 'guests',
  network: 'network',
  storage: 'storage',
  system: 'systems',
  capability: 'capabilities',
  power: 'power',
  plan: 'plans',
  scenario: 'scenarios',
  note: 'notes',
};

/** `/` for nb, `/en/` for en, under `base` (which ends with a slash). */
export function langRoot(lang: Lang, base = '/'): string {
  return lang === 'nb' ? base : `${base}en/`;
}

/** A page of the site in a language: pagePath('start-order', 'en') → /en/start-order/. */
export function pagePath(slug: string, lang: Lang, base = '/'): string {
  return `${langRoot(lang, base)}${slug.replace(/^\/+|\/+$/g, '')}/`;
}

/** The page of an entity, from its `kind:id` key. */
export function entityHref(key: string, lang: Lang, base = '/'): string {
  const ref = parseRef(key);
  if (!ref) throw new Error(`entityHref: not a reference: ${JSON.stringify(key)}`);
  return pagePath(`${KIND_PATH[ref.kind]}/${ref.id}`, lang, base);
}
