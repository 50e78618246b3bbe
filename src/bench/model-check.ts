/**
 * What the bench learns from the model alone: how long the model check takes in process, and how
 * large the whole-model diagrams' Mermaid text gets (which explains a build that fails at scale).
 */
import { performance } from 'node:perf_hooks';
import { entityCount } from './synthetic-model.ts';
import { loadModel, type Problem } from '../model/load-model.ts';
import type { Model } from '../model/schema/model.ts';
import { architectureDiagram, failureDiagram, powerDiagram, topologyDiagram, type DiagramSpec } from '../diagrams/index.ts';
import { MERMAID_CONFIG } from '../diagrams/render.ts';
import { analyze } from '../analysis/analyze.ts';
import { entityHref } from '../site/urls.ts';

export interface CheckTiming {
  ms: number;
  steps: string[];
  entities?: number;
  error?: string;
}

/**
 * The model check as `npm run check` and the build run it (scripts/check.ts checkModel: loading
 * with the integrity checks), passed in by scripts/bench.ts: src/ does not import scripts/.
 */
export type CheckLoader = (dir: string) => { ok: true; model: Model } | { ok: false; problems: Problem[] };

/** The model check, then the analysis, in process: the median of three after a warm-up. */
export async function timeCheck(modelDir: string, checkModel: CheckLoader): Promise<CheckTiming> {
  const steps = ['checkModel (load + integrity)', 'analyze'];
  const once = (): { ms: number; entities?: number; error?: string } => {
    const start = performance.now();
    const loaded = checkModel(modelDir);
    if (!loaded.ok) {
      const p = loaded.problems[0]!;
      return {
        ms: performance.now() - start,
        error: `${loaded.problems.length} problem(s), first: ${p.file}:${p.line}:${p.column} ${p.path} ${p.message}`,
      };
    }
    analyze(loaded.model);
    const m = loaded.model;
    const entities = entityCount(m);
    return { ms: performance.now() - start, entities };
  };
  try {
    // A warm-up (module JIT, file cache), then the median of three; one timed run when a run takes
    // over 5 s (the 100× model), so the bench spends its time on builds.
    const warmUp = once();
    const runs = warmUp.ms > 5000 ? [once()] : [once(), once(), once()];
    const error = runs.find((r) => r.error)?.error;
    const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
    return { ms: sorted[Math.floor(sorted.length / 2)]!, steps, entities: runs[0]!.entities, ...(error ? { error } : {}) };
  } catch (e) {
    return { ms: NaN, steps, error: e instanceof Error ? e.message : String(e) };
  }
}

export interface DiagramProbe {
  /** The largest of topology, architecture, power and the first scenario's first failure phase (nb). */
  largest: { id: string; bytes: number };
  /** Mermaid's text limit as the renderer sets it (50 000 by default). */
  maxTextSize: number;
  over: string[];
}

export async function probeWholeModelDiagrams(modelDir: string): Promise<DiagramProbe | undefined> {
  try {
    const loaded = loadModel(modelDir);
    if (!loaded.ok) return undefined;
    const model = loaded.model;
    const href = (key: string) => entityHref(key, 'nb');
    const specs: DiagramSpec[] = [
      topologyDiagram(model, 'nb', href),
      architectureDiagram(model, 'nb', href),
      powerDiagram(model, 'nb', href),
    ];
    const scenario = model.scenarios[0];
    if (scenario) {
      const first = { ...model, scenarios: [scenario] };
      const phase = analyze(first).scenarios[0]?.phases.at(-1);
      if (phase) specs.push(failureDiagram(model, phase, scenario.id, 'nb', href));
    }
    const maxTextSize = MERMAID_CONFIG.maxTextSize;
    const largest = specs.reduce((a, b) => (b.mermaid.length > a.mermaid.length ? b : a));
    return {
      largest: { id: largest.id, bytes: largest.mermaid.length },
      maxTextSize,
      over: specs.filter((s) => s.mermaid.length > maxTextSize).map((s) => s.id),
    };
  } catch {
    return undefined;
  }
}
