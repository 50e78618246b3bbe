/**
 * The runbook for a language, from the site's data (model + analysis, loaded once). Node-side,
 * imported by the runbook routes. The analysis and diagram modules are written in parallel by others;
 * until they exist the runbook still builds (a plain chain as the explanation, no diagrams).
 */
import type { Cause, PhaseResult } from '../analysis/types.ts';
import type { DiagramSpec, HrefFor } from '../diagrams/types.ts';
import { indexEntities, displayName, type Lang } from '../model/entities.ts';
import type { Model } from '../model/schema/model.ts';
import { getSiteData } from '../site/data.ts';
import { entityHref } from '../site/urls.ts';
import { assembleRunbook, type RunbookData } from './assemble.ts';

type AnalyzeModule = { explainCause?: (cause: Cause, model: Model, lang: Lang) => string };
type DiagramModule = {
  failureDiagram?: (model: Model, phase: PhaseResult, scenarioId: string, lang: Lang, hrefFor: HrefFor, options?: { minLevel?: number }) => DiagramSpec;
  FAILURE_MAX_LEVEL?: number;
};
const analyzeModules = import.meta.glob<AnalyzeModule>('../analysis/analyze.ts', { eager: true });
const diagramModules = import.meta.glob<DiagramModule>('../diagrams/index.ts', { eager: true });

/** "zigbee2mqtt ← pve-core": used only until the analysis' explainCause exists. */
function plainChain(model: Model, lang: Lang): (cause: Cause) => string {
  const index = indexEntities(model);
  return (cause) =>
    cause.chain
      .slice(1)
      .map((key) => {
        const e = index.get(key)?.entity;
        return e ? displayName(e, lang) : key;
      })
      .join(' ← ');
}

export interface RunbookPage {
  data: RunbookData;
  model: Model;
  revision: string;
  publicUrl?: string;
  /** The failure diagram of a phase, when the diagram module is there. */
  diagramFor: (scenarioId: string, phase: PhaseResult) => DiagramSpec | undefined;
  /**
   * The same diagram collapsed further, one per level, least collapsed first: what the print can
   * use when the screen's drawing would be too small to read on A4 (RunbookDiagram.astro).
   */
  printVariantsFor: (scenarioId: string, phase: PhaseResult) => DiagramSpec[];
}

export function runbookPage(lang: Lang): RunbookPage {
  const site = getSiteData();
  const { model, analysis } = site;
  const explainCause = Object.values(analyzeModules)[0]?.explainCause;
  const failureDiagram = Object.values(diagramModules)[0]?.failureDiagram;
  const hrefFor: HrefFor = (key) => entityHref(key, lang);
  const data = assembleRunbook(model, analysis, {
    lang,
    hrefFor,
    explain: explainCause ? (cause) => explainCause(cause, model, lang) : plainChain(model, lang),
  });
  return {
    data,
    model,
    revision: site.revision,
    ...(model.site.publicUrl ? { publicUrl: model.site.publicUrl } : {}),
    diagramFor: (scenarioId, phase) => (failureDiagram ? failureDiagram(model, phase, scenarioId, lang, hrefFor) : undefined),
    printVariantsFor: (scenarioId, phase) => {
      if (!failureDiagram) return [];
      const variants: DiagramSpec[] = [];
      const maxLevel = Object.values(diagramModules)[0]?.FAILURE_MAX_LEVEL ?? 0;
      for (let level = 1; level <= maxLevel; level++) {
        const spec = failureDiagram(model, phase, scenarioId, lang, hrefFor, { minLevel: level });
        // A level the layout skipped gives the same drawing as the one before it.
        if (variants.at(-1)?.mermaid !== spec.mermaid) variants.push(spec);
      }
      return variants;
    },
  };
}
