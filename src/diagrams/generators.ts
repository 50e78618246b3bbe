/**
 * Model (and analysis) → DiagramSpec. Every function here is pure: same input, same text.
 * Layout choices are documented where they are made; labels are localized and escaped by Flowchart.
 */
import type { Model } from '../model/schema/model.ts';
import { displayName, indexEntities, localized, type EntityRecord, type Lang } from '../model/entities.ts';
import { buildGraph, HARD_RELATIONS, type Edge, type Graph, type Relation } from '../analysis/graph.ts';
import type { PhaseResult, State } from '../analysis/types.ts';
import { Flowchart, type LineStyle, type Shape } from './flowchart.ts';
import { KIND_LABEL, KIND_PLURAL, RELATION_LABEL, STATE_LABEL, STATE_MARK, SUBKIND_LABEL, WORDS, countOf, t } from './i18n.ts';
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

/** "frigate" + second line "LXC 105", "Proxmox", "switch ×3"…, + "(stoppet)" / "(planlagt)". */
export function entityLabel(record: EntityRecord, lang: Lang, options: { status?: boolean } = {}): string {
  const e = record.entity;
  const lines = [displayName(e, lang)];
  let detail = '';
  if (record.kind === 'guest') {
    detail = `${t(e.kind === 'qemu' ? WORDS.qemu : WORDS.lxc, lang)} ${String(e.vmid)}`;
  } else if (typeof e.kind === 'string' && SUBKIND_LABEL[e.kind] && record.kind !== 'location') {
    detail = t(SUBKIND_LABEL[e.kind]!, lang);
    // "UPS / UPS", "Mains grid / grid": the kind adds nothing when the name already says it.
    if (lines[0]!.toLowerCase().includes(detail.toLowerCase())) detail = '';
    if (typeof e.count === 'number' && e.count > 1) detail += `${detail ? ' ' : ''}×${e.count}`;
  } else if (record.kind === 'capability' || record.kind === 'system') {
    detail = '';
  }
  if (options.status !== false) {
    if (isStopped(record)) detail = detail ? `${detail} (${t(WORDS.stopped, lang)})` : `(${t(WORDS.stopped, lang)})`;
    else if (isPlanned(record)) detail = detail ? `${detail} (${t(WORDS.planned, lang)})` : `(${t(WORDS.planned, lang)})`;
  }
  if (detail) lines.push(detail);
  return lines.join('\n');
}

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
    ['critical', WORDS.tierCriticalCount],
    ['comfort', WORDS.tierComfortCount],
    ['other', WORDS.tierOtherCount],
  ] as const) {
    const n = guests.filter((g) => guestTier(ctx, g.key) === tier).length;
    if (n) lines.push(`${n} ${t(words[n === 1 ? 0 : 1], lang)}`);
  }
  const stopped = guests.filter(isStopped).length;
  if (stopped) lines.push(`(${stopped} ${t(WORDS.stopped, lang)})`);
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
  const links = all.filter((r) => r.kind === 'network' && r.entity.kind === 'link');
  const locations = all.filter((r) => r.kind === 'location');
  const guests = guestsByHostOf(ctx);
  const place = (r: EntityRecord) => {
    b.node(r.key, entityLabel(r, lang), { shape: shapeOf(r), classes: lifecycleClasses(r) });
    const list = r.kind === 'host' ? guests.get(r.key) : undefined;
    if (list?.length) {
      b.node(`guests:${r.key}`, guestSummaryLabel(ctx, r, list), {
        shape: 'round',
        classes: list.every(isStopped) ? ['stopped'] : ['summary'],
        linkTo: r.key,
      });
    }
  };

  b.subgraph(t(WORDS.internet, lang), () => isps.forEach(place), 'LR');
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
  b.subgraph(t(WORDS.locationUnknown, lang), () => devices.filter((r) => !b.has(r.key)).forEach(place));

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
    const ends = ((link.entity.between as string[] | undefined) ?? []).map((loc) => b.subgraphIdOf(loc.includes(':') ? loc : `location:${loc}`));
    ends.forEach((id, i) => {
      if (!id) return;
      used.add('solid');
      if (i === 0) b.edgeIds(id, linkId, { style: 'solid' });
      else b.edgeIds(linkId, id, { style: 'solid' });
    });
  }
}

