/**
 * Every diagram also has a page of its own at full size (/diagram/<id>/, /en/diagram/<id>/), which
 * the diagram links to: a drawing wider than the text column stays readable there. Pure.
 */
import type { Lang } from '../model/entities.ts';
import type { DiagramSpec } from './types.ts';
import { entityHref, langRoot, pagePath } from '../site/urls.ts';

/** The full-size page of a diagram. */
export function diagramPagePath(id: string, lang: Lang, base?: string): string {
  return pagePath(`diagram/${id}`, lang, base);
}

/**
 * The page that shows the diagram in its context, from its source ("scenario:x phase y",
 * "plan:x (after)", "topology", "power"), for the full-size page's way back.
 */
export function diagramHomePath(spec: Pick<DiagramSpec, 'source'>, lang: Lang, base?: string): string {
  const entity = /^(scenario|plan):([^\s]+)/.exec(spec.source);
  if (entity) return entityHref(`${entity[1]}:${entity[2]}`, lang, base);
  if (spec.source.startsWith('power')) return pagePath('power', lang, base);
  if (spec.source.startsWith('topology') || spec.source.startsWith('architecture')) return pagePath('architecture', lang, base);
  return langRoot(lang, base);
}

/** The language of a diagram from its id ("topology-en"): every generator ends ids with it. */
export function diagramLang(spec: Pick<DiagramSpec, 'id'>, fallback: Lang = 'nb'): Lang {
  const suffix = /-(nb|en)$/.exec(spec.id)?.[1];
  return (suffix as Lang | undefined) ?? fallback;
}
