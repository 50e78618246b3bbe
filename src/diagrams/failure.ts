/**
 * The failure view: one scenario phase at a glance, drawn from its failureLayout (failure-layout.ts)
 * with a mark, a border and a legend per state. Pure.
 */
import type { Model } from '../model/schema/model.ts';
import { displayName, localized, type Lang } from '../model/entities.ts';
import type { PhaseResult } from '../analysis/types.ts';
import { Flowchart, type LineStyle } from './flowchart.ts';
import { STATE_MARK } from '../analysis/explain.ts';
import { countOf, entityLabel, t } from '../i18n/store.ts';
import { safeId } from './escape.ts';
import { BOX, context, lineLegend, LINE_WORDS, shapeOf, shapeOfKind } from './drawing.ts';
import { failureLayout, type FailureBox } from './failure-layout.ts';
import type { DiagramSpec, HrefFor } from './types.ts';

/**
 * One scenario phase at a glance: what failed on the left, the critical capabilities on the right,
 * the chains between them, and everything else the scenario hits collapsed into boxes with a count
 * and a link ("✗ 14 gjester på pve-core"), layered power → network → hosts → guests → systems →
 * capabilities (failureLayout). The critical capabilities that still work are named in one box.
 * Readable without colour: a mark in each label (✓ ! ✗), a distinct border per state, a legend;
 * dashed arrows are assumed links.
 */
export function failureDiagram(
  model: Model,
  phase: PhaseResult,
  scenarioId: string,
  lang: Lang,
  hrefFor: HrefFor,
  /** minLevel: collapse at least this much (failureLayout), for a print page smaller than the screen. */
  options: { minLevel?: number } = {},
): DiagramSpec {
  const ctx = context(model, lang);
  const { records, graph } = ctx;
  const scenario = model.scenarios.find((s) => s.id === scenarioId);
  const scenarioTitle = scenario ? localized(scenario.title, lang) : scenarioId;
  const title = `${scenarioTitle}: ${localized(phase.title, lang)}`;
  const minLevel = options.minLevel ?? 0;
  const layout = failureLayout(records, graph, phase, minLevel);
  const { counts, before } = layout;
  const failedNames = phase.failed.map((k) => (records.get(k) ? displayName(records.get(k)!.entity, lang) : k));
  const scenarioKey = scenario ? `scenario:${scenarioId}` : undefined;
  const base = t(lang, 'diagram.failure.description', {
    failed: failedNames.join(', '),
    down: counts.down,
    degraded: counts.degraded,
    ok: counts.ok,
    before,
  });
  const description = layout.level ? `${base} ${t(lang, 'diagram.collapsedMore')}` : base;
  const b = new Flowchart('LR', title, description, hrefFor);
  const linkOf = (box: FailureBox) =>
    box.host && records.has(box.host) ? { linkTo: box.host } : scenarioKey ? { linkTo: scenarioKey } : { link: false as const };
  for (const box of layout.boxes) {
    const mark = STATE_MARK[box.state];
    if (box.members.length === 1 && box.key === box.members[0]) {
      const r = records.get(box.key)!;
      b.node(r.key, `${mark} ${entityLabel(r, lang, BOX)}`, { shape: shapeOf(r), classes: [box.state] });
      continue;
    }
    const where = box.host && records.has(box.host) ? ` ${t(lang, 'diagram.on')} ${displayName(records.get(box.host)!.entity, lang)}` : '';
    const tier =
      box.tier === 'critical' ? 'diagram.tierCriticalCount.many' : box.tier === 'comfort' ? 'diagram.tierComfortCount.many' : undefined;
    const count = countOf(box.members.length, box.kind, lang);
    // "9 comfort capabilities" / "9 funksjoner, komfort" (Norwegian would need a compound word).
    const lines =
      tier && lang === 'en'
        ? [`${mark} ${count.replace(/^(\d+) /, `$1 ${t(lang, tier)} `)}${where}`, t(lang, `state.${box.state}`)]
        : [`${mark} ${count}${where}`, tier ? `${t(lang, tier)}, ${t(lang, `state.${box.state}`)}` : t(lang, `state.${box.state}`)];
    b.node(box.key, lines.join('\n'), { shape: shapeOfKind(box.kind), classes: [box.state], ...linkOf(box) });
  }
  const used = new Set<LineStyle>();
  for (const a of layout.arrows) {
    const style: LineStyle = a.assumed ? 'dashed' : 'solid';
    used.add(style);
    // Every arrow joins two boxes placed above: one that is not would be a box without its place.
    b.placedEdge(a.from, a.to, { style });
  }
  if (layout.criticalOk.length) {
    const names = layout.criticalOk.map((k) => displayName(records.get(k)!.entity, lang));
    const shown = names.length > 4 ? [...names.slice(0, 3), `+ ${names.length - 3} ${t(lang, 'diagram.more')}`] : names;
    b.node('works:critical', [`${STATE_MARK.ok} ${t(lang, 'diagram.criticalStillWork')}:`, ...shown].join('\n'), {
      shape: 'round',
      classes: ['ok'],
      ...(scenarioKey ? { linkTo: scenarioKey } : { link: false }),
    });
  }
  b.subgraph(
    t(lang, 'diagram.legend'),
    () => {
      for (const state of ['ok', 'degraded', 'down'] as const) {
        b.node(`legend:${state}`, `${STATE_MARK[state]} ${t(lang, `state.${state}`)}`, { classes: [state], link: false });
      }
      lineLegend(b, lang, used, LINE_WORDS);
    },
    'LR',
  );
  return {
    id: `failure-${safeId(scenarioId)}-${safeId(phase.id)}${minLevel ? `-level${minLevel}` : ''}-${lang}`,
    source: `scenario:${scenarioId} phase ${phase.id}`,
    title,
    description,
    mermaid: b.toString(),
  };
}