/** Sample arrows for the line styles a diagram uses: "—— dokumentert", "- - antatt", "══ ny". */
function lineLegend(b: Flowchart, lang: Lang, used: Set<LineStyle>, words: Partial<Record<LineStyle, { nb: string; en: string }>>): void {
  for (const style of ['solid', 'dashed', 'thick'] as const) {
    const word = words[style];
    if (!used.has(style) || !word) continue;
    const from = b.node(`legend:line:${style}`, t(word, lang), { classes: ['legendline'], link: false });
    const to = b.node(`legend:line:${style}:end`, ' ', { classes: ['legendline'], link: false });
    b.edgeIds(from, to, { style });
  }
}

const TOPOLOGY_LINE_WORDS = { solid: WORDS.lineStated, dashed: WORDS.lineAssumed };

/** The legend: the lifecycle classes the diagram uses, and sample arrows for its line styles. */
function legend(b: Flowchart, lang: Lang, used: Set<LineStyle>, words: Partial<Record<LineStyle, { nb: string; en: string }>>): void {
  const classes = (['stopped', 'planned'] as const).filter((cls) => b.usesClass(cls));
  b.subgraph(t(WORDS.legend, lang), () => {
    for (const cls of classes) b.node(`legend:${cls}`, `(${t(WORDS[cls], lang)})`, { classes: [cls], link: false });
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
  return level ? `${description} ${t(WORDS.summarised, lang)}` : description;
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
    stopped ? `${stopped} ${t(WORDS.stopped, lang)}` : '',
    planned ? `${planned} ${t(WORDS.planned, lang)}` : '',
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
    if (r.entity.kind === 'isp') add('summary:isp', t(WORDS.internet, lang), undefined, r);
    else if (r.entity.kind === 'link') add('summary:links', t(WORDS.links, lang), undefined, r);
    else {
      const loc = topLocation(ctx, r);
      if (loc) add(`summary:${loc}`, displayName(records.get(loc)!.entity, lang), loc, r);
      else add('summary:elsewhere', t(WORDS.otherPlaces, lang), undefined, r);
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
  const title = lang === 'nb' ? `Topologi: ${model.site.name}` : `Topology: ${model.site.name}`;
  const base =
    lang === 'nb'
      ? 'Fra internett gjennom gatewayen og switchene til aksesspunkter, forbindelser og maskiner, i bygget de står i. Gjestene på hver maskin er talt opp etter nivå i én boks. Heltrukket pil: dokumentert kobling; stiplet: antatt. Stiplet ramme: stoppet eller planlagt.'
      : 'From the internet through the gateway and the switches to access points, links and machines, in the building they stand in. The guests on each machine are counted by tier in one box. Solid arrow: a documented link; dashed: assumed. Dashed border: stopped or planned.';
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

/** A legend for the lifecycle classes the diagram uses (none when it uses neither). */
function lifecycleLegend(b: Flowchart, lang: Lang): void {
  const used = (['stopped', 'planned'] as const).filter((cls) => b.usesClass(cls));
  b.subgraph(t(WORDS.legend, lang), () => {
    for (const cls of used) b.node(`legend:${cls}`, `(${t(WORDS[cls], lang)})`, { classes: [cls], link: false });
  }, 'LR');
}

/** One hop each way around an entity, with the relation names on the edges. */
export function neighbourhoodDiagram(model: Model, graph: Graph, key: string, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang, graph);
  const center = ctx.records.get(key);
  if (!center) throw new Error(`neighbourhoodDiagram: unknown entity ${key}`);
  const name = displayName(center.entity, lang);
  const out = graph.outgoing.get(key) ?? [];
  const inc = graph.incoming.get(key) ?? [];
  const title = lang === 'nb' ? `Naboskap: ${name}` : `Neighbourhood: ${name}`;
  const description =
    lang === 'nb'
      ? `${name} avhenger av ${countWord(uniq(out.map((e) => e.to)).length, lang)} og brukes av ${countWord(uniq(inc.map((e) => e.from)).length, lang)}. Pilene leses som setninger: A avhenger av B.`
      : `${name} depends on ${countWord(uniq(out.map((e) => e.to)).length, lang)} and is used by ${countWord(uniq(inc.map((e) => e.from)).length, lang)}. Read each arrow as a sentence: A depends on B.`;
  const b = new Flowchart('LR', title, description, hrefFor);
  const place = (r: EntityRecord, classes: string[]) => b.node(r.key, entityLabel(r, lang), { shape: shapeOf(r), classes });
  // Incoming first so the layout reads left (users) → centre → right (what it needs).
  for (const e of inc) {
    const r = ctx.records.get(e.from);
    if (r && e.from !== key) place(r, lifecycleClasses(r));
  }
  place(center, ['focus', ...lifecycleClasses(center)]);
  for (const e of out) {
    const r = ctx.records.get(e.to);
    if (r && e.to !== key) place(r, lifecycleClasses(r));
  }
  for (const e of [...inc, ...out]) b.edge(e.from, e.to, { label: relationLabel(e, lang), style: relationStyle(ctx, e) });
  return {
    id: `neighbourhood-${safeId(key.replace(':', '-'))}-${lang}`,
    source: key,
    title,
    description,
    mermaid: b.toString(),
  };
}

/** Whether an entity has any relation to draw (scenarios and notes usually have none). */
export function hasNeighbours(graph: Graph, key: string): boolean {
  return (graph.outgoing.get(key)?.length ?? 0) + (graph.incoming.get(key)?.length ?? 0) > 0;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function countWord(n: number, lang: Lang): string {
  if (lang === 'nb') return n === 1 ? '1 ting' : `${n} ting`;
  return n === 1 ? '1 thing' : `${n} things`;
}

function relationLabel(e: Edge, lang: Lang): string {
  let label = t(RELATION_LABEL[e.relation], lang);
  if (e.group) label += ` (${t(WORDS.anyOf, lang)})`;
  if (e.assumed) label += ` (${t(WORDS.assumed, lang)})`;
  return label;
}

function relationStyle(ctx: Ctx, e: Edge): LineStyle {
  if (e.relation === 'enhancedBy' || e.relation === 'locatedIn') return 'dashed';
  return edgeStyle(ctx, e.from, e.to);
}

/** Kinds a failure diagram can draw (locations are the boxes around them). */
const STATE_KINDS: ReadonlySet<string> = new Set(['network', 'host', 'guest', 'power', 'storage', 'system', 'capability']);
/** Relations along which a failure travels (and enhancedBy, which degrades). */
const FAILURE_RELATIONS: ReadonlySet<Relation> = new Set([...HARD_RELATIONS, 'enhancedBy']);

/**
 * The blast radius of one scenario phase: every entity that is not ok, the failed roots, and one hop
 * of the ok things they depend on or that still carry them (the surviving member of an anyOf
 * group: "camera recording: degraded" shows UniFi Protect ✓ beside Frigate ✗). The rest of the
 * model is ok and left out; the description says how many, and the page lists them in text.
 * Readable without colour: a mark in each label (✓ ! ✗), a distinct border per state, a legend.
 *
 * Layout: network and hosts inside their buildings with each host's guests by tier (as the
 * topology), then power, storage, systems, and capabilities by state; arrows run from what
 * provides to what uses it, dashed when the provider is not ok. Over DIAGRAM_BUDGET: a host's
 * guests become one box per tier, and storage, systems and capabilities one box per state.
 */
/** What a failure diagram of one phase draws, the same in every language (failureSelection). */
interface FailureSelection {
  counts: Record<State, number>;
  /** Everything not ok because of the scenario, and what those depend on. */
  shown: Set<string>;
  /** Of those, ok things drawn as what a failed thing depends on. */
  okShown: number;
  /** Not ok for a reason older than the scenario: not drawn. */
  before: number;
}

const FAILURE_SELECTIONS = new WeakMap<Graph, WeakMap<PhaseResult, FailureSelection>>();

/**
 * Which entities a phase's failure diagram draws. It reads every outcome of the phase, so it is
 * worked out once per phase (and graph) and shared by the languages: a 100× model has ~1 200 phases
 * of ~8 000 outcomes each.
 */
function failureSelection(records: Map<string, EntityRecord>, graph: Graph, phase: PhaseResult): FailureSelection {
  let byPhase = FAILURE_SELECTIONS.get(graph);
  if (!byPhase) FAILURE_SELECTIONS.set(graph, (byPhase = new WeakMap()));
  const known = byPhase.get(phase);
  if (known) return known;
  const outcomes = phase.outcomes;
  const stateOf = (key: string): State => outcomes[key]?.state ?? 'ok';
  const counts: Record<State, number> = { ok: 0, degraded: 0, down: 0 };
  const shown = new Set<string>();
  const failed = new Set(phase.failed);
  // Not ok for a reason older than the scenario (a stopped guest and what needs it): the baseline
  // shows those; drawing them in every phase would put every stopped guest of a big model in
  // every failure diagram.
  let before = 0;
  for (const key in outcomes) {
    const o = outcomes[key]!;
    counts[o.state]++;
    if (o.state === 'ok' || !STATE_KINDS.has(records.get(key)?.kind ?? '')) continue;
    if (failed.has(key) || o.causes.some((c) => c.chain.some((k) => failed.has(k)))) shown.add(key);
    else before++;
  }
  for (const key of phase.failed) if (records.has(key) && key in outcomes) shown.add(key);
  let okShown = 0;
  for (const key of [...shown]) {
    for (const e of graph.outgoing.get(key) ?? []) {
      if (!FAILURE_RELATIONS.has(e.relation) || shown.has(e.to) || !(e.to in outcomes)) continue;
      if (!STATE_KINDS.has(records.get(e.to)?.kind ?? '')) continue;
      shown.add(e.to);
      if (stateOf(e.to) === 'ok') okShown++;
    }
  }
  const selection = { counts, shown, okShown, before };
  byPhase.set(phase, selection);
  return selection;
}

export function failureDiagram(model: Model, phase: PhaseResult, scenarioId: string, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const { records, graph } = ctx;
  const scenario = model.scenarios.find((s) => s.id === scenarioId);
  const scenarioTitle = scenario ? localized(scenario.title, lang) : scenarioId;
  const phaseTitle = localized(phase.title, lang);
  const title = `${scenarioTitle}: ${phaseTitle}`;
  const stateOf = (key: string): State => phase.outcomes[key]?.state ?? 'ok';
  const { counts, shown, okShown, before } = failureSelection(records, graph, phase);
  const okHidden = Math.max(0, counts.ok - okShown - [...shown].filter((k) => stateOf(k) === 'ok' && phase.failed.includes(k)).length);
  const failedNames = phase.failed.map((k) => (records.get(k) ? displayName(records.get(k)!.entity, lang) : k));
  const base =
    lang === 'nb'
      ? `Feilet: ${failedNames.join(', ') || 'ingenting'}. ${counts.down} nede, ${counts.degraded} redusert, ${counts.ok} virker. Tegnet: alt som ikke virker, og det de er avhengige av. ${okHidden === 1 ? '1 annen ting virker og er ikke tegnet' : `${okHidden} andre ting virker og er ikke tegnet`}.${before ? ` ${before} var nede eller redusert allerede før (stoppet eller avhengig av noe stoppet) og er ikke tegnet.` : ''} Hvert merke står i teksten: ✓ virker, ! redusert, ✗ nede.`
      : `Failed: ${failedNames.join(', ') || 'nothing'}. ${counts.down} down, ${counts.degraded} degraded, ${counts.ok} ok. Drawn: everything that is not ok, and what it depends on. ${okHidden === 1 ? '1 other thing is ok and not drawn' : `${okHidden} other things are ok and not drawn`}.${before ? ` ${before} ${before === 1 ? 'was' : 'were'} down or degraded already before (stopped, or needing something stopped) and ${before === 1 ? 'is' : 'are'} not drawn.` : ''} Each label carries its mark: ✓ ok, ! degraded, ✗ down.`;
  const label = (r: EntityRecord) => `${STATE_MARK[stateOf(r.key)]} ${entityLabel(r, lang)}`;
  const lineOf = (upstream: string): LineStyle => (stateOf(upstream) === 'ok' ? 'solid' : 'dashed');
  const ofKind = (kind: string) => [...shown].map((k) => records.get(k)!).filter((r) => r.kind === kind);
  const byState = (list: EntityRecord[]) =>
    (['down', 'degraded', 'ok'] as const).map((state) => [state, list.filter((r) => stateOf(r.key) === state)] as const).filter(([, l]) => l.length);
  const worst = (list: EntityRecord[]): State =>
    list.some((r) => stateOf(r.key) === 'down') ? 'down' : list.some((r) => stateOf(r.key) === 'degraded') ? 'degraded' : 'ok';

  const make = (level: 0 | 1) => (): DiagramSpec => {
    const description = summarised(base, level, lang);
    const b = new Flowchart('LR', title, description, hrefFor);
    /** Summarised: which box an entity is drawn in. */
    const box = new Map<string, string>();
    const place = (r: EntityRecord) => b.node(r.key, label(r), { shape: shapeOf(r), classes: [stateOf(r.key)] });
    /** One box for many entities of a kind in one state (summarised drawings). */
    const summary = (key: string, list: EntityRecord[], state: State, linkTo?: string) => {
      b.node(key, `${STATE_MARK[state]} ${countOf(list.length, list[0]!.kind, lang)}: ${t(STATE_LABEL[state], lang)}`, {
        shape: shapeOf(list[0]!),
        classes: [state],
        ...(linkTo ? { linkTo } : { link: false }),
      });
      for (const r of list) box.set(r.key, key);
    };
    // No boxes around groups (buildings, guests of a host, capabilities by state): Mermaid lays out
    // subgraphs that arrows cross as wide rows; measured on Saghaugen's power cut: 3900-4600 px wide
    // with boxes (~3 pt on A4), 2500 with only the capabilities boxed, 1600 flat. So each kind is
    // listed in state order (✗, !, ✓) and the arrows, marks and legend carry the rest.
    for (const kind of ['power', 'network', 'host'] as const) byState(ofKind(kind)).forEach(([, l]) => l.forEach(place));
    const guestsByHost = new Map<string, EntityRecord[]>();
    for (const g of ofKind('guest')) {
      const host = `host:${String(g.entity.host)}`;
      if (!guestsByHost.has(host)) guestsByHost.set(host, []);
      guestsByHost.get(host)!.push(g);
    }
    for (const [host, guests] of guestsByHost) {
      for (const [state, list] of byState(guests)) {
        if (level === 0) list.forEach(place);
        else summary(`summary:${host}:${state}`, list, state, records.has(host) ? host : undefined);
      }
    }
    for (const kind of ['storage', 'system'] as const) {
      for (const [state, list] of byState(ofKind(kind))) {
        if (level === 0) list.forEach(place);
        else summary(`summary:${kind}:${state}`, list, state);
      }
    }
    // Capabilities last: the end of every path.
    for (const [state, list] of byState(ofKind('capability'))) {
      if (level === 0) list.forEach(place);
      else summary(`summary:capability:${state}`, list, state);
    }
    // Provider → user, dashed when the provider is not ok (or the relation is only enhancedBy).
    for (const key of shown) {
      const user = records.get(key)!;
      for (const e of graph.outgoing.get(key) ?? []) {
        if (!FAILURE_RELATIONS.has(e.relation) || !shown.has(e.to)) continue;
        // Guest to guest: the guest pages say; drawn, they tangle the guests of a host.
        if (user.kind === 'guest' && records.get(e.to)!.kind === 'guest') continue;
        const from = box.get(e.to) ?? e.to;
        const to = box.get(key) ?? key;
        if (from === to) continue;
        b.edge(from, to, { style: e.relation === 'enhancedBy' ? 'dashed' : lineOf(e.to) });
      }
    }
    b.subgraph(t(WORDS.legend, lang), () => {
      for (const state of ['ok', 'degraded', 'down'] as const) {
        b.node(`legend:${state}`, `${STATE_MARK[state]} ${t(STATE_LABEL[state], lang)}`, { classes: [state], link: false });
      }
    }, 'LR');
    return {
      id: `failure-${safeId(scenarioId)}-${safeId(phase.id)}-${lang}`,
      source: `scenario:${scenarioId} phase ${phase.id}`,
      title,
      description,
      mermaid: b.toString(),
    };
  };
  return withinBudget([make(0), make(1)]);
}

/**
 * Critical systems (decentralised or not) vs comfort systems, and what each needs directly.
 * Over DIAGRAM_BUDGET: guests are left out (each system points at the host its guests run on);
 * then one box per group of systems and one per kind of thing they need, with counts.
 */
export function architectureDiagram(model: Model, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const title = lang === 'nb' ? 'Arkitektur: kritiske og komfortsystemer' : 'Architecture: critical and comfort systems';
  const base =
    lang === 'nb'
      ? 'Systemene gruppert etter nivå. Pilene viser hva hvert system trenger direkte, og hvor gjestene kjører. Et kritisk system med pil til Proxmox-verten tåler ikke at den går ned.'
      : 'The systems grouped by tier. Arrows show what each system needs directly, and where the guests run. A critical system with a path to the Proxmox host does not survive it going down.';
  const systems = [...ctx.records.values()].filter((r) => r.kind === 'system');
  const groups: Array<[string, (r: EntityRecord) => boolean, string]> = [
    [t(WORDS.criticalDecentral, lang), (r) => r.entity.tier === 'critical' && r.entity.decentralised === true, 'critical'],
    [t(WORDS.criticalCentral, lang), (r) => r.entity.tier === 'critical' && r.entity.decentralised !== true, 'critical'],
    [t(WORDS.comfort, lang), (r) => r.entity.tier !== 'critical', 'comfort'],
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
      b.node(r.key, entityLabel(r, lang), { shape: shapeOf(r), classes: [...extra, ...lifecycleClasses(r)] });
    if (level === 2) {
      const groupOf = new Map<string, string>();
      groups.forEach(([label, test, cls], i) => {
        const members = systems.filter(test);
        if (!members.length) return;
        b.node(`summary:systems:${i}`, `${label}\n${countLabel(members, 'system', lang)}`, { classes: [cls], link: false });
        for (const m of members) groupOf.set(m.key, `summary:systems:${i}`);
      });
      b.subgraph(lang === 'nb' ? 'Det de trenger' : 'What they need', () => {
        for (const kind of ['network', 'power', 'storage', 'capability', 'guest', 'host']) {
          const members = [...targets, ...hostsOfGuests].filter((r) => r.kind === kind);
          if (members.length) b.node(`summary:needs:${kind}`, countLabel(uniq(members), kind, lang), { shape: 'box', link: false });
          for (const m of members) groupOf.set(m.key, `summary:needs:${kind}`);
        }
      });
      for (const e of deps) b.edge(groupOf.get(e.from) ?? '', groupOf.get(e.to) ?? '');
      for (const r of targets.filter((x) => x.kind === 'guest')) b.edge(`summary:needs:guest`, `summary:needs:host`);
    } else {
      for (const [label, test, cls] of groups) b.subgraph(label, () => systems.filter(test).forEach((r) => place(r, [cls])));
      b.subgraph(lang === 'nb' ? 'Det de trenger' : 'What they need', () => {
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
  const title = lang === 'nb' ? 'Strøm: kilder og forbrukere' : 'Power: sources and loads';
  const base =
    lang === 'nb'
      ? 'Strømnett, UPS og det de forsyner. Planlagte deler (sol, batteri, inverter, aggregat) er stiplet. Pilene går fra kilde til forbruker.'
      : 'Grid, UPS and what they carry. Planned parts (solar, battery, inverter, generator) are dashed. Arrows run from source to load.';
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
    b.subgraph(t(WORDS.power, lang), () => {
      if (level < 2) {
        for (const r of power) b.node(r.key, entityLabel(r, lang), { shape: shapeOf(r), classes: lifecycleClasses(r) });
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
        const name = SUBKIND_LABEL[kind] ? t(SUBKIND_LABEL[kind]!, lang) : kind;
        b.node(k, `${name}\n${countLabel(members, 'power', lang)}`, { classes: lifecycleClasses(members[0]!), link: false });
      }
    });
    b.subgraph(lang === 'nb' ? 'Forbrukere' : 'Loads', () => {
      for (const r of loads) {
        if (level === 0) {
          b.node(r.key, entityLabel(r, lang), { shape: shapeOf(r), classes: lifecycleClasses(r) });
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
    for (const e of feeds) {
      const label = e.group && level === 0 ? t(WORDS.anyOf, lang) : undefined;
      b.edge(at(e.to), at(e.from), { ...(label ? { label } : {}), style: edgeStyle(ctx, e.to, e.from) });
    }
    for (const e of internal) if (at(e.to) !== at(e.from)) b.edge(at(e.to), at(e.from), { style: edgeStyle(ctx, e.to, e.from) });
    lifecycleLegend(b, lang);
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
    const title = `${planTitle} (${t(when === 'before' ? WORDS.before : WORDS.after, lang)})`;
    const description =
      when === 'before'
        ? lang === 'nb'
          ? `Slik det er i dag, rundt det planen «${planTitle}» endrer. Tykke piler er koblinger planen fjerner. Pilene går fra det som leverer til det som bruker; stiplet: antatt.`
          : `How it is today, around what the plan "${planTitle}" changes. Thick arrows are links the plan removes. Arrows run from what provides to what uses it; dashed: assumed.`
        : lang === 'nb'
          ? `Slik det blir etter planen «${planTitle}». Nytt er merket (ny), det som endres er merket (endres), og tykke piler er nye koblinger. Pilene går fra det som leverer til det som bruker; stiplet: antatt.`
          : `How it will be after the plan "${planTitle}". New parts are marked (new), changed parts (changes), and thick arrows are new links. Arrows run from what provides to what uses it; dashed: assumed.`;
    const b = new Flowchart('LR', title, description, hrefFor);
    const keys = [...drawnKeys].filter((k) => exists(when, k));
    const place = (k: string) => {
      const r = ctx.records.get(k)!;
      let label = entityLabel(r, lang, { status: when === 'before' || !changed.has(k) });
      let classes = lifecycleClasses(r);
      if (when === 'after' && added.has(k)) {
        label = `${entityLabel(r, lang, { status: false })}\n(${t(WORDS.added, lang)})`;
        classes = ['added'];
      } else if (changed.has(k)) {
        label += `\n(${t(WORDS.changes, lang)})`;
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
      const label = e.change === 'remove' ? t(WORDS.removed, lang) : e.change === 'add' ? (e.via ?? t(WORDS.added, lang)) : undefined;
      b.edge(e.to, e.from, { style, ...(label ? { label } : {}) });
    }
    legend(b, lang, used, { ...TOPOLOGY_LINE_WORDS, thick: when === 'before' ? WORDS.lineRemoved : WORDS.lineAdded });
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
