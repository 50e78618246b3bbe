/**
 * getStaticPaths for the full-size diagram pages: one per diagram the site shows, in its language.
 * Pure (the route passes the site data in).
 */
import type { Lang } from '../model/entities.ts';
import type { SiteData } from '../site/data.ts';
import { keyed, langParam } from '../site/routes.ts';
import { entityHref } from '../site/urls.ts';
import { allDiagrams } from './all.ts';
import type { DiagramSpec } from './types.ts';

export interface DiagramRouteProps {
  lang: Lang;
  diagram: DiagramSpec;
}

export function diagramPaths(data: Pick<SiteData, 'model' | 'analysis' | 'graph'>, cacheKey?: string) {
  return data.model.site.locales.flatMap((lang) =>
    allDiagrams(data.model, data.analysis, lang, (k) => entityHref(k, lang)).map((diagram) => ({
      params: { lang: langParam(lang), id: diagram.id },
      props: { lang, diagram } satisfies DiagramRouteProps,
      ...keyed(cacheKey),
    })),
  );
}
