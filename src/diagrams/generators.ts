/**
 * Model (and analysis) → DiagramSpec. Every function here is pure: same input, same text.
 * Layout choices are documented where they are made; labels are localized and escaped by Flowchart.
 */
import type { Model } from '../model/schema/model.ts';
import { displayName, indexEntities, localized, type EntityRecord, type Lang } from '../model/entities.ts';
import { buildGraph, HARD_RELATIONS, type Edge, type Graph, type Relation } from '../model/graph.ts';
import { DRAWN_KINDS, ENTITY_KINDS, type EntityKind } from '../model/kinds.ts';
import type { PhaseResult, State } from '../analysis/types.ts';
import { Flowchart, type LineStyle, type Shape } from './flowchart.ts';
import { STATE_MARK } from '../analysis/explain.ts';
import { countOf, deviceKindLabel, entityLabel, relationLabel as relationWord, t, type PlainWordKey } from '../i18n/store.ts';
import { safeId } from './escape.ts';
import type { DiagramSpec, HrefFor } from './types.ts';

type Records = Map<string, EntityRecord>;

interface Ctx {
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

function context(model: Model, lang: Lang, graph?: Graph): Ctx {
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
const BOX = { form: 'box' } as const;

function shapeOf(record: EntityRecord): Shape {
  // Only plain and rounded rectangles: Mermaid draws stadium, cylinder and hexagon shapes as long
  // generated paths (30-40 KB per node in Mermaid 12), which would dominate page size.
  return record.kind === 'guest' || record.kind === 'capability' ? 'round' : 'box';
}

/** planned / stopped classes for the "as modelled" diagrams. */
function lifecycleClasses(record: EntityRecord): string[] {
  if (isStopped(record)) return ['stopped'];
  if (isPlanned(record)) return ['planned'];
  return [];
}

function edgeStyle(ctx: Ctx, a: string, b: string): LineStyle {
  const ra = ctx.records.get(a);
  const rb = ctx.records.get(b);
  return (ra && (isPlanned(ra) || isStopped(ra))) || (rb && (isPlanned(rb) || isStopped(rb))) ? 'dashed' : 'solid';
}

function locationOf(record: EntityRecord): string | undefined {
  const loc = record.entity.locatedIn;
  if (!loc) return undefined;
  const ref = typeof loc === 'string' ? loc : loc.ref;
  return ref.includes(':') ? ref : `location:${ref}`;
}

/**
 * The role of a guest for grouping: the highest tier of the systems and capabilities that use it
 * directly (critical before comfort), else "other".
 */
function guestTier(ctx: Ctx, key: string): 'critical' | 'comfort' | 'other' {
  let tier: 'critical' | 'comfort' | 'other' = 'other';
  for (const edge of ctx.graph.incoming.get(key) ?? []) {
    const user = ctx.records.get(edge.from);
    if (!user || (user.kind !== 'system' && user.kind !== 'capability')) continue;
    if (user.entity.tier === 'critical') return 'critical';
    if (user.entity.tier === 'comfort') tier = 'comfort';
  }
  return tier;
}

// ---------------------------------------------------------------------------------------------
// Topology: internet → gateway → switches → access points / mesh / hosts, inside their buildings

/** Relations that say how things are linked on the network (uplink says where; connectsVia what it needs). */
const TOPOLOGY_RELATIONS: ReadonlySet<Relation> = new Set(['uplink', 'connectsVia', 'dependsOn', 'partOf']);

/** How an arrow is drawn: documented links solid, links the model assumed dashed (legend: "antatt"). */
function assumedStyle(e: Edge): LineStyle {
  return e.assumed ? 'dashed' : 'solid';
}

/**
 * The links of the topology, upstream → downstream, between network devices and hosts: uplinks and
 * connectsVia as written; a link (mesh, fibre) fed by the devices it depends on, except the ones that
 * uplink through it (the barn's access point hangs off the mesh, it does not feed it); an SDN zone
 * under the host it is part of.
 */
function topologyEdges(ctx: Ctx): Edge[] {
  const drawn = (k: string) => {
    const r = ctx.records.get(k);
    return !!r && (r.kind === 'network' || r.kind === 'host');
  };
  const downlinks = new Set(ctx.graph.edges.filter((e) => e.relation === 'uplink').map((e) => `${e.to}>${e.from}`));
  return ctx.graph.edges.filter((e) => {
    if (!TOPOLOGY_RELATIONS.has(e.relation) || !drawn(e.from) || !drawn(e.to)) return false;
    const from = ctx.records.get(e.from)!;
    if (e.relation === 'dependsOn') return from.entity.kind === 'link' && !downlinks.has(`${e.from}>${e.to}`);
    return true;
  });
}

/** Guests of each host, in model order. */
function guestsByHostOf(ctx: Ctx): Map<string, EntityRecord[]> {
  const byHost = new Map<string, EntityRecord[]>();
  for (const r of ctx.records.values()) {
    if (r.kind !== 'guest') continue;
    const host = `host:${String(r.entity.host)}`;
    if (!byHost.has(host)) byHost.set(host, []);
    byHost.get(host)!.push(r);
  }
  return byHost;
}

/** "pve-core: 16 gjester" / "1 kritisk" / "12 komfort" / "(2 stoppet)": a host's guests in one box. */
function guestSummaryLabel(ctx: Ctx, host: EntityRecord, guests: EntityRecord[]): string {
  const { lang } = ctx;
  const lines = [`${displayName(host.entity, lang)}: ${countOf(guests.length, 'guest', lang)}`];
  for (const [tier, words] of [
    ['critical', 'diagram.tierCriticalCount'],
    ['comfort', 'diagram.tierComfortCount'],
    ['other', 'diagram.tierOtherCount'],
  ] as const) {
    const n = guests.filter((g) => guestTier(ctx, g.key) === tier).length;
    if (n) lines.push(`${n} ${t(lang, `${words}.${n === 1 ? 'one' : 'many'}`)}`);
  }
  const stopped = guests.filter(isStopped).length;
  if (stopped) lines.push(`(${stopped} ${t(lang, 'diagram.stopped')})`);
  return lines.join('\n');
}

/** The drawn location of a device: its own, or for an SDN zone the host it is part of. */
function placeOf(ctx: Ctx, r: EntityRecord): string | undefined {
  const own = locationOf(r);
  if (own && ctx.records.has(own)) return own;
  const part = r.entity.partOf;
  const whole = part ? (typeof part === 'string' ? part : part.ref) : undefined;
  const wholeRecord = whole ? ctx.records.get(whole) : undefined;
  const loc = wholeRecord ? locationOf(wholeRecord) : undefined;
  return loc && ctx.records.has(loc) ? loc : undefined;
}

function drawTopology(b: Flowchart, ctx: Ctx, used: Set<LineStyle>): void {
  const { records, lang } = ctx;
  const all = [...records.values()];
  const devices = all.filter((r) => (r.kind === 'network' || r.kind === 'host') && r.entity.kind !== 'isp' && r.entity.kind !== 'link');
  const isps = all.filter((r) => r.kind === 'network' && r.entity.kind === 'isp');
  const links = all.filter((r): r is EntityRecord<'network'> => r.kind === 'network' && r.entity.kind === 'link');
  const locations = all.filter((r) => r.kind === 'location');
  const guests = guestsByHostOf(ctx);
  const place = (r: EntityRecord) => {
    b.node(r.key, entityLabel(r, lang, BOX), { shape: shapeOf(r), classes: lifecycleClasses(r) });
    const list = r.kind === 'host' ? guests.get(r.key) : undefined;
    if (list?.length) {
      b.node(`guests:${r.key}`, guestSummaryLabel(ctx, r, list), {
        shape: 'round',
        classes: list.every(isStopped) ? ['stopped'] : ['summary'],
        linkTo: r.key,
      });
    }
  };

  b.subgraph(t(lang, 'diagram.internet'), () => isps.forEach(place), 'LR');
  const drawLocation = (loc: EntityRecord): void => {
    b.subgraph(
      displayName(loc.entity, lang),
      () => {
        for (const sub of locations.filter((l) => locationOf(l) === loc.key)) drawLocation(sub);
        devices.filter((r) => placeOf(ctx, r) === loc.key).forEach(place);
      },
      undefined,
      loc.key,
    );
  };
  for (const loc of locations.filter((l) => !locationOf(l) || !records.has(locationOf(l)!))) drawLocation(loc);
  // Between the buildings, outside both.
  links.forEach(place);
  // Where the model does not say: said so, not guessed.
  b.subgraph(t(lang, 'diagram.locationUnknown'), () => devices.filter((r) => !b.has(r.key)).forEach(place));

  const edge = (from: string, to: string, style: LineStyle) => {
    if (!b.has(from) || !b.has(to)) return;
    used.add(style);
    b.edge(from, to, { style });
  };
  for (const e of topologyEdges(ctx)) edge(e.to, e.from, assumedStyle(e));
  for (const host of all.filter((r) => r.kind === 'host')) edge(host.key, `guests:${host.key}`, 'solid');
  // A link whose ends the model names only as buildings (the planned fibre): drawn between those
  // buildings, in the order `between` lists them.
  const withEdges = new Set(topologyEdges(ctx).flatMap((e) => [e.from, e.to]));
  for (const link of links) {
    const linkId = b.idOf(link.key);
    if (withEdges.has(link.key) || !linkId) continue;
    const ends = (link.entity.between ?? []).map((loc) => b.subgraphIdOf(loc.includes(':') ? loc : `location:${loc}`));
    ends.forEach((id, i) => {
      if (!id) return;
      used.add('solid');
      if (i === 0) b.edgeIds(id, linkId, { style: 'solid' });
      else b.edgeIds(linkId, id, { style: 'solid' });
    });
  }
}

/** Sample arrows for the line styles a diagram uses: "—— dokumentert", "- - antatt", "══ ny". */
function lineLegend(b: Flowchart, lang: Lang, used: Set<LineStyle>, words: Partial<Record<LineStyle, PlainWordKey>>): void {
  for (const style of ['solid', 'dashed', 'thick'] as const) {
    const word = words[style];
    if (!used.has(style) || !word) continue;
    const from = b.node(`legend:line:${style}`, t(lang, word), { classes: ['legendline'], link: false });
    const to = b.node(`legend:line:${style}:end`, ' ', { classes: ['legendline'], link: false });
    b.edgeIds(from, to, { style });
  }
}

const TOPOLOGY_LINE_WORDS = { solid: 'diagram.lineStated', dashed: 'diagram.lineAssumed' } as const;

/** The legend: the lifecycle classes the diagram uses, and sample arrows for its line styles. */
function legend(b: Flowchart, lang: Lang, used: Set<LineStyle>, words: Partial<Record<LineStyle, PlainWordKey>>): void {
  const classes = (['stopped', 'planned'] as const).filter((cls) => b.usesClass(cls));
  b.subgraph(t(lang, 'diagram.legend'), () => {
    for (const cls of classes) b.node(`legend:${cls}`, `(${t(lang, `diagram.${cls}`)})`, { classes: [cls], link: false });
    lineLegend(b, lang, used, words);
  }, 'LR');
}

// ---------------------------------------------------------------------------------------------
// Size budget

/**
 * The most Mermaid text a generator produces before it falls back to a summarised drawing.
 *
 * Measured on this machine (Mermaid 12.3, one persistent page, `npx tsx` scripts rendering
 * allDiagrams of the Saghaugen model and of syntheticModel(10) and (100)):
 * - Mermaid refuses text over maxTextSize (50 000 characters) and draws an error picture instead.
 * - Saghaugen: largest whole-model diagram 3.5 kB (topology), ~60 ms per diagram on average,
 *   ~300 ms for the 6-7 kB failure diagrams.
 * - 10× model, full drawings: topology 31 kB renders in ~2.0 s, architecture 22 kB in 1.7 s
 *   (SVG 460 kB, 4200 × 14 200 px), power 12 kB in 1.0 s (1900 × 6900 px): past ~15-20 kB a
 *   drawing takes seconds and is too large to read on a screen or on A4 anyway.
 * - 100× model: full topology ~330 kB, summaries per building ~30 kB (1.8 s).
 * 20 000 characters (~150 nodes) keeps every Saghaugen diagram whole with ~3× headroom, keeps the
 * full drawing up to a few times Saghaugen's size, and leaves 2.5× headroom under maxTextSize for
 * the summaries, which still grow with the model (one box per building or kind).
 */
export const DIAGRAM_BUDGET = 20_000;

/** The first drawing (most detailed first) that fits the budget, else the last (most summarised). */
function withinBudget(levels: Array<() => DiagramSpec>): DiagramSpec {
  let spec: DiagramSpec | undefined;
  for (const make of levels) {
    spec = make();
    if (spec.mermaid.length <= DIAGRAM_BUDGET) return spec;
  }
  return spec!;
}

function summarised(description: string, level: number, lang: Lang): string {
  return level ? `${description} ${t(lang, 'diagram.summarised')}` : description;
}

/** The outermost drawn location of an entity (for collapsing a big model per building). */
function topLocation(ctx: Ctx, record: EntityRecord): string | undefined {
  let loc = locationOf(record);
  if (!loc || !ctx.records.has(loc)) return undefined;
  for (let guard = 0; guard < 100; guard++) {
    const parent = locationOf(ctx.records.get(loc)!);
    if (!parent || !ctx.records.has(parent)) return loc;
    loc = parent;
  }
  return loc;
}

/** A count label: "12 guests, 2 stopped". */
function countLabel(members: EntityRecord[], kind: string, lang: Lang): string {
  const stopped = members.filter(isStopped).length;
  const planned = members.filter(isPlanned).length;
  const extra = [
    stopped ? `${stopped} ${t(lang, 'diagram.stopped')}` : '',
    planned ? `${planned} ${t(lang, 'diagram.planned')}` : '',
  ].filter(Boolean);
  return `${countOf(members.length, kind, lang)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/**
 * Topology for a very large model: one box per building with what it holds, one for the
 * internet providers and one for the links; edges wherever some member of one box uses a member
 * of another.
 */
function drawTopologySummary(b: Flowchart, ctx: Ctx): void {
  const { records, lang } = ctx;
  const rep = new Map<string, string>();
  const groups = new Map<string, { label: string; linkTo?: string; members: EntityRecord[] }>();
  const add = (groupKey: string, label: string, linkTo: string | undefined, r: EntityRecord) => {
    if (!groups.has(groupKey)) groups.set(groupKey, { label, ...(linkTo ? { linkTo } : {}), members: [] });
    groups.get(groupKey)!.members.push(r);
    rep.set(r.key, groupKey);
  };
  const hostsFirst = [...records.values()].filter((r) => r.kind === 'network' || r.kind === 'host');
  for (const r of hostsFirst) {
    if (r.entity.kind === 'isp') add('summary:isp', t(lang, 'diagram.internet'), undefined, r);
    else if (r.entity.kind === 'link') add('summary:links', t(lang, 'diagram.links'), undefined, r);
    else {
      const loc = topLocation(ctx, r);
      if (loc) add(`summary:${loc}`, displayName(records.get(loc)!.entity, lang), loc, r);
      else add('summary:elsewhere', t(lang, 'diagram.otherPlaces'), undefined, r);
    }
  }
  for (const r of records.values()) {
    if (r.kind !== 'guest') continue;
    const host = rep.get(`host:${String(r.entity.host)}`);
    if (host) {
      groups.get(host)!.members.push(r);
      rep.set(r.key, host);
    }
  }
  for (const [key, g] of groups) {
    const lines = [g.label];
    for (const kind of ['network', 'host', 'guest']) {
      const members = g.members.filter((m) => m.kind === kind);
      if (members.length) lines.push(countLabel(members, kind, lang));
    }
    b.node(key, lines.join('\n'), g.linkTo ? { linkTo: g.linkTo } : { link: false });
  }
  for (const edge of ctx.graph.edges) {
    if (!TOPOLOGY_RELATIONS.has(edge.relation)) continue;
    const from = rep.get(edge.from);
    const to = rep.get(edge.to);
    if (from && to && from !== to) b.edge(to, from);
  }
}

// ---------------------------------------------------------------------------------------------
// Public generators

/**
 * Internet → gateway → switches → access points, mesh and hosts, each inside the building it stands
 * in (or in a box saying the model does not know where), with each host's guests as one box counted
 * by tier that links to the host's page (the full list is in the tables). Solid arrows are
 * documented links, dashed ones assumed (the legend says so). Over DIAGRAM_BUDGET: one box per
 * building.
 */
export function topologyDiagram(model: Model, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const title = `${t(lang, 'diagram.topologyTitle')}: ${model.site.name}`;
  const base = t(lang, 'diagram.topology.description');
  const make = (level: 0 | 1) => (): DiagramSpec => {
    const description = summarised(base, level, lang);
    const b = new Flowchart('TB', title, description, hrefFor);
    if (level === 1) {
      drawTopologySummary(b, ctx);
    } else {
      const used = new Set<LineStyle>();
      drawTopology(b, ctx, used);
      legend(b, lang, used, TOPOLOGY_LINE_WORDS);
    }
    return { id: `topology-${lang}`, source: 'topology', title, description, mermaid: b.toString() };
  };
  return withinBudget([make(0), make(1)]);
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function relationLabel(e: Edge, lang: Lang): string {
  let label = relationWord(e.relation, lang);
  if (e.group) label += ` (${t(lang, 'diagram.anyOf')})`;
  if (e.assumed) label += ` (${t(lang, 'diagram.assumed')})`;
  return label;
}

function relationStyle(ctx: Ctx, e: Edge): LineStyle {
  if (e.relation === 'enhancedBy' || e.relation === 'locatedIn') return 'dashed';
  return edgeStyle(ctx, e.from, e.to);
}

/** Kinds a failure diagram can draw, in the order of its layers (power → … → capabilities): `drawn` in src/model/kinds.ts. */
const FAILURE_LAYERS: readonly string[] = DRAWN_KINDS;
const STATE_KINDS: ReadonlySet<string> = new Set(FAILURE_LAYERS);
/** Relations along which a failure travels (and enhancedBy, which degrades). */
const FAILURE_RELATIONS: ReadonlySet<Relation> = new Set([...HARD_RELATIONS, 'enhancedBy']);

/**
 * What a failure diagram may hold, at every model size: at most this many boxes (legend aside) and
 * this many boxes along its longest arrow path (its width in ranks, left to right). Measured on
 * A4 landscape at ≥ 7 pt: ~8 ranks of ~200 px boxes fit the page's width, ~6 boxes its height.
 */
export const FAILURE_BUDGET = { boxes: 30, ranks: 7, perRank: 10 } as const;

/** A box of a failure diagram: one entity, or several that share their fate and their path. */
export interface FailureBox {
  key: string;
  members: string[];
  state: State;
  kind: string;
  /** For a group: what it stands for ("host:pve-core" for its guests). */
  host?: string;
  tier?: string;
}

/** The boxes and arrows of one phase's failure diagram, the same in every language. */
export interface FailureLayout {
  level: number;
  boxes: FailureBox[];
  /** Provider box → user box, and whether every link behind it is assumed. */
  arrows: Array<{ from: string; to: string; assumed: boolean }>;
  /** Critical capabilities that still work (one box of names, not drawn one by one). */
  criticalOk: string[];
  counts: Record<State, number>;
  /** Entities not ok because of the scenario. */
  affected: number;
  /** Not ok for a reason older than the scenario: not drawn. */
  before: number;
}

/**
 * The shape of a layered drawing: how many ranks (boxes along the longest arrow path; arrows that
 * close a cycle do not count) and the most boxes in one rank (a box's rank is the longest path
 * ending at it, as a layered layout places it).
 */
export function rankShape(boxes: string[], arrows: Array<{ from: string; to: string }>): { ranks: number; widest: number } {
  const reversed = arrows.map((a) => ({ from: a.to, to: a.from }));
  const depth = longestPaths(boxes, reversed);
  const perRank = new Map<number, number>();
  for (const d of depth.values()) perRank.set(d, (perRank.get(d) ?? 0) + 1);
  return { ranks: Math.max(0, ...depth.values()), widest: Math.max(0, ...perRank.values()) };
}

/** For each box, the number of boxes on the longest path that starts at it. */
function longestPaths(boxes: string[], arrows: Array<{ from: string; to: string }>): Map<string, number> {
  const out = new Map<string, string[]>(boxes.map((b) => [b, []]));
  for (const a of arrows) out.get(a.from)?.push(a.to);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (start: string): number => {
    // Iterative DFS: a long chain in a big model must not overflow the stack.
    const stack: Array<{ node: string; next: number; best: number }> = [{ node: start, next: 0, best: 1 }];
    visiting.add(start);
    let result = 1;
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      const next = out.get(frame.node)![frame.next++];
      if (next !== undefined) {
        if (visiting.has(next)) continue;
        const known = depth.get(next);
        if (known !== undefined) frame.best = Math.max(frame.best, known + 1);
        else {
          visiting.add(next);
          stack.push({ node: next, next: 0, best: 1 });
        }
        continue;
      }
      stack.pop();
      visiting.delete(frame.node);
      depth.set(frame.node, frame.best);
      result = frame.best;
      if (stack.length) stack[stack.length - 1]!.best = Math.max(stack[stack.length - 1]!.best, frame.best + 1);
    }
    return result;
  };
  for (const b of boxes) if (!depth.has(b)) visit(b);
  return depth;
}

const FAILURE_LAYOUTS = new WeakMap<Graph, WeakMap<PhaseResult, Map<number, FailureLayout>>>();

/** The most collapsed level failureLayout knows (one box per layer). */
export const FAILURE_MAX_LEVEL = 5;

/**
 * Which boxes and arrows a phase's failure diagram draws. Level 0: the failed roots, every critical
 * capability the scenario takes down or degrades, the chains between them (and the surviving member
 * of a redundancy group on them, so "camera recording: degraded" shows UniFi Protect ✓ beside
 * Frigate ✗); everything else the scenario hits is grouped by kind, state, and host (guests) or
 * tier (systems, capabilities). Each further level groups more, until the drawing fits
 * FAILURE_BUDGET: 1 groups chain members of one kind that lead to the same critical capabilities,
 * 2 groups them regardless of where they lead, 3 groups the roots and the critical capabilities
 * too, 4 every layer by state alone, 5 every layer into one box.
 */
export function failureLayout(records: Map<string, EntityRecord>, graph: Graph, phase: PhaseResult, minLevel = 0): FailureLayout {
  let byPhase = FAILURE_LAYOUTS.get(graph);
  if (!byPhase) FAILURE_LAYOUTS.set(graph, (byPhase = new WeakMap()));
  let byLevel = byPhase.get(phase);
  if (!byLevel) byPhase.set(phase, (byLevel = new Map()));
  const known = byLevel.get(minLevel);
  if (known) return known;
  const outcomes = phase.outcomes;
  const stateOf = (key: string): State => outcomes[key]?.state ?? 'ok';
  const failed = new Set(phase.failed.filter((k) => records.has(k)));
  const counts: Record<State, number> = { ok: 0, degraded: 0, down: 0 };
  const affected = new Set<string>();
  let before = 0;
  for (const key in outcomes) {
    const o = outcomes[key]!;
    counts[o.state]++;
    if (o.state === 'ok' || !STATE_KINDS.has(records.get(key)?.kind ?? '')) continue;
    if (failed.has(key) || o.causes.some((c) => c.chain.some((k) => failed.has(k)))) affected.add(key);
    else before++;
  }
  for (const key of failed) if (key in outcomes) affected.add(key);
  const isCritical = (k: string) => records.get(k)?.kind === 'capability' && records.get(k)!.entity.tier === 'critical';
  const criticalHit = [...affected].filter(isCritical);
  const criticalOk = [...records.values()].filter((r) => isCritical(r.key) && r.key in outcomes && stateOf(r.key) === 'ok').map((r) => r.key);
  // The chains from the roots to the critical capabilities, and who still carries a group on them.
  const chain = new Set<string>();
  /** Which hit critical capabilities each chain member leads to: its path to the right-hand side. */
  const reach = new Map<string, Set<string>>();
  for (const c of criticalHit) {
    for (const cause of outcomes[c]!.causes) {
      if (!cause.chain.some((k) => failed.has(k))) continue;
      for (const k of cause.chain) {
        chain.add(k);
        if (!reach.has(k)) reach.set(k, new Set());
        reach.get(k)!.add(c);
      }
    }
  }
  const pathOf = (k: string) => [...(reach.get(k) ?? [])].sort().join('+');
  const survivors = new Set<string>();
  for (const k of chain) {
    for (const e of graph.outgoing.get(k) ?? []) {
      if (e.group && FAILURE_RELATIONS.has(e.relation) && e.to in outcomes && stateOf(e.to) === 'ok' && STATE_KINDS.has(records.get(e.to)?.kind ?? '')) survivors.add(e.to);
    }
  }
  const drawn = [...new Set([...affected, ...chain, ...survivors])].filter((k) => records.has(k) && k in outcomes);

  const groupKey = (k: string, level: number): string => {
    const r = records.get(k)!;
    const state = stateOf(k);
    if (level >= 5) return `group:${r.kind}`;
    if (level >= 4) return `group:${r.kind}:${state}`;
    const root = failed.has(k);
    const critical = isCritical(k);
    if (root && level < 3) return k;
    if (critical && level < 3) return k;
    if (chain.has(k) && level < 1) return k;
    if (survivors.has(k) && level < 2) return k;
    if (root) return `group:root:${r.kind}`;
    if (critical) return `group:critical:${state}`;
    // Level 1 keeps apart what leads to different critical capabilities (a shared fate, not a shared path).
    const path = level < 2 ? `:${pathOf(k)}` : '';
    if (r.kind === 'guest') return `group:guest:${state}:${String(r.entity.host)}${path}`;
    if (r.kind === 'system' || r.kind === 'capability') return `group:${r.kind}:${state}:${String(r.entity.tier)}${path}`;
    return `group:${r.kind}:${state}${path}`;
  };

  const layoutAt = (level: number): FailureLayout => {
    const boxOf = new Map<string, string>();
    const boxes = new Map<string, FailureBox>();
    for (const k of drawn) {
      const key = groupKey(k, level);
      boxOf.set(k, key);
      const r = records.get(k)!;
      let box = boxes.get(key);
      if (!box) {
        box = { key, members: [], state: stateOf(k), kind: r.kind };
        if (key.startsWith('group:guest:')) box.host = `host:${String(r.entity.host)}`;
        if (key.startsWith('group:critical:')) box.tier = 'critical';
        else if (key.startsWith('group:') && (r.kind === 'system' || r.kind === 'capability') && level < 4) box.tier = String(r.entity.tier);
        boxes.set(key, box);
      }
      box.members.push(k);
      // A box of several states (level 4) shows the worst.
      if (box.state !== 'down' && stateOf(k) !== 'ok') box.state = stateOf(k) === 'down' || box.state === 'ok' ? stateOf(k) : box.state;
    }
    // Singleton groups are drawn as the entity itself.
    for (const [key, box] of [...boxes]) {
      if (!key.startsWith('group:') || box.members.length !== 1) continue;
      const only = box.members[0]!;
      boxes.delete(key);
      boxes.set(only, { key: only, members: [only], state: stateOf(only), kind: box.kind });
      boxOf.set(only, only);
    }
    const arrows = new Map<string, { from: string; to: string; assumed: boolean }>();
    for (const user of drawn) {
      for (const e of graph.outgoing.get(user) ?? []) {
        if (!FAILURE_RELATIONS.has(e.relation) || !boxOf.has(e.to)) continue;
        // Only the arrows a failure travels along, and the ones from a survivor it falls back on.
        if (stateOf(e.to) === 'ok' && !(survivors.has(e.to) && e.group)) continue;
        if (stateOf(user) === 'ok') continue;
        const from = boxOf.get(e.to)!;
        const to = boxOf.get(user)!;
        if (from === to) continue;
        const id = `${from}>${to}`;
        const known = arrows.get(id);
        if (known) known.assumed &&= e.assumed;
        else arrows.set(id, { from, to, assumed: e.assumed });
      }
    }
    const ordered = [...boxes.values()].sort((a, b) => FAILURE_LAYERS.indexOf(a.kind) - FAILURE_LAYERS.indexOf(b.kind));
    return { level, boxes: ordered, arrows: [...arrows.values()], criticalOk, counts, affected: affected.size, before };
  };
  let layout = layoutAt(minLevel);
  for (let level = minLevel + 1; level <= FAILURE_MAX_LEVEL; level++) {
    const shape = rankShape(layout.boxes.map((b) => b.key), layout.arrows);
    const fits = layout.boxes.length <= FAILURE_BUDGET.boxes && shape.ranks <= FAILURE_BUDGET.ranks && shape.widest <= FAILURE_BUDGET.perRank;
    if (fits) break;
    layout = layoutAt(level);
  }
  byLevel.set(minLevel, layout);
  return layout;
}

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
  const base = t(lang, 'diagram.failure.description', { failed: failedNames.join(', '), down: counts.down, degraded: counts.degraded, ok: counts.ok, before });
  const description = layout.level ? `${base} ${t(lang, 'diagram.collapsedMore')}` : base;
  const b = new Flowchart('LR', title, description, hrefFor);
  const linkOf = (box: FailureBox) => (box.host && records.has(box.host) ? { linkTo: box.host } : scenarioKey ? { linkTo: scenarioKey } : { link: false as const });
  for (const box of layout.boxes) {
    const mark = STATE_MARK[box.state];
    if (box.members.length === 1 && box.key === box.members[0]) {
      const r = records.get(box.key)!;
      b.node(r.key, `${mark} ${entityLabel(r, lang, BOX)}`, { shape: shapeOf(r), classes: [box.state] });
      continue;
    }
    const where = box.host && records.has(box.host) ? ` ${t(lang, 'diagram.on')} ${displayName(records.get(box.host)!.entity, lang)}` : '';
    const tier = box.tier === 'critical' ? 'diagram.tierCriticalCount.many' : box.tier === 'comfort' ? 'diagram.tierComfortCount.many' : undefined;
    const count = countOf(box.members.length, box.kind, lang);
    // "9 comfort capabilities" / "9 funksjoner, komfort" (Norwegian would need a compound word).
    const lines =
      tier && lang === 'en'
        ? [`${mark} ${count.replace(/^(\d+) /, `$1 ${t(lang, tier)} `)}${where}`, t(lang, `state.${box.state}`)]
        : [`${mark} ${count}${where}`, tier ? `${t(lang, tier)}, ${t(lang, `state.${box.state}`)}` : t(lang, `state.${box.state}`)];
    b.node(box.key, lines.join('\n'), { shape: box.kind === 'guest' || box.kind === 'capability' ? 'round' : 'box', classes: [box.state], ...linkOf(box) });
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
  b.subgraph(t(lang, 'diagram.legend'), () => {
    for (const state of ['ok', 'degraded', 'down'] as const) {
      b.node(`legend:${state}`, `${STATE_MARK[state]} ${t(lang, `state.${state}`)}`, { classes: [state], link: false });
    }
    lineLegend(b, lang, used, TOPOLOGY_LINE_WORDS);
  }, 'LR');
  return {
    id: `failure-${safeId(scenarioId)}-${safeId(phase.id)}${minLevel ? `-level${minLevel}` : ''}-${lang}`,
    source: `scenario:${scenarioId} phase ${phase.id}`,
    title,
    description,
    mermaid: b.toString(),
  };
}

/**
 * Critical systems (decentralised or not) vs comfort systems, and what each needs directly.
 * Over DIAGRAM_BUDGET: guests are left out (each system points at the host its guests run on);
 * then one box per group of systems and one per kind of thing they need, with counts.
 */
export function architectureDiagram(model: Model, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const title = t(lang, 'diagram.architectureTitle');
  const base = t(lang, 'diagram.architecture.description');
  const systems = [...ctx.records.values()].filter((r) => r.kind === 'system');
  const groups: Array<[string, (r: EntityRecord) => boolean, string]> = [
    [t(lang, 'diagram.criticalDecentral'), (r) => r.entity.tier === 'critical' && r.entity.decentralised === true, 'critical'],
    [t(lang, 'diagram.criticalCentral'), (r) => r.entity.tier === 'critical' && r.entity.decentralised !== true, 'critical'],
    [t(lang, 'diagram.comfort'), (r) => r.entity.tier !== 'critical', 'comfort'],
  ];
  // One hop of hard dependencies from each system, then guests to their hosts.
  const deps: Edge[] = [];
  for (const s of systems) {
    for (const e of ctx.graph.outgoing.get(s.key) ?? []) if (HARD_RELATIONS.has(e.relation) || e.relation === 'enhancedBy') deps.push(e);
  }
  const targets = uniq(deps.map((e) => e.to)).map((k) => ctx.records.get(k)).filter((r): r is EntityRecord => !!r && r.kind !== 'system');
  const hostOf = (r: EntityRecord) => `host:${String(r.entity.host)}`;
  const hostsOfGuests = uniq(targets.filter((r) => r.kind === 'guest').map(hostOf))
    .map((k) => ctx.records.get(k))
    .filter((r): r is EntityRecord => !!r);
  const make = (level: 0 | 1 | 2) => (): DiagramSpec => {
    const description = summarised(base, level, lang);
    const b = new Flowchart('LR', title, description, hrefFor);
    const place = (r: EntityRecord, extra: string[] = []) =>
      b.node(r.key, entityLabel(r, lang, BOX), { shape: shapeOf(r), classes: [...extra, ...lifecycleClasses(r)] });
    if (level === 2) {
      const groupOf = new Map<string, string>();
      groups.forEach(([label, test, cls], i) => {
        const members = systems.filter(test);
        if (!members.length) return;
        b.node(`summary:systems:${i}`, `${label}\n${countLabel(members, 'system', lang)}`, { classes: [cls], link: false });
        for (const m of members) groupOf.set(m.key, `summary:systems:${i}`);
      });
      b.subgraph(t(lang, 'diagram.whatTheyNeed'), () => {
        // Every kind a system may need has its box: these first, then any other in registry order.
        const first: EntityKind[] = ['network', 'power', 'storage', 'capability', 'guest', 'host'];
        for (const kind of [...first, ...ENTITY_KINDS.filter((k) => k !== 'system' && !first.includes(k))]) {
          const members = [...targets, ...hostsOfGuests].filter((r) => r.kind === kind);
          if (members.length) b.node(`summary:needs:${kind}`, countLabel(uniq(members), kind, lang), { shape: 'box', link: false });
          for (const m of members) groupOf.set(m.key, `summary:needs:${kind}`);
        }
      });
      for (const e of deps) if (ctx.records.has(e.to)) b.placedEdge(groupOf.get(e.from) ?? '', groupOf.get(e.to) ?? '');
      for (const r of targets.filter((x) => x.kind === 'guest')) b.edge(`summary:needs:guest`, `summary:needs:host`);
    } else {
      for (const [label, test, cls] of groups) b.subgraph(label, () => systems.filter(test).forEach((r) => place(r, [cls])));
      b.subgraph(t(lang, 'diagram.whatTheyNeed'), () => {
        targets.filter((r) => r.kind !== 'host' && (level === 0 || r.kind !== 'guest')).forEach((r) => place(r));
        [...targets.filter((r) => r.kind === 'host'), ...hostsOfGuests].forEach((r) => place(r));
      });
      for (const e of deps) {
        const to = ctx.records.get(e.to);
        // Summarised: a system that needs a guest points at the guest's host.
        if (level === 1 && to?.kind === 'guest') b.edge(e.from, hostOf(to), { style: relationStyle(ctx, e) });
        else b.edge(e.from, e.to, { style: relationStyle(ctx, e) });
      }
      if (level === 0) {
        for (const r of targets.filter((x) => x.kind === 'guest')) b.edge(r.key, hostOf(r), { style: edgeStyle(ctx, r.key, hostOf(r)) });
      }
    }
    return { id: `architecture-${lang}`, source: 'architecture (systems)', title, description, mermaid: b.toString() };
  };
  return withinBudget([make(0), make(1), make(2)]);
}

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
    // Dashed: assumed (the legend says so); a redundancy group's arrows say "én av" and nothing more.
    for (const e of feeds) {
      const label = e.group && level === 0 ? t(lang, 'diagram.anyOf') : undefined;
      used.add(assumedStyle(e));
      b.edge(at(e.to), at(e.from), { ...(label ? { label } : {}), style: assumedStyle(e) });
    }
    for (const e of internal) {
      if (at(e.to) === at(e.from)) continue;
      used.add(assumedStyle(e));
      b.edge(at(e.to), at(e.from), { style: assumedStyle(e) });
    }
    legend(b, lang, used, TOPOLOGY_LINE_WORDS);
    return { id: `power-${lang}`, source: 'power', title, description, mermaid: b.toString() };
  };
  return withinBudget([make(0), make(1), make(2)]);
}

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
        list.push({ from: l.ref, to: l.add, relation: l.relation, assumed: l.assumed ?? false, change: 'add', ...(l.via ? { via: localized(l.via, lang) } : {}) });
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
        ((added.has(e.from) || (changed.has(e.from) && (touched.size === 0 || touched.has(e.relation) || e.relation === 'runsOn'))) ||
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
    const description = t(lang, when === 'before' ? 'diagram.plan.beforeDescription' : 'diagram.plan.afterDescription', { plan: planTitle });
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
      b.subgraph(displayName(ctx.records.get(loc)!.entity, lang), () => {
        keys.filter((k) => locationIn(when, ctx.records.get(k)!) === loc).forEach(place);
      }, undefined, loc);
    }
    keys.filter((k) => !b.has(k)).forEach(place);
    const used = new Set<LineStyle>();
    for (const e of when === 'before' ? before : after) {
      if (!relevant(e) || !b.has(e.from) || !b.has(e.to)) continue;
      const style: LineStyle = e.change ? (e.assumed ? 'thickDashed' : 'thick') : e.assumed ? 'dashed' : 'solid';
      used.add(style === 'thickDashed' ? 'thick' : style);
      if (style === 'thickDashed') used.add('dashed');
      const label = e.change === 'remove' ? t(lang, 'diagram.removed') : e.change === 'add' ? (e.via ?? t(lang, 'diagram.added')) : undefined;
      b.edge(e.to, e.from, { style, ...(label ? { label } : {}) });
    }
    legend(b, lang, used, { ...TOPOLOGY_LINE_WORDS, thick: when === 'before' ? 'diagram.lineRemoved' : 'diagram.lineAdded' });
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
