/**
 * The drawing rules every diagram shares: one graph per model, what a box looks like (label form,
 * shape, lifecycle classes), how an arrow is drawn (solid, dashed), where a thing stands, and the
 * legend. Pure; the views (topology.ts, architecture.ts, power.ts, failure.ts, plan.ts) draw with these.
 */
import type { Model } from '../model/schema/model.ts';
import { indexEntities, type EntityRecord, type Lang } from '../model/entities.ts';
import { buildGraph, type Edge, type Graph } from '../model/graph.ts';
import type { Flowchart, LineStyle, Shape } from './flowchart.ts';
import { t, type PlainWordKey } from '../i18n/store.ts';

type Records = Map<string, EntityRecord>;

/** What every view draws from: the model, its graph, its entities by key, the language. */
export interface Ctx {
  model: Model;
  graph: Graph;
  records: Records;
  lang: Lang;
}

/**
 * One graph per model object: every generator used to rebuild it, so a site with n entities built
 * the graph once per diagram (O(n) diagrams × O(n) work: 217 s for the 100× benchmark model).
 */
const GRAPHS = new WeakMap<Model, Graph>();

function graphOf(model: Model): Graph {
  let g = GRAPHS.get(model);
  if (!g) {
    g = buildGraph(model);
    GRAPHS.set(model, g);
  }
  return g;
}

/** The context of one diagram; the graph is built once per model object. */
export function context(model: Model, lang: Lang, graph?: Graph): Ctx {
  const g = graph ?? graphOf(model);
  return { model, graph: g, records: g.records.size ? g.records : indexEntities(model), lang };
}

// ---------------------------------------------------------------------------------------------
// Entity facts used for drawing

export function isPlanned(record: EntityRecord): boolean {
  return record.entity.status === 'planned';
}

export function isStopped(record: EntityRecord): boolean {
  return record.kind === 'guest' && record.entity.status === 'stopped';
}

/** A box's label: "frigate" + second line "LXC 105", "switch ×3"…, + "(stoppet)" / "(planlagt)" (src/i18n/store.ts). */
export const BOX = { form: 'box' } as const;

/** The shape of a box of one kind (one entity, or a group of that kind): guests and capabilities round. */
export function shapeOfKind(kind: string): Shape {
  // Only plain and rounded rectangles: Mermaid draws stadium, cylinder and hexagon shapes as long
  // generated paths (30-40 KB per node in Mermaid 12), which would dominate page size.
  return kind === 'guest' || kind === 'capability' ? 'round' : 'box';
}

export function shapeOf(record: EntityRecord): Shape {
  return shapeOfKind(record.kind);
}

/** planned / stopped classes for the "as modelled" diagrams. */
export function lifecycleClasses(record: EntityRecord): string[] {
  if (isStopped(record)) return ['stopped'];
  if (isPlanned(record)) return ['planned'];
  return [];
}

export function edgeStyle(ctx: Ctx, a: string, b: string): LineStyle {
  const ra = ctx.records.get(a);
  const rb = ctx.records.get(b);
  return (ra && (isPlanned(ra) || isStopped(ra))) || (rb && (isPlanned(rb) || isStopped(rb))) ? 'dashed' : 'solid';
}

export function locationOf(record: EntityRecord): string | undefined {
  const loc = record.entity.locatedIn;
  if (!loc) return undefined;
  const ref = typeof loc === 'string' ? loc : loc.ref;
  return ref.includes(':') ? ref : `location:${ref}`;
}

/** The drawn location of a device: its own, or for an SDN zone the host it is part of. */
export function placeOf(ctx: Ctx, r: EntityRecord): string | undefined {
  const own = locationOf(r);
  if (own && ctx.records.has(own)) return own;
  const part = r.entity.partOf;
  const whole = part ? (typeof part === 'string' ? part : part.ref) : undefined;
  const wholeRecord = whole ? ctx.records.get(whole) : undefined;
  const loc = wholeRecord ? locationOf(wholeRecord) : undefined;
  return loc && ctx.records.has(loc) ? loc : undefined;
}

/** The key of the host a guest runs on ("host:pve-core"). */
export function hostKeyOf(guest: EntityRecord): string {
  return `host:${String(guest.entity.host)}`;
}

/** How an arrow is drawn: documented links solid, links the model assumed dashed (legend: "antatt"). */
export function assumedStyle(e: Edge): LineStyle {
  return e.assumed ? 'dashed' : 'solid';
}

/** Like edgeStyle, and dashed for the relations that only help or say where (enhancedBy, locatedIn). */
export function relationStyle(ctx: Ctx, e: Edge): LineStyle {
  if (e.relation === 'enhancedBy' || e.relation === 'locatedIn') return 'dashed';
  return edgeStyle(ctx, e.from, e.to);
}

export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

// ---------------------------------------------------------------------------------------------
// Legend

/** Sample arrows for the line styles a diagram uses: "—— dokumentert", "- - antatt", "══ ny". */
export function lineLegend(b: Flowchart, lang: Lang, used: Set<LineStyle>, words: Partial<Record<LineStyle, PlainWordKey>>): void {
  for (const style of ['solid', 'dashed', 'thick'] as const) {
    const word = words[style];
    if (!used.has(style) || !word) continue;
    const from = b.node(`legend:line:${style}`, t(lang, word), { classes: ['legendline'], link: false });
    const to = b.node(`legend:line:${style}:end`, ' ', { classes: ['legendline'], link: false });
    b.edgeIds(from, to, { style });
  }
}

/** The words of the solid and dashed sample arrows: "dokumentert" / "antatt" (a view may add thick). */
export const LINE_WORDS = { solid: 'diagram.lineStated', dashed: 'diagram.lineAssumed' } as const;

/** The legend: the lifecycle classes the diagram uses, and sample arrows for its line styles. */
export function legend(b: Flowchart, lang: Lang, used: Set<LineStyle>, words: Partial<Record<LineStyle, PlainWordKey>>): void {
  const classes = (['stopped', 'planned'] as const).filter((cls) => b.usesClass(cls));
  b.subgraph(
    t(lang, 'diagram.legend'),
    () => {
      for (const cls of classes) b.node(`legend:${cls}`, `(${t(lang, `diagram.${cls}`)})`, { classes: [cls], link: false });
      lineLegend(b, lang, used, words);
    },
    'LR',
  );
}
