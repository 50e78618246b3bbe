/**
 * Model (and analysis) → DiagramSpec. Every function here is pure: same input, same text.
 * Layout choices are documented where they are made; labels are localized and escaped by Flowchart.
 */
import type { Model } from '../model/schema/model.ts';
import { displayName, indexEntities, localized, type EntityRecord, type Lang } from '../model/entities.ts';
import { buildGraph, HARD_RELATIONS, type Edge, type Graph, type Relation } from '../analysis/graph.ts';
import type { PhaseResult, State } from '../analysis/types.ts';
import { Flowchart, type LineStyle, type Shape } from './flowchart.ts';
import { KIND_LABEL, RELATION_LABEL, STATE_LABEL, STATE_MARK, SUBKIND_LABEL, WORDS, t } from './i18n.ts';
import { safeId } from './escape.ts';
import type { DiagramSpec, HrefFor } from './types.ts';

type Records = Map<string, EntityRecord>;

interface Ctx {
  model: Model;
  graph: Graph;
  records: Records;
  lang: Lang;
}

function context(model: Model, lang: Lang, graph?: Graph): Ctx {
  const g = graph ?? buildGraph(model);
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
        b.subgraph(t(word, lang), () => members.forEach(placeNode), 'LR');
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
// Public generators

/** Buildings → network → Proxmox host → guests by tier; stopped and planned dashed and marked. */
export function topologyDiagram(model: Model, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const title = lang === 'nb' ? `Topologi: ${model.site.name}` : `Topology: ${model.site.name}`;
  const description =
    lang === 'nb'
      ? 'Bygg, nettverk, vertsmaskiner og gjestene deres. Piler går fra det som leverer til det som bruker. Stiplet: stoppet eller planlagt.'
      : 'Buildings, network, hosts and their guests. Arrows run from what provides to what uses it. Dashed: stopped or planned.';
  const b = new Flowchart('TB', title, description, hrefFor);
  drawTopology(b, ctx, {
    include: (r) => ['location', 'network', 'host', 'guest'].includes(r.kind),
    label: (r) => entityLabel(r, lang),
    classes: lifecycleClasses,
    edge: (a, z) => edgeStyle(ctx, a, z),
  });
  lifecycleLegend(b, lang);
  return { id: `topology-${lang}`, source: 'topology', title, description, mermaid: b.toString() };
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

/**
 * The topology (plus power and capabilities) in the state of one scenario phase. Readable without
 * colour: a mark in each label (✓ ! ✗), a distinct border per state, and a legend.
 */
export function failureDiagram(model: Model, phase: PhaseResult, scenarioId: string, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const scenario = model.scenarios.find((s) => s.id === scenarioId);
  const scenarioTitle = scenario ? localized(scenario.title, lang) : scenarioId;
  const phaseTitle = localized(phase.title, lang);
  const title = `${scenarioTitle}: ${phaseTitle}`;
  const counts: Record<State, number> = { ok: 0, degraded: 0, down: 0 };
  for (const o of Object.values(phase.outcomes)) counts[o.state]++;
  const failedNames = phase.failed.map((k) => (ctx.records.get(k) ? displayName(ctx.records.get(k)!.entity, lang) : k));
  const description =
    lang === 'nb'
      ? `Feilet: ${failedNames.join(', ') || 'ingenting'}. ${counts.down} nede, ${counts.degraded} redusert, ${counts.ok} virker. Hvert merke står i teksten: ✓ virker, ! redusert, ✗ nede.`
      : `Failed: ${failedNames.join(', ') || 'nothing'}. ${counts.down} down, ${counts.degraded} degraded, ${counts.ok} ok. Each label carries its mark: ✓ ok, ! degraded, ✗ down.`;
  const stateOf = (key: string): State => phase.outcomes[key]?.state ?? 'ok';
  const label = (r: EntityRecord) => `${STATE_MARK[stateOf(r.key)]} ${entityLabel(r, lang)}`;
  const b = new Flowchart('TB', title, description, hrefFor);
  const include = (r: EntityRecord) => r.key in phase.outcomes;
  const deco: Decoration = {
    include: (r) => include(r) && ['location', 'network', 'host', 'guest'].includes(r.kind),
    label: (r) => (r.kind === 'location' ? displayName(r.entity, lang) : label(r)),
    classes: (r) => [stateOf(r.key)],
    edge: (upstream) => (stateOf(upstream) === 'down' ? 'dashed' : stateOf(upstream) === 'degraded' ? 'dashed' : 'solid'),
  };
  drawTopology(b, ctx, deco);
  const power = [...ctx.records.values()].filter((r) => r.kind === 'power' && include(r));
  b.subgraph(t(WORDS.power, lang), () => {
    for (const r of power) b.node(r.key, label(r), { shape: shapeOf(r), classes: [stateOf(r.key)] });
  }, 'LR');
  for (const edge of ctx.graph.edges) {
    if (edge.relation !== 'poweredBy' || !b.has(edge.from) || !b.has(edge.to)) continue;
    b.edge(edge.to, edge.from, { style: deco.edge(edge.to, edge.from) });
  }
  const caps = [...ctx.records.values()].filter((r) => r.kind === 'capability' && include(r));
  b.subgraph(t(WORDS.capabilities, lang), () => {
    for (const state of ['down', 'degraded', 'ok'] as const) {
      const list = caps.filter((r) => stateOf(r.key) === state);
      if (!list.length) continue;
      b.subgraph(`${STATE_MARK[state]} ${t(STATE_LABEL[state], lang)}`, () => {
        for (const r of list) b.node(r.key, label(r), { shape: shapeOf(r), classes: [state] });
      }, 'LR');
    }
  });
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
}

/** Critical systems (decentralised or not) vs comfort systems, and what each needs directly. */
export function architectureDiagram(model: Model, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const title = lang === 'nb' ? 'Arkitektur: kritiske og komfortsystemer' : 'Architecture: critical and comfort systems';
  const description =
    lang === 'nb'
      ? 'Systemene gruppert etter nivå. Pilene viser hva hvert system trenger direkte, og hvor gjestene kjører. Et kritisk system med pil til Proxmox-verten tåler ikke at den går ned.'
      : 'The systems grouped by tier. Arrows show what each system needs directly, and where the guests run. A critical system with a path to the Proxmox host does not survive it going down.';
  const b = new Flowchart('LR', title, description, hrefFor);
  const systems = [...ctx.records.values()].filter((r) => r.kind === 'system');
  const place = (r: EntityRecord, extra: string[] = []) =>
    b.node(r.key, entityLabel(r, lang), { shape: shapeOf(r), classes: [...extra, ...lifecycleClasses(r)] });
  const groups: Array<[string, (r: EntityRecord) => boolean, string]> = [
    [t(WORDS.criticalDecentral, lang), (r) => r.entity.tier === 'critical' && r.entity.decentralised === true, 'critical'],
    [t(WORDS.criticalCentral, lang), (r) => r.entity.tier === 'critical' && r.entity.decentralised !== true, 'critical'],
    [t(WORDS.comfort, lang), (r) => r.entity.tier !== 'critical', 'comfort'],
  ];
  for (const [label, test, cls] of groups) b.subgraph(label, () => systems.filter(test).forEach((r) => place(r, [cls])));
  // One hop of hard dependencies from each system, then guests to their hosts.
  const deps: Edge[] = [];
  for (const s of systems) {
    for (const e of ctx.graph.outgoing.get(s.key) ?? []) if (HARD_RELATIONS.has(e.relation) || e.relation === 'enhancedBy') deps.push(e);
  }
  const targets = uniq(deps.map((e) => e.to)).map((k) => ctx.records.get(k)).filter((r): r is EntityRecord => !!r && r.kind !== 'system');
  const hostsOfGuests = uniq(
    targets.filter((r) => r.kind === 'guest').map((r) => `host:${String(r.entity.host)}`),
  )
    .map((k) => ctx.records.get(k))
    .filter((r): r is EntityRecord => !!r);
  b.subgraph(lang === 'nb' ? 'Det de trenger' : 'What they need', () => {
    targets.filter((r) => r.kind !== 'host').forEach((r) => place(r));
    [...targets.filter((r) => r.kind === 'host'), ...hostsOfGuests].forEach((r) => place(r));
  });
  for (const e of deps) b.edge(e.from, e.to, { style: relationStyle(ctx, e) });
  for (const r of targets.filter((x) => x.kind === 'guest')) b.edge(r.key, `host:${String(r.entity.host)}`, { style: edgeStyle(ctx, r.key, `host:${String(r.entity.host)}`) });
  return { id: `architecture-${lang}`, source: 'architecture (systems)', title, description, mermaid: b.toString() };
}

/** Power sources and stores, and what each one carries; planned parts dashed. */
export function powerDiagram(model: Model, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const title = lang === 'nb' ? 'Strøm: kilder og forbrukere' : 'Power: sources and loads';
  const description =
    lang === 'nb'
      ? 'Strømnett, UPS og det de forsyner. Planlagte deler (sol, batteri, inverter, aggregat) er stiplet. Pilene går fra kilde til forbruker.'
      : 'Grid, UPS and what they carry. Planned parts (solar, battery, inverter, generator) are dashed. Arrows run from source to load.';
  const b = new Flowchart('LR', title, description, hrefFor);
  const power = [...ctx.records.values()].filter((r) => r.kind === 'power');
  const powerKeys = new Set(power.map((r) => r.key));
  b.subgraph(t(WORDS.power, lang), () => {
    for (const r of power) b.node(r.key, entityLabel(r, lang), { shape: shapeOf(r), classes: lifecycleClasses(r) });
  });
  const feeds = ctx.graph.edges.filter((e) => e.relation === 'poweredBy' && powerKeys.has(e.to));
  const loads = uniq(feeds.map((e) => e.from).filter((k) => !powerKeys.has(k)))
    .map((k) => ctx.records.get(k))
    .filter((r): r is EntityRecord => !!r);
  b.subgraph(lang === 'nb' ? 'Forbrukere' : 'Loads', () => {
    for (const r of loads) b.node(r.key, entityLabel(r, lang), { shape: shapeOf(r), classes: lifecycleClasses(r) });
  });
  for (const e of feeds) {
    const label = e.group ? t(WORDS.anyOf, lang) : undefined;
    b.edge(e.to, e.from, { ...(label ? { label } : {}), style: edgeStyle(ctx, e.to, e.from) });
  }
  // Planned power entities may also link by dependsOn/connectsVia (an inverter to its battery).
  for (const e of ctx.graph.edges) {
    if (e.relation !== 'poweredBy' && powerKeys.has(e.from) && powerKeys.has(e.to) && HARD_RELATIONS.has(e.relation)) {
      b.edge(e.to, e.from, { style: edgeStyle(ctx, e.to, e.from) });
    }
  }
  lifecycleLegend(b, lang);
  return { id: `power-${lang}`, source: 'power', title, description, mermaid: b.toString() };
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
