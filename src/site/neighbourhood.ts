/**
 * An entity's neighbourhood as data for an HTML drawing (src/components/Neighbourhood.astro):
 * what it needs on the left, the entity in the middle, what needs it on the right, with arrows
 * running from what provides to what uses it, as in the topology and failure diagrams.
 *
 * A star needs no layout engine, so it is not drawn by Mermaid: real links and text serve
 * readers, search and print better, and it costs nothing at build time. Pure.
 *
 * Every connector reads as a sentence from left to right, in the page's language:
 * "pve-core kjører frigate" (left column, the neighbour is the subject) and
 * "frigate trengs av Kameraopptak" (right column, the entity is the subject). The words are the
 * relations read from the provider's side, kept short; "assumed" is a line style (and words for
 * screen readers), not text on every connector.
 */
import { type Edge, type Graph, type Relation } from '../analysis/graph.ts';
import type { State } from '../analysis/types.ts';
import { STATE_MARK, stateLabel } from '../analysis/explain.ts';
import { displayName, type EntityRecord, type Lang } from '../model/entities.ts';
import { kindLabel, valueLabel } from '../i18n/ui.ts';
import { entityHref } from './urls.ts';

type T = Record<Lang, string>;

/**
 * Each relation read from the provider to the user, short: "pve-core kjører frigate",
 * "UPS forsyner pve-core", "Mosquitto trengs av Zigbee2MQTT".
 */
export const PROVIDER_VERB: Record<Relation, T> = {
  runsOn: { nb: 'kjører', en: 'runs' },
  dependsOn: { nb: 'trengs av', en: 'needed by' },
  enhancedBy: { nb: 'forbedrer', en: 'enhances' },
  poweredBy: { nb: 'forsyner', en: 'powers' },
  connectsVia: { nb: 'kobler opp', en: 'connects' },
  partOf: { nb: 'har del', en: 'has part' },
  locatedIn: { nb: 'rommer', en: 'houses' },
  uplink: { nb: 'gir nett', en: 'feeds' },
};

export const NEIGHBOURHOOD_WORDS = {
  needs: { nb: 'Det den trenger', en: 'What it needs' },
  neededBy: { nb: 'Det som trenger den', en: 'What needs it' },
  none: { nb: 'Ingenting.', en: 'Nothing.' },
  assumed: { nb: 'antatt', en: 'assumed' },
  assumedLegend: {
    nb: 'Stiplet linje: antatt, ikke dokumentert (tabellene over sier hvorfor).',
    en: 'Dashed line: assumed, not documented (the tables above say why).',
  },
  arrowLegend: {
    nb: 'Pilene går fra det som leverer til det som bruker.',
    en: 'Arrows run from what provides to what uses it.',
  },
  anyOfNeeds: { nb: 'én av disse holder', en: 'any one of these will do' },
  atLeastNeeds: { nb: 'minst {n} av disse', en: 'at least {n} of these' },
  anyOfUsers: { nb: 'har reserve', en: 'has a fallback' },
  stopped: { nb: 'stoppet', en: 'stopped' },
  planned: { nb: 'planlagt', en: 'planned' },
  stoppedLegend: { nb: 'Prikket ramme: stoppet.', en: 'Dotted border: stopped.' },
  plannedLegend: { nb: 'Stiplet ramme: planlagt.', en: 'Dashed border: planned.' },
  more: { nb: '… og {n} til (se tabellen over)', en: '… and {n} more (see the table above)' },
  title: { nb: 'Sammenhenger for {name}', en: 'Connections of {name}' },
  legend: { nb: 'Forklaring', en: 'Legend' },
} satisfies Record<string, T>;

export interface NeighbourConnector {
  relation: Relation;
  /** The provider's verb ("kjører"), read left to right. */
  verb: string;
  assumed: boolean;
}

export interface NeighbourBox {
  key: string;
  name: string;
  /** A second line: "LXC 105", "Switch ×3", the kind of the entity. */
  detail: string;
  href: string;
  lifecycle?: 'planned' | 'stopped';
  /** Only where something is not ok (a scenario, or the baseline's stopped guests) colours it. */
  state?: Exclude<State, 'ok'>;
}

export interface NeighbourItem extends NeighbourBox {
  /** Several relations to one neighbour ("runs on" and "depends on") share one box. */
  connectors: NeighbourConnector[];
  /** Right column: this user needs any one of a group the centre belongs to, so it has a fallback. */
  fallback?: boolean;
}

/** Consecutive items of the left column that form one anyOf group, or a single item. */
export interface NeighbourGroup {
  /** "én av disse holder" for a redundancy group of the centre entity, else undefined. */
  caption?: string;
  items: NeighbourItem[];
}

