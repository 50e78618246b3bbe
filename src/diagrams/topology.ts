/**
 * The topology view: internet → gateway → switches → access points / mesh / hosts, inside their
 * buildings, each host's guests as one counted box; over the budget, one box per building. Pure.
 */
import type { Model } from '../model/schema/model.ts';
import { displayName, type EntityRecord, type Lang } from '../model/entities.ts';
import type { Edge, Relation } from '../model/graph.ts';
import { Flowchart, type LineStyle } from './flowchart.ts';
import { countOf, entityLabel, t } from '../i18n/store.ts';
import {
  assumedStyle,
  BOX,
  context,
  hostKeyOf,
  isStopped,
  legend,
  lifecycleClasses,
  LINE_WORDS,
  locationOf,
  placeOf,
  shapeOf,
  type Ctx,
} from './drawing.ts';
import { countLabel, summarised, withinBudget } from './budget.ts';
import type { DiagramSpec, HrefFor } from './types.ts';

/** Relations that say how things are linked on the network (uplink says where; connectsVia what it needs). */
const TOPOLOGY_RELATIONS: ReadonlySet<Relation> = new Set(['uplink', 'connectsVia', 'dependsOn', 'partOf']);

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
    const host = hostKeyOf(r);
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
    const host = rep.get(hostKeyOf(r));
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
      legend(b, lang, used, LINE_WORDS);
    }
    return { id: `topology-${lang}`, source: 'topology', title, description, mermaid: b.toString() };
  };
  return withinBudget([make(0), make(1)]);
}
