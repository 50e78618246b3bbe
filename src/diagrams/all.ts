/**
 * Every diagram the site shows for a model in one language, in a stable order. For tests, the
 * benchmark and anything that wants to pre-render or count them. Pure.
 */
import type { Model } from '../model/schema/model.ts';
import type { Lang } from '../model/entities.ts';
import type { Analysis } from '../analysis/types.ts';
import { buildGraph, type Graph } from '../analysis/graph.ts';
import {
  architectureDiagram,
  failureDiagram,
  neighbourhoodDiagram,
  planDiagrams,
  powerDiagram,
  topologyDiagram,
} from './generators.ts';
import type { DiagramSpec, HrefFor } from './types.ts';

export interface AllDiagramsOptions {
  /** Which entities get a neighbourhood diagram (default: all). */
  neighbourhoods?: (key: string) => boolean;
  graph?: Graph;
}

export function allDiagrams(
  model: Model,
  analysis: Pick<Analysis, 'scenarios'>,
  lang: Lang,
  hrefFor: HrefFor,
  options: AllDiagramsOptions = {},
): DiagramSpec[] {
  const graph = options.graph ?? buildGraph(model);
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
  const wanted = options.neighbourhoods ?? (() => true);
  for (const key of graph.nodes) if (wanted(key)) specs.push(neighbourhoodDiagram(model, graph, key, lang, hrefFor));
  return specs;
}
