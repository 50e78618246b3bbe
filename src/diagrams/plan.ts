/**
 * The plan view: a plan before and after, as two diagrams of what it adds or changes and the links
 * around them. Pure.
 */
import type { Model } from '../model/schema/model.ts';
import { displayName, localized, type EntityRecord, type Lang } from '../model/entities.ts';
import { HARD_RELATIONS, type Relation } from '../model/graph.ts';
import { Flowchart, type LineStyle } from './flowchart.ts';
import { entityLabel, t } from '../i18n/store.ts';
import { safeId } from './escape.ts';
import { BOX, context, isPlanned, legend, lifecycleClasses, LINE_WORDS, placeOf, shapeOf, uniq } from './drawing.ts';
import type { DiagramSpec, HrefFor } from './types.ts';

/** One arrow of a plan diagram, in the model's direction (from uses to). */
interface PlanEdge {
  from: string;
  to: string;
  relation: Relation;
  assumed: boolean;
  /** What the plan does to it: makes it, removes it, or nothing (it stays). */
  change?: 'add' | 'remove';
  via?: string;
}

/** Relations a plan diagram draws as arrows (locations are drawn as the boxes around things). */
const PLAN_RELATIONS: ReadonlySet<Relation> = new Set([...HARD_RELATIONS, 'enhancedBy', 'uplink']);

/**
 * A plan before and after. "After" applies the plan: its planned entities exist, the links it
 * removes are gone, the links it adds (or moves) are there, and what it moves stands in its new
 * building. Drawn: what the plan adds or changes, and the links around them that the plan is about
 * (for an entity the plan only changes, the relations its links touch, else all of them). Thick
 * arrows are the change: "ny"/the link's own word in the after, "fjernes" in the before. Dashed:
 * assumed. Planned entities of other plans are in neither.
 */
export function planDiagrams(model: Model, planId: string, lang: Lang, hrefFor: HrefFor): { before: DiagramSpec; after: DiagramSpec } {
  const ctx = context(model, lang);
  const plan = model.plans.find((p) => p.id === planId);
  if (!plan) throw new Error(`planDiagrams: unknown plan ${planId}`);
  const planTitle = localized(plan.title, lang);
  const added = new Set(plan.adds ?? []);
  const links = plan.links ?? [];
  const changed = new Set([...(plan.changes ?? []).map((c) => c.ref), ...links.map((l) => l.ref)]);
  const touched = new Set<Relation>(links.map((l) => l.relation));
  const exists = (when: 'before' | 'after', key: string) => {
    const r = ctx.records.get(key);
    return !!r && (!isPlanned(r) || (when === 'after' && added.has(key)));
  };
  const isRemoved = (e: { from: string; to: string; relation: Relation }) =>
    links.some((l) => l.remove !== undefined && l.ref === e.from && l.relation === e.relation && l.remove === e.to);
  const today: PlanEdge[] = ctx.graph.edges.map((e) => ({ from: e.from, to: e.to, relation: e.relation, assumed: e.assumed }));
  const edgesOf = (when: 'before' | 'after'): PlanEdge[] => {
    const list = today
      .filter((e) => exists(when, e.from) && exists(when, e.to))
      .map((e) => (isRemoved(e) ? (when === 'before' ? { ...e, change: 'remove' as const } : undefined) : e))
      .filter((e): e is PlanEdge => e !== undefined);
    if (when === 'after') {
      for (const l of links) {
        if (l.add === undefined) continue;
        list.push({
          from: l.ref,
          to: l.add,
          relation: l.relation,
          assumed: l.assumed ?? false,
          change: 'add',
          ...(l.via ? { via: localized(l.via, lang) } : {}),
        });
      }
    }
    return list;
  };
  const before = edgesOf('before');
  const after = edgesOf('after');
  /** The arrows a diagram draws: the plan's own changes, and the relations around what it adds or changes. */
  const relevant = (e: PlanEdge) =>
    e.relation !== 'locatedIn' &&
    (e.change !== undefined ||
      (PLAN_RELATIONS.has(e.relation) &&
        (added.has(e.from) ||
          (changed.has(e.from) && (touched.size === 0 || touched.has(e.relation) || e.relation === 'runsOn')) ||
          added.has(e.to))));
  const drawnKeys = new Set<string>([...added, ...changed]);
  for (const e of [...before, ...after]) if (relevant(e)) drawnKeys.add(e.from).add(e.to);
  const locationIn = (when: 'before' | 'after', r: EntityRecord): string | undefined => {
    const moved = when === 'after' ? links.find((l) => l.relation === 'locatedIn' && l.ref === r.key && l.add) : undefined;
    const loc = moved?.add ?? placeOf(ctx, r);
    return loc && ctx.records.has(loc) ? loc : undefined;
  };

  const make = (when: 'before' | 'after'): DiagramSpec => {
    const title = `${planTitle} (${t(lang, when === 'before' ? 'diagram.before' : 'diagram.after')})`;
    const description = t(lang, when === 'before' ? 'diagram.plan.beforeDescription' : 'diagram.plan.afterDescription', {
      plan: planTitle,
    });
    const b = new Flowchart('LR', title, description, hrefFor);
    const keys = [...drawnKeys].filter((k) => exists(when, k));
    const place = (k: string) => {
      const r = ctx.records.get(k)!;
      let label = entityLabel(r, lang, { ...BOX, status: when === 'before' || !changed.has(k) });
      let classes = lifecycleClasses(r);
      if (when === 'after' && added.has(k)) {
        label = `${entityLabel(r, lang, { ...BOX, status: false })}\n(${t(lang, 'diagram.added')})`;
        classes = ['added'];
      } else if (changed.has(k)) {
        label += `\n(${t(lang, 'diagram.changes')})`;
        classes = ['changed'];
      }
      b.node(k, label, { shape: shapeOf(r), classes });
    };
    const locations = uniq(keys.map((k) => locationIn(when, ctx.records.get(k)!)).filter((l): l is string => !!l));
    for (const loc of locations) {
      b.subgraph(
        displayName(ctx.records.get(loc)!.entity, lang),
        () => {
          keys.filter((k) => locationIn(when, ctx.records.get(k)!) === loc).forEach(place);
        },
        undefined,
        loc,
      );
    }
    keys.filter((k) => !b.has(k)).forEach(place);
    const used = new Set<LineStyle>();
    for (const e of when === 'before' ? before : after) {
      if (!relevant(e) || !b.has(e.from) || !b.has(e.to)) continue;
      const style: LineStyle = e.change ? (e.assumed ? 'thickDashed' : 'thick') : e.assumed ? 'dashed' : 'solid';
      used.add(style === 'thickDashed' ? 'thick' : style);
      if (style === 'thickDashed') used.add('dashed');
      const label =
        e.change === 'remove' ? t(lang, 'diagram.removed') : e.change === 'add' ? (e.via ?? t(lang, 'diagram.added')) : undefined;
      b.edge(e.to, e.from, { style, ...(label ? { label } : {}) });
    }
    legend(b, lang, used, { ...LINE_WORDS, thick: when === 'before' ? 'diagram.lineRemoved' : 'diagram.lineAdded' });
    return {
      id: `plan-${safeId(planId)}-${when}-${lang}`,
      source: `plan:${planId} (${when})`,
      title,
      description,
      mermaid: b.toString(),
    };
  };
  return { before: make('before'), after: make('after') };
}
