/**
 * getStaticPaths helpers: every page exists in nb (lang param undefined → served at /) and en (/en/).
 * Pure; the routes pass the model records in, and the site's cache key when the build has one
 * (SiteData.cacheKey: Astro's incremental build then reuses unchanged pages).
 */
import type { EntityRecord, Lang } from '../model/entities.ts';
import { KIND_SECTIONS } from '../model/entities.ts';
import type { EntityKind } from '../model/refs.ts';
import { KIND_PATH } from './urls.ts';
import { LANGS } from '../i18n/ui.ts';

export function langParam(lang: Lang): string | undefined {
  return lang === 'nb' ? undefined : lang;
}

/** `{ cacheKey }` for a getStaticPaths entry when the build has a key, else nothing. */
export function keyed(cacheKey: string | undefined): { cacheKey?: string } {
  return cacheKey ? { cacheKey } : {};
}

export function langPaths(langs: readonly Lang[] = LANGS, cacheKey?: string) {
  return langs.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang }, ...keyed(cacheKey) }));
}

/** `keyOf`: each entity page's cache key (src/site/page-keys.ts), when the build has them. */
export function entityPaths(records: EntityRecord[], langs: readonly Lang[] = LANGS, keyOf?: (key: string) => string) {
  return langs.flatMap((lang) =>
    records.map((record) => ({
      params: { lang: langParam(lang), section: KIND_PATH[record.kind], id: record.id },
      props: { lang, key: record.key },
      ...keyed(keyOf?.(record.key)),
    })),
  );
}

/** One index page per kind that has entities. */
export function sectionPaths(records: EntityRecord[], langs: readonly Lang[] = LANGS, cacheKey?: string) {
  const kinds: EntityKind[] = KIND_SECTIONS.map(([kind]) => kind).filter((kind) => records.some((r) => r.kind === kind));
  return langs.flatMap((lang) =>
    kinds.map((kind) => ({ params: { lang: langParam(lang), section: KIND_PATH[kind] }, props: { lang, kind }, ...keyed(cacheKey) })),
  );
}
