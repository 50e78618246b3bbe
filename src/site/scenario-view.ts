/**
 * A scenario phase as a reader needs it: which capabilities still work, which are degraded and
 * which are lost, each with its explanation, and what else is down. Pure.
 */
import type { Model } from '../model/schema/model.ts';
import type { PhaseResult, Cause, State, Analysis } from '../analysis/types.ts';
import { localized, type EntityRecord, type Lang } from '../model/entities.ts';
import { entityLink, type Value, type ViewContext } from './views.ts';
import { t } from '../i18n/ui.ts';
import { shortList } from '../analysis/short-list.ts';
import { STATE_MARK } from '../analysis/explain.ts';
import { classifyPhase } from '../analysis/phase-classes.ts';

export interface CapabilityLine {
  key: string;
  link: Value;
  state: State;
  explanations: string[];
}

export interface PhaseView {
  id: string;
  title: string;
  when?: string;
  failed: Value[];
  /** The capabilities that work; for a large model only the critical ones (src/analysis/short-list.ts). */
  works: CapabilityLine[];
  /** Capabilities that work and are not in `works` (0: it is complete). */
  worksOmitted: number;
  degraded: CapabilityLine[];
  lost: CapabilityLine[];
  /** Everything else that is down; for a large model only what the scenario took down. */
  otherDown: CapabilityLine[];
  /** Down already before the scenario (stopped, or needing something stopped) and not in `otherDown`. */
  otherDownOmitted: number;
  /** Equipment that keeps running without something it uses (src/analysis/equipment.ts): not in `otherDown`. */
  idle: CapabilityLine[];
  /** Everything that is not a capability and is degraded (a UPS on battery, a cluster short of a member). */
  otherDegraded: CapabilityLine[];
}

export interface PhaseViewOptions {
  /** The normal state (Analysis.baseline): what was down before the scenario. */
  baseline?: PhaseResult;
  /** See src/analysis/short-list.ts. */
  listLimit?: number;
}

export function phaseView(
  model: Model,
  phase: PhaseResult,
  ctx: ViewContext,
  explain: (cause: Cause, lang: Lang) => string,
  options: PhaseViewOptions = {},
): PhaseView {
  const { lang } = ctx;
  const line = (key: string): CapabilityLine => {
    const outcome = phase.outcomes[key]!;
    return { key, link: entityLink(key, ctx), state: outcome.state, explanations: outcome.causes.map((c) => explain(c, lang)) };
  };
  const capabilityKeys = model.capabilities.map((c) => `capability:${c.id}`).filter((k) => phase.outcomes[k]);
  const stateIs = (state: State) => (key: string) => phase.outcomes[key]!.state === state;
  const works = shortList(capabilityKeys.filter(stateIs('ok')), (key) => ctx.index.get(key)?.entity.tier === 'critical', {
    limit: options.listLimit,
  });
  const entries = classifyPhase(phase, options.baseline);
  const downBefore = new Set(entries.filter((e) => e.downBefore).map((e) => e.key));
  const byOrder = byModelOrder(ctx.index);
  const notCapability = entries.filter((e) => !e.capability).sort((a, b) => byOrder(a.key, b.key));
  // Running, only without what it uses (idle): listed apart from what is down.
  const otherDown = shortList(
    notCapability.filter((e) => e.state === 'down' && !e.idle).map((e) => e.key),
    (key) => !downBefore.has(key),
    { limit: options.listLimit, keyAlways: true },
  );
  const whenParts: string[] = [];
  if (phase.afterMinutes !== undefined && phase.afterMinutes > 0)
    whenParts.push(t(lang, 'scenario.afterMinutes', { n: phase.afterMinutes }));
  if (phase.after) whenParts.push(localized(phase.after, lang));
  return {
    id: phase.id,
    title: localized(phase.title, lang) || (phase.id === 'start' ? t(lang, 'scenario.start') : phase.id),
    ...(whenParts.length ? { when: whenParts.join(' — ') } : {}),
    failed: phase.failed.map((k) => entityLink(k, ctx)),
    works: works.items.map(line),
    worksOmitted: works.omitted,
    degraded: capabilityKeys.filter(stateIs('degraded')).map(line),
    lost: capabilityKeys.filter(stateIs('down')).map(line),
    otherDown: otherDown.items.map(line),
    otherDownOmitted: otherDown.omitted,
    idle: notCapability.filter((e) => e.state === 'down' && e.idle).map((e) => line(e.key)),
    otherDegraded: notCapability.filter((e) => e.state === 'degraded').map((e) => line(e.key)),
  };
}

