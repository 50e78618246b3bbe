/**
 * Every diagram the site shows for a model in one language, in a stable order. For tests, the
 * benchmark and anything that wants to pre-render or count them. Pure.
 */
import type { Model } from '../model/schema/model.ts';
import type { Lang } from '../model/entities.ts';
import type { Analysis } from '../analysis/types.ts';
import { architectureDiagram, failureDiagram, planDiagrams, powerDiagram, topologyDiagram } from './generators.ts';
import type { DiagramSpec, HrefFor } from './types.ts';

export function allDiagrams(model: Model, analysis: Pick<Analysis, 'scenarios'>, lang: Lang, hrefFor: HrefFor): DiagramSpec[] {
  const specs: DiagramSpec[] = [
    topologyDiagram(model, lang, hrefFor),
    architectureDiagram(model, lang, hrefFor),
    powerDiagram(model, lang, hrefFor),
  ];
  for (const scenario of analysis.scenarios) {
    for (const phase of scenario.phases) specs.push(failureDiagram(model, phase, scenario.id, lang, hrefFor));
  }
  for (const plan of model.plans) {
    const { before, after } = planDiagrams(model, plan.id, lang, hrefFor);
    specs.push(before, after);
  }
  return specs;
}

/**
 * The diagrams the site's pages show, in every language the site has: what scripts/build.ts renders
 * ahead of the pages. (Entity neighbourhoods are HTML, src/site/neighbourhood.ts, not Mermaid.) Pure.
 */
export function siteDiagrams(
  model: Model,
  analysis: Pick<Analysis, 'scenarios'>,
  langs: readonly Lang[],
  hrefFor: (key: string, lang: Lang) => string,
): DiagramSpec[] {
  return langs.flatMap((lang) => allDiagrams(model, analysis, lang, (key) => hrefFor(key, lang)));
}
