/**
 * The whole failure analysis of a model: baseline, every scenario phase, single points of failure,
 * audits and start orders. Pure and deterministic: no I/O, no clock, no locale; the same model gives
 * the same result byte for byte (JSON.stringify), whatever the order of entities in the YAML.
 */
import type { Model } from '../model/schema/model.ts';
import { both } from '../i18n/store.ts';
import { buildGraph } from '../model/graph.ts';
import { compileFailureGraph, propagate, type FailureGraph } from './propagate.ts';
import { sweepSingleFailures } from './spof.ts';
import { runAudits } from './audits.ts';
import { computeStartOrders } from './start-order.ts';
import { summarise } from './summary.ts';
import { compileTimeline, derivePhases, type Timeline } from './timeline.ts';
import { keyLabel } from './explain.ts';
import type { Analysis, Outcome, PhaseResult, ScenarioResult } from './types.ts';

export { explainCause, stateLabel, keyLabel, chainText } from './explain.ts';
export { summarise } from './summary.ts';
export type { Summary, GuestCounts, ResourceTotal } from './summary.ts';

export const BASELINE_TITLE = both('phase.baseline');
export const START_PHASE_TITLE = both('phase.start');

export function analyze(model: Model): Analysis {
  const graph = buildGraph(model);
  const fg = compileFailureGraph(model, graph);
  const baseline: PhaseResult = { id: 'baseline', title: { ...BASELINE_TITLE }, failed: [], outcomes: propagate(fg, []) };
  const timeline = compileTimeline(model);
  const scenarios = model.scenarios.map((scenario) => analyzeScenario(fg, scenario, timeline, model));
  const sweep = sweepSingleFailures(fg);
  // Each Proxmox host failing alone, for critical-survives: the scenario's own result when one fails
  // exactly that host, else a run of its own (only the critical entities' outcomes are kept).
  const hostFailures = new Map<string, Record<string, Outcome>>();
  const isCritical = (key: string) => fg.records[fg.index.get(key)!]!.entity.tier === 'critical';
  for (const record of fg.records) {
    if (record.kind !== 'host' || record.entity.kind !== 'proxmox') continue;
    const own = scenarios.find((s) => s.phases[0]!.failed.length === 1 && s.phases[0]!.failed[0] === record.key);
    hostFailures.set(record.key, own ? own.phases[0]!.outcomes : propagate(fg, [record.key], isCritical));
  }
  const audits = runAudits({
    model,
    fg,
    baseline,
    scenarios,
    hostFailures,
    sharedFailures: sweep.sharedFailures,
    besideGroup: sweep.besideGroup,
    summary: summarise(model),
  });
  return {
    baseline,
    scenarios,
    singlePointsOfFailure: sweep.singlePointsOfFailure,
    audits,
    startOrders: computeStartOrders(graph, fg),
  };
}

/**
 * One scenario: t = 0 with `fails`, then each phase adds its `alsoFails` (cumulative). A scenario
 * without written phases in a model with a UPS runtime or a generator gets its phases from time
 * (src/analysis/timeline.ts), when time changes anything in it.
 */
export function analyzeScenario(
  fg: FailureGraph,
  scenario: Model['scenarios'][number],
  timeline?: Timeline,
  model?: Model,
): ScenarioResult {
  const failed: string[] = [];
  const add = (refs: readonly string[]) => refs.forEach((r) => failed.includes(r) || failed.push(r));
  add(scenario.fails);
  if (timeline && model && (scenario.phases ?? []).length === 0) {
    const derived = derivePhases(fg, timeline, failed, (key, lang) => keyLabel(key, model, lang));
    if (derived) return { id: scenario.id, phases: derived };
  }
  const phases: PhaseResult[] = [
    { id: 'start', title: { ...START_PHASE_TITLE }, afterMinutes: 0, failed: [...failed], outcomes: propagate(fg, failed) },
  ];
  for (const phase of scenario.phases ?? []) {
    add(phase.alsoFails);
    const minutes = phase.afterMinutesFrom ? runtimeOf(fg, phase.afterMinutesFrom) : undefined;
    phases.push({
      id: phase.id,
      title: phase.title,
      ...(phase.after ? { after: phase.after } : {}),
      ...(minutes !== undefined ? { afterMinutes: minutes } : {}),
      failed: [...failed],
      outcomes: propagate(fg, failed),
    });
  }
  return { id: scenario.id, phases };
}

function runtimeOf(fg: FailureGraph, key: string): number | undefined {
  const record = fg.graph.records.get(key);
  const minutes = record?.entity.runtimeMinutes;
  return typeof minutes === 'number' ? minutes : undefined;
}
