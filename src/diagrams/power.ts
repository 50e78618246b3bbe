/**
 * The power view: power sources and stores and what each carries; over the budget, loads counted
 * per source and kind, then sources counted per kind. Pure.
 */
import type { Model } from '../model/schema/model.ts';
import type { EntityRecord, Lang } from '../model/entities.ts';
import { HARD_RELATIONS, type Edge } from '../model/graph.ts';
import { Flowchart, type LineStyle } from './flowchart.ts';
import { deviceKindLabel, entityLabel, t } from '../i18n/store.ts';
import { assumedStyle, BOX, context, isPlanned, legend, lifecycleClasses, LINE_WORDS, shapeOf, uniq } from './drawing.ts';
import { countLabel, summarised, withinBudget } from './budget.ts';
import type { DiagramSpec, HrefFor } from './types.ts';

/**
 * Power sources and stores, and what each one carries; planned parts dashed.
 * Over DIAGRAM_BUDGET: each source's loads as one box per kind with a count; then the sources
 * themselves as one box per kind (grid, UPS, …) with a count.
 */
export function powerDiagram(model: Model, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const title = t(lang, 'diagram.powerTitle');
  const base = t(lang, 'diagram.power.description');
  const power = [...ctx.records.values()].filter((r) => r.kind === 'power');
  const powerKeys = new Set(power.map((r) => r.key));
  const feeds: Edge[] = [];
  for (const r of power) for (const e of ctx.graph.incoming.get(r.key) ?? []) if (e.relation === 'poweredBy') feeds.push(e);
  // Planned power entities may also link by dependsOn/connectsVia (an inverter to its battery).
  const internal: Edge[] = [];
  for (const r of power) {
    for (const e of ctx.graph.outgoing.get(r.key) ?? []) {
      if (e.relation !== 'poweredBy' && powerKeys.has(e.to) && HARD_RELATIONS.has(e.relation)) internal.push(e);
    }
  }
  const loads = uniq(feeds.map((e) => e.from).filter((k) => !powerKeys.has(k)))
    .map((k) => ctx.records.get(k))
    .filter((r): r is EntityRecord => !!r);
  const make = (level: 0 | 1 | 2) => (): DiagramSpec => {
    const description = summarised(base, level, lang);
    const b = new Flowchart('LR', title, description, hrefFor);
    // Which box each entity is drawn in (itself unless summarised).
    const box = new Map<string, string>();
    b.subgraph(t(lang, 'diagram.power'), () => {
      if (level < 2) {
        for (const r of power) b.node(r.key, entityLabel(r, lang, BOX), { shape: shapeOf(r), classes: lifecycleClasses(r) });
        return;
      }
      const byKind = new Map<string, EntityRecord[]>();
      for (const r of power) {
        const k = `summary:power:${String(r.entity.kind ?? 'other')}:${isPlanned(r) ? 'planned' : 'now'}`;
        if (!byKind.has(k)) byKind.set(k, []);
        byKind.get(k)!.push(r);
        box.set(r.key, k);
      }
      for (const [k, members] of byKind) {
        const kind = String(members[0]!.entity.kind ?? '');
        const name = deviceKindLabel(kind, lang) ?? kind;
        b.node(k, `${name}\n${countLabel(members, 'power', lang)}`, { classes: lifecycleClasses(members[0]!), link: false });
      }
    });
    b.subgraph(t(lang, 'diagram.loads'), () => {
      for (const r of loads) {
        if (level === 0) {
          b.node(r.key, entityLabel(r, lang, BOX), { shape: shapeOf(r), classes: lifecycleClasses(r) });
          continue;
        }
        // One box per (source box, kind of load): "UniFi UPS → 3 network devices".
        const sources = uniq(feeds.filter((e) => e.from === r.key).map((e) => box.get(e.to) ?? e.to));
        box.set(r.key, `summary:load:${sources.join('+')}:${r.kind}`);
      }
      if (level === 0) return;
      const byBox = new Map<string, EntityRecord[]>();
      for (const r of loads) {
        const k = box.get(r.key)!;
        if (!byBox.has(k)) byBox.set(k, []);
        byBox.get(k)!.push(r);
      }
      for (const [k, members] of byBox) {
        const source = feeds.find((e) => e.from === members[0]!.key)!.to;
        b.node(k, countLabel(members, members[0]!.kind, lang), {
          shape: shapeOf(members[0]!),
          classes: members.every(isPlanned) ? ['planned'] : [],
          ...(level === 1 ? { linkTo: source } : { link: false }),
        });
      }
    });
    const at = (k: string) => box.get(k) ?? k;
    const used = new Set<LineStyle>();
    // Dashed: assumed (the legend says so); a redundancy group's arrows say "én av" (or "2 av 3" for
    // a group that needs more than one) and nothing more.
    for (const e of feeds) {
      const label =
        e.group && level === 0
          ? e.group.atLeast > 1
            ? t(lang, 'diagram.kOfN', { needed: e.group.atLeast, of: e.group.members.length })
            : t(lang, 'diagram.anyOf')
          : undefined;
      used.add(assumedStyle(e));
      b.edge(at(e.to), at(e.from), { ...(label ? { label } : {}), style: assumedStyle(e) });
    }
    for (const e of internal) {
      if (at(e.to) === at(e.from)) continue;
      used.add(assumedStyle(e));
      b.edge(at(e.to), at(e.from), { style: assumedStyle(e) });
    }
    legend(b, lang, used, LINE_WORDS);
    return { id: `power-${lang}`, source: 'power', title, description, mermaid: b.toString() };
  };
  return withinBudget([make(0), make(1), make(2)]);
}