export interface NeighbourhoodView {
  title: string;
  centre: NeighbourBox & { kind: string };
  /** Left column: what the centre needs (its outgoing relations), anyOf groups kept together. */
  needs: NeighbourGroup[];
  /** Right column: what needs the centre (incoming relations). */
  neededBy: NeighbourGroup[];
  /** Items left out of a column past `limit`, so a page does not grow with the model. */
  needsHidden: number;
  neededByHidden: number;
  /** What the drawing's line styles, borders and marks mean: only those it uses. */
  legend: LegendEntry[];
  words: Record<keyof typeof NEIGHBOURHOOD_WORDS, string>;
}

export interface LegendEntry {
  sample: 'arrow' | 'assumed' | 'planned' | 'stopped' | 'degraded' | 'down';
  text: string;
}

export interface NeighbourhoodOptions {
  /** States to mark (a scenario phase's, or the baseline); ok is never marked. */
  stateOf?: (key: string) => State | undefined;
  /** Most items per column; the relation tables list every one. */
  limit?: number;
  /** Site base for links (default: from the environment). */
  base?: string;
}

/** How many neighbours a column shows before it counts the rest. */
export const NEIGHBOURHOOD_LIMIT = 24;

function word(key: keyof typeof NEIGHBOURHOOD_WORDS, lang: Lang, vars: Record<string, string | number> = {}): string {
  let text: string = NEIGHBOURHOOD_WORDS[key][lang];
  for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** "LXC 105", "VM 103", "Switch ×3", else the kind ("Funksjon"). */
function detailOf(record: EntityRecord, lang: Lang): string {
  const e = record.entity;
  if (record.kind === 'guest') return `${e.kind === 'qemu' ? 'VM' : 'LXC'} ${String(e.vmid)}`;
  const sub = typeof e.kind === 'string' && record.kind !== 'location' ? valueLabel(e.kind, lang) : '';
  const count = typeof e.count === 'number' && e.count > 1 ? ` ×${e.count}` : '';
  return sub ? `${sub}${count}` : kindLabel(record.kind, lang);
}

function lifecycleOf(record: EntityRecord): NeighbourBox['lifecycle'] {
  if (record.kind === 'guest' && record.entity.status === 'stopped') return 'stopped';
  if (record.entity.status === 'planned') return 'planned';
  return undefined;
}

function box(record: EntityRecord, lang: Lang, options: NeighbourhoodOptions): NeighbourBox {
  const state = options.stateOf?.(record.key);
  const lifecycle = lifecycleOf(record);
  return {
    key: record.key,
    name: displayName(record.entity, lang),
    detail: detailOf(record, lang),
    href: entityHref(record.key, lang, options.base),
    ...(lifecycle ? { lifecycle } : {}),
    // A stopped guest is down on purpose; its dotted border says so, a ✗ would cry wolf.
    ...(state && state !== 'ok' && lifecycle !== 'stopped' ? { state } : {}),
  };
}

/** One item per neighbour, in the order the model first mentions it; anyOf groups kept together. */
function columnGroups(
  edges: Edge[],
  neighbourOf: (e: Edge) => string,
  records: Map<string, EntityRecord>,
  lang: Lang,
  options: NeighbourhoodOptions,
  caption: (e: Edge) => string | undefined,
): NeighbourGroup[] {
  const items = new Map<string, NeighbourItem>();
  const groupOfItem = new Map<string, Edge>();
  const order: string[] = [];
  for (const e of edges) {
    const key = neighbourOf(e);
    const record = records.get(key);
    if (!record) continue;
    let item = items.get(key);
    if (!item) {
      item = { ...box(record, lang, options), connectors: [] };
      items.set(key, item);
      order.push(key);
    }
    if (!item.connectors.some((c) => c.relation === e.relation && c.assumed === e.assumed)) {
      item.connectors.push({ relation: e.relation, verb: PROVIDER_VERB[e.relation][lang], assumed: e.assumed });
    }
    if (e.group && caption(e) && !groupOfItem.has(key)) groupOfItem.set(key, e);
  }
  // A group's members stand together, where its first member stands.
  const result: NeighbourGroup[] = [];
  const placed = new Set<string>();
  for (const key of order) {
    if (placed.has(key)) continue;
    const edge = groupOfItem.get(key);
    const members = edge ? order.filter((k) => groupOfItem.get(k)?.group?.id === edge.group!.id) : [key];
    members.forEach((k) => placed.add(k));
    const text = edge ? caption(edge) : undefined;
    result.push({ items: members.map((k) => items.get(k)!), ...(text ? { caption: text } : {}) });
  }
  return result;
}

/** Cuts a column to `limit` items (whole groups, at least one), returning how many were left out. */
function limitColumn(groupsIn: NeighbourGroup[], limit: number): [NeighbourGroup[], number] {
  const total = groupsIn.reduce((n, g) => n + g.items.length, 0);
  if (total <= limit) return [groupsIn, 0];
  const kept: NeighbourGroup[] = [];
  let shown = 0;
  for (const g of groupsIn) {
    if (shown + g.items.length > limit && kept.length) break;
    kept.push(g);
    shown += g.items.length;
  }
  return [kept, total - shown];
}

/** Whether an entity has any relation to draw (scenarios and notes usually have none). */
export function hasNeighbourhood(graph: Graph, key: string): boolean {
  return (graph.outgoing.get(key) ?? []).some((e) => e.to !== key) || (graph.incoming.get(key) ?? []).some((e) => e.from !== key);
}

export function neighbourhoodView(graph: Graph, key: string, lang: Lang, options: NeighbourhoodOptions = {}): NeighbourhoodView {
  const records = graph.records;
  const centre = records.get(key);
  if (!centre) throw new Error(`neighbourhoodView: unknown entity ${key}`);
  const out = (graph.outgoing.get(key) ?? []).filter((e) => e.to !== key);
  const inc = (graph.incoming.get(key) ?? []).filter((e) => e.from !== key);
  const limit = options.limit ?? NEIGHBOURHOOD_LIMIT;

  const [needs, needsHidden] = limitColumn(
    columnGroups(out, (e) => e.to, records, lang, options, (e) =>
      e.group && e.group.members.length > 1
        ? e.group.atLeast > 1
          ? word('atLeastNeeds', lang, { n: e.group.atLeast })
          : word('anyOfNeeds', lang)
        : undefined,
    ),
    limit,
  );
  const [neededBy, neededByHidden] = limitColumn(columnGroups(inc, (e) => e.from, records, lang, options, () => undefined), limit);
  // A user for which this entity is one member of an anyOf group has a fallback: it says so.
  const withFallback = new Set(inc.filter((e) => e.group && e.group.members.length > 1).map((e) => e.from));
  for (const g of neededBy) for (const item of g.items) if (withFallback.has(item.key)) item.fallback = true;

  const shown = [...needs, ...neededBy].flatMap((g) => g.items);
  const centreBox = box(centre, lang, options);
  const all = [...shown, centreBox];
  const legend: LegendEntry[] = [{ sample: 'arrow', text: word('arrowLegend', lang) }];
  if (shown.some((i) => i.connectors.some((c) => c.assumed))) legend.push({ sample: 'assumed', text: word('assumedLegend', lang) });
  if (all.some((b) => b.lifecycle === 'planned')) legend.push({ sample: 'planned', text: word('plannedLegend', lang) });
  if (all.some((b) => b.lifecycle === 'stopped')) legend.push({ sample: 'stopped', text: word('stoppedLegend', lang) });
  for (const state of ['degraded', 'down'] as const) {
    if (all.some((b) => b.state === state)) legend.push({ sample: state, text: `${STATE_MARK[state]} ${stateLabel(state, lang)}` });
  }
  const words = Object.fromEntries(
    Object.keys(NEIGHBOURHOOD_WORDS).map((k) => [k, NEIGHBOURHOOD_WORDS[k as keyof typeof NEIGHBOURHOOD_WORDS][lang]]),
  ) as NeighbourhoodView['words'];
  return {
    title: word('title', lang, { name: displayName(centre.entity, lang) }),
    centre: { ...centreBox, kind: kindLabel(centre.kind, lang) },
    needs,
    neededBy,
    needsHidden,
    neededByHidden,
    legend,
    words,
  };
}

/**
 * The drawing as sentences in reading order, as a screen reader hears it and as the tests read it:
 * "pve-core kjører frigate." / "frigate trengs av Kameraopptak (antatt)."
 */
export function neighbourhoodSentences(view: NeighbourhoodView, lang: Lang): string[] {
  const assumed = (c: NeighbourConnector) => (c.assumed ? ` (${NEIGHBOURHOOD_WORDS.assumed[lang]})` : '');
  const out: string[] = [];
  for (const g of view.needs) for (const i of g.items) for (const c of i.connectors) out.push(`${i.name} ${c.verb} ${view.centre.name}${assumed(c)}.`);
  for (const g of view.neededBy) {
    for (const i of g.items) {
      const fallback = i.fallback ? ` (${NEIGHBOURHOOD_WORDS.anyOfUsers[lang]})` : '';
      for (const c of i.connectors) out.push(`${view.centre.name} ${c.verb} ${i.name}${fallback}${assumed(c)}.`);
    }
  }
  return out;
}
