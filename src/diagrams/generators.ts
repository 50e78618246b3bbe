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
// Topology skeleton, shared by the topology and the failure diagrams

interface Decoration {
  include: (record: EntityRecord) => boolean;
  label: (record: EntityRecord) => string;
  classes: (record: EntityRecord) => string[];
  edge: (upstream: string, downstream: string) => LineStyle;
  /**
   * Summary mode: each tier of a host's guests is drawn as one node (linking to the host's page)
   * with this label and these classes, instead of one node per guest.
   */
  guestSummary?: (members: EntityRecord[], tierWord: string) => { label: string; classes: string[] };
}

const TOPOLOGY_RELATIONS: ReadonlySet<Relation> = new Set(['connectsVia', 'dependsOn', 'partOf']);

function drawTopology(b: Flowchart, ctx: Ctx, deco: Decoration): void {
  const { records, lang } = ctx;
  const all = [...records.values()].filter(deco.include);
  const placeNode = (r: EntityRecord) => b.node(r.key, deco.label(r), { shape: shapeOf(r), classes: deco.classes(r) });
  const network = all.filter((r) => r.kind === 'network');
  const hosts = all.filter((r) => r.kind === 'host');
  const guests = all.filter((r) => r.kind === 'guest');
  const locations = all.filter((r) => r.kind === 'location');
  const isp = network.filter((r) => r.entity.kind === 'isp');
  const links = network.filter((r) => r.entity.kind === 'link');
  const placed = [...network, ...hosts].filter((r) => r.entity.kind !== 'isp' && r.entity.kind !== 'link');

  b.subgraph(t(WORDS.internet, lang), () => isp.forEach(placeNode), 'LR');

  const guestsByHost = new Map<string, EntityRecord[]>();
  for (const g of guests) {
    const host = `host:${String(g.entity.host)}`;
    if (!guestsByHost.has(host)) guestsByHost.set(host, []);
    guestsByHost.get(host)!.push(g);
  }
  const guestGroups: Array<[string, string]> = [];
  const placeHost = (h: EntityRecord) => {
    placeNode(h);
    const list = guestsByHost.get(h.key);
    if (!list?.length) return;
    const sid = b.subgraph(`${t(WORDS.guestsOn, lang)} ${displayName(h.entity, lang)}`, () => {
      for (const [tier, word] of [
        ['critical', WORDS.tierCritical],
        ['comfort', WORDS.tierComfort],
        ['other', WORDS.tierOther],
      ] as const) {
        const members = list.filter((g) => guestTier(ctx, g.key) === tier);
        if (deco.guestSummary) {
          if (!members.length) continue;
          const { label, classes } = deco.guestSummary(members, t(word, lang));
          b.node(`summary:${h.key}:${tier}`, label, { shape: 'round', classes, linkTo: h.key });
        } else {
          b.subgraph(t(word, lang), () => members.forEach(placeNode), 'LR');
        }
      }
    });
    guestGroups.push([h.key, sid]);
  };
  const placeMember = (r: EntityRecord) => (r.kind === 'host' ? placeHost(r) : placeNode(r));

  const childrenOf = (locKey: string | undefined) => placed.filter((r) => locationOf(r) === locKey);
  const drawLocation = (loc: EntityRecord) => {
    b.subgraph(displayName(loc.entity, lang), () => {
      for (const sub of locations.filter((l) => locationOf(l) === loc.key)) drawLocation(sub);
      childrenOf(loc.key).forEach(placeMember);
    });
  };
  for (const loc of locations.filter((l) => !locationOf(l) || !records.has(locationOf(l)!))) drawLocation(loc);
  b.subgraph(t(WORDS.links, lang), () => links.forEach(placeNode), 'LR');
  // Things whose location is unknown or not drawn.
  placed.filter((r) => !b.has(r.key)).forEach(placeMember);

  // Upstream → downstream: Starlink → UDM-Pro → switches → host → guests.
  for (const edge of ctx.graph.edges) {
    if (!TOPOLOGY_RELATIONS.has(edge.relation)) continue;
    const from = records.get(edge.from);
    const to = records.get(edge.to);
    if (!from || !to || from.kind === 'guest' || to.kind === 'guest') continue;
    if (!b.has(edge.from) || !b.has(edge.to)) continue;
    b.edge(edge.to, edge.from, { style: deco.edge(edge.to, edge.from) });
  }
  for (const [hostKey, sid] of guestGroups) {
    if (sid) b.edgeIds(b.idOf(hostKey)!, sid, { label: t(WORDS.runs, lang), style: deco.edge(hostKey, hostKey) });
  }
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
 * Buildings → network → Proxmox host → guests by tier; stopped and planned dashed and marked.
 * Over DIAGRAM_BUDGET: guests as one box per host and tier; then one box per building.
 */
export function topologyDiagram(model: Model, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const title = lang === 'nb' ? `Topologi: ${model.site.name}` : `Topology: ${model.site.name}`;
  const base =
    lang === 'nb'
      ? 'Bygg, nettverk, vertsmaskiner og gjestene deres. Piler går fra det som leverer til det som bruker. Stiplet: stoppet eller planlagt.'
      : 'Buildings, network, hosts and their guests. Arrows run from what provides to what uses it. Dashed: stopped or planned.';
  const make = (level: 0 | 1 | 2) => (): DiagramSpec => {
    const description = summarised(base, level, lang);
    const b = new Flowchart('TB', title, description, hrefFor);
    if (level === 2) {
      drawTopologySummary(b, ctx);
    } else {
      drawTopology(b, ctx, {
        include: (r) => ['location', 'network', 'host', 'guest'].includes(r.kind),
        label: (r) => entityLabel(r, lang),
        classes: lifecycleClasses,
        edge: (a, z) => edgeStyle(ctx, a, z),
        ...(level === 1
          ? {
              guestSummary: (members: EntityRecord[], tierWord: string) => ({
                label: `${tierWord}\n${countLabel(members, 'guest', lang)}`,
                classes: members.every(isStopped) ? ['stopped'] : [],
              }),
            }
          : {}),
      });
      lifecycleLegend(b, lang);
    }
    return { id: `topology-${lang}`, source: 'topology', title, description, mermaid: b.toString() };
  };
  return withinBudget([make(0), make(1), make(2)]);
}

/** A legend for the lifecycle classes the diagram uses (none when it uses neither). */
function lifecycleLegend(b: Flowchart, lang: Lang): void {
  const used = (['stopped', 'planned'] as const).filter((cls) => b.usesClass(cls));
  b.subgraph(t(WORDS.legend, lang), () => {
    for (const cls of used) b.node(`legend:${cls}`, `(${t(WORDS[cls], lang)})`, { classes: [cls], link: false });
  }, 'LR');
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
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

/**
 * A plan before and after: the entities it adds or changes and their direct hard neighbours.
 * Before leaves out planned things; after marks what is new and what changes.
 */
export function planDiagrams(model: Model, planId: string, lang: Lang, hrefFor: HrefFor): { before: DiagramSpec; after: DiagramSpec } {
  const ctx = context(model, lang);
  const plan = model.plans.find((p) => p.id === planId);
  if (!plan) throw new Error(`planDiagrams: unknown plan ${planId}`);
  const planTitle = localized(plan.title, lang);
  const added = new Set(plan.adds ?? []);
  const changed = new Set((plan.changes ?? []).map((c) => c.ref));
  const focus = new Set([...added, ...changed]);
  // What the plan's entities need (and where they stand), and what uses the new ones. Not every
  // dependent of a changed entity: a changed host would pull in all its guests.
  const edges = ctx.graph.edges.filter(
    (e) =>
      (focus.has(e.from) && (HARD_RELATIONS.has(e.relation) || e.relation === 'enhancedBy' || e.relation === 'locatedIn')) ||
      (added.has(e.to) && (HARD_RELATIONS.has(e.relation) || e.relation === 'enhancedBy')),
  );
  const keys = uniq([...focus, ...edges.flatMap((e) => [e.from, e.to])]).filter((k) => ctx.records.has(k));
  const make = (when: 'before' | 'after'): DiagramSpec => {
    const exists = (k: string) => when === 'after' || !isPlanned(ctx.records.get(k)!);
    const title = `${planTitle} (${t(when === 'before' ? WORDS.before : WORDS.after, lang)})`;
    const description =
      when === 'before'
        ? lang === 'nb'
          ? `Slik det er i dag, rundt det planen «${planTitle}» endrer.`
          : `How it is today, around what the plan "${planTitle}" changes.`
        : lang === 'nb'
          ? `Slik det blir etter planen «${planTitle}». Nytt er stiplet og merket (ny), det som endres er merket (endres).`
          : `How it will be after the plan "${planTitle}". New parts are dashed and marked (new); changed parts are marked (changes).`;
    const b = new Flowchart('LR', title, description, hrefFor);
    // A neighbour is drawn only when an edge to it is drawn (both ends exist at this time).
    const linked = new Set(edges.filter((e) => exists(e.from) && exists(e.to)).flatMap((e) => [e.from, e.to]));
    for (const k of keys.filter((k) => exists(k) && (focus.has(k) || linked.has(k)))) {
      const r = ctx.records.get(k)!;
      let label = entityLabel(r, lang, { status: when === 'before' });
      let classes = lifecycleClasses(r);
      if (when === 'after' && added.has(k)) {
        label += `\n(${t(WORDS.added, lang)})`;
        classes = ['added'];
      } else if (when === 'after' && changed.has(k)) {
        label += `\n(${t(WORDS.changes, lang)})`;
        classes = ['changed'];
      } else if (when === 'after' && isPlanned(r)) {
        label += `\n(${t(WORDS.planned, lang)})`;
      }
      b.node(k, label, { shape: shapeOf(r), classes });
    }
    for (const e of edges) {
      if (!exists(e.from) || !exists(e.to)) continue;
      const style: LineStyle = when === 'after' && (added.has(e.from) || added.has(e.to)) ? 'dashed' : relationStyle(ctx, e);
      b.edge(e.from, e.to, { label: relationLabel(e, lang), style });
    }
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
