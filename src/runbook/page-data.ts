/**
 * The runbook for a language, from the site's data (model + analysis, loaded once). Node-side,
 * imported by the runbook routes.
 */
import type { PhaseResult } from '../analysis/types.ts';
import { explainCause } from '../analysis/analyze.ts';
import type { DiagramSpec, HrefFor } from '../diagrams/types.ts';
import { failureDiagram, FAILURE_MAX_LEVEL } from '../diagrams/index.ts';
import type { Lang } from '../model/entities.ts';
import type { Model } from '../model/schema/model.ts';
import { getSiteData } from '../site/data.ts';
import { entityHref } from '../site/urls.ts';
import { assembleRunbook, type RunbookData } from './assemble.ts';

export interface RunbookPage {
  data: RunbookData;
  model: Model;
  revision: string;
  publicUrl?: string;
  /** The failure diagram of a phase. */
  diagramFor: (scenarioId: string, phase: PhaseResult) => DiagramSpec;
  /**
   * The same diagram collapsed further, one per level, least collapsed first: what the print can
   * use when the screen's drawing would be too small to read on A4 (RunbookDiagram.astro).
   */
  printVariantsFor: (scenarioId: string, phase: PhaseResult) => DiagramSpec[];
}

export function runbookPage(lang: Lang): RunbookPage {
  const site = getSiteData();
  const { model, analysis } = site;
  const hrefFor: HrefFor = (key) => entityHref(key, lang);
  const data = assembleRunbook(model, analysis, {
    lang,
    hrefFor,
    explain: (cause) => explainCause(cause, model, lang),
  });
  return {
    data,
    model,
    revision: site.revision,
    ...(model.site.publicUrl ? { publicUrl: model.site.publicUrl } : {}),
    diagramFor: (scenarioId, phase) => failureDiagram(model, phase, scenarioId, lang, hrefFor),
    printVariantsFor: (scenarioId, phase) => {
      const variants: DiagramSpec[] = [];
      for (let level = 1; level <= FAILURE_MAX_LEVEL; level++) {
        const spec = failureDiagram(model, phase, scenarioId, lang, hrefFor, { minLevel: level });
        // A level the layout skipped gives the same drawing as the one before it.
        if (variants.at(-1)?.mermaid !== spec.mermaid) variants.push(spec);
      }
      return variants;
    },
  };
}