const MODEL_ORDERS = new WeakMap<Map<string, EntityRecord>, Map<string, number>>();

function byModelOrder(index: Map<string, EntityRecord>) {
  let order = MODEL_ORDERS.get(index);
  if (!order) MODEL_ORDERS.set(index, (order = new Map([...index.keys()].map((k, i) => [k, i]))));
  return (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
}

export type Mark = (typeof STATE_MARK)[State] | '–';
export { STATE_MARK };

export interface MatrixCell {
  state?: State;
  mark: Mark;
  title: string;
}
export interface MatrixColumn {
  scenarioId: string;
  phaseId: string;
  label: string;
  href?: string;
}

/**
 * A grid past this many cells (or columns) is too big to read, and it grows with the square of the
 * model: a model 100× Saghaugen would be a ~50 MB page of mostly "✓". Past it, the matrix page
 * lists only what is not ok (compactMatrix), which grows with the model.
 */
export const MATRIX_LIMITS = { maxCells: 2_000, maxColumns: 24 };

function matrixColumns(model: Model, analysis: Analysis, lang: Lang): { columns: MatrixColumn[]; phases: PhaseResult[] } {
  const columns: MatrixColumn[] = [];
  const phases: PhaseResult[] = [];
  const scenarios = new Map(model.scenarios.map((s) => [s.id, s]));
  for (const result of analysis.scenarios) {
    const scenario = scenarios.get(result.id);
    const name = scenario ? localized(scenario.title, lang) : result.id;
    for (const phase of result.phases) {
      const phaseTitle = localized(phase.title, lang) || (phase.id === 'start' ? t(lang, 'scenario.start') : phase.id);
      const label = result.phases.length > 1 ? `${name}: ${phaseTitle}` : name;
      columns.push({ scenarioId: result.id, phaseId: phase.id, label });
      phases.push(phase);
    }
  }
  return { columns, phases };
}

/** The capabilities the matrix has a row for: every one that exists (planned ones do not). */
function matrixRowKeys(model: Model): string[] {
  return model.capabilities.filter((c) => c.status !== 'planned').map((c) => `capability:${c.id}`);
}

/** Capabilities × (scenario, phase), every cell with a text mark. */
export function scenarioMatrix(model: Model, analysis: Analysis, lang: Lang) {
  const { columns, phases } = matrixColumns(model, analysis, lang);
  const rows = matrixRowKeys(model).map((key) => {
    const cells: MatrixCell[] = phases.map((phase) => {
      const state = phase.outcomes[key]?.state;
      return state ? { state, mark: STATE_MARK[state], title: t(lang, `state.${state}`) } : { mark: '–', title: '' };
    });
    return { key, cells };
  });
  return { columns, rows };
}

export interface CompactMatrixHit {
  column: MatrixColumn;
  state: 'degraded' | 'down';
  mark: Mark;
  title: string;
}

/**
 * The matrix as lists: for each capability, only the (scenario, phase) columns where it is degraded
 * or lost, in scenario order; and the capabilities that are fine in every one.
 */
export function compactMatrix(model: Model, analysis: Analysis, lang: Lang) {
  const { columns, phases } = matrixColumns(model, analysis, lang);
  const rows: Array<{ key: string; hits: CompactMatrixHit[] }> = [];
  const allOk: string[] = [];
  for (const key of matrixRowKeys(model)) {
    const hits: CompactMatrixHit[] = [];
    phases.forEach((phase, i) => {
      const state = phase.outcomes[key]?.state;
      if (state === 'degraded' || state === 'down')
        hits.push({ column: columns[i]!, state, mark: STATE_MARK[state], title: t(lang, `state.${state}`) });
    });
    if (hits.length) rows.push({ key, hits });
    else allOk.push(key);
  }
  return { columns, rows, allOk };
}

/** The grid when it is small enough to read (MATRIX_LIMITS), else the compact lists. */
export function matrixView(model: Model, analysis: Analysis, lang: Lang, limits = MATRIX_LIMITS) {
  const columnCount = analysis.scenarios.reduce((n, s) => n + s.phases.length, 0);
  const cells = columnCount * matrixRowKeys(model).length;
  return columnCount <= limits.maxColumns && cells <= limits.maxCells
    ? { kind: 'grid' as const, ...scenarioMatrix(model, analysis, lang) }
    : { kind: 'compact' as const, ...compactMatrix(model, analysis, lang) };
}
