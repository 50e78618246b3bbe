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
import { type Edge, type Graph, type Relation } from '../model/graph.ts';
import type { State } from '../analysis/types.ts';
import { STATE_MARK, stateLabel } from '../analysis/explain.ts';
import { displayName, type EntityRecord, type Lang } from '../model/entities.ts';
import { kindLabel, t, valueLabel, type PlainWordKey } from '../i18n/store.ts';
import { entityHref } from './urls.ts';

/** The drawing's plain words (src/i18n/words/neighbourhood.ts), without their `neighbourhood.` prefix. */
type NeighbourhoodWord = Exclude<{ [K in PlainWordKey]: K extends `neighbourhood.${infer W}` ? W : never }[PlainWordKey], `verb.${string}`>;

/** The words a component needs beside the view, in the page's language. */
const VIEW_WORDS = [
  'needs',
  'neededBy',
  'none',
  'assumed',
  'assumedLegend',
  'arrowLegend',
  'anyOfNeeds',
  'anyOfUsers',
  'stopped',
  'planned',
  'stoppedLegend',
  'plannedLegend',
  'legend',
] as const satisfies readonly NeighbourhoodWord[];

/** Each relation read from the provider to the user, short: "pve-core kjører frigate". */
export function providerVerb(relation: Relation, lang: Lang): string {
  return t(lang, `neighbourhood.verb.${relation}`);
}

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
  words: Record<(typeof VIEW_WORDS)[number], string>;
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
      item.connectors.push({ relation: e.relation, verb: providerVerb(e.relation, lang), assumed: e.assumed });
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
    columnGroups(
      out,
      (e) => e.to,
      records,
      lang,
      options,
      (e) =>
        e.group && e.group.members.length > 1
          ? e.group.atLeast > 1
            ? t(lang, 'neighbourhood.atLeastNeeds', { needed: e.group.atLeast, of: e.group.members.length })
            : t(lang, 'neighbourhood.anyOfNeeds')
          : undefined,
    ),
    limit,
  );
  const [neededBy, neededByHidden] = limitColumn(
    columnGroups(
      inc,
      (e) => e.from,
      records,
      lang,
      options,
      () => undefined,
    ),
    limit,
  );
  // A user for which this entity is one member of an anyOf group has a fallback: it says so.
  const withFallback = new Set(inc.filter((e) => e.group && e.group.members.length > 1).map((e) => e.from));
  for (const g of neededBy) for (const item of g.items) if (withFallback.has(item.key)) item.fallback = true;

  const shown = [...needs, ...neededBy].flatMap((g) => g.items);
  const centreBox = box(centre, lang, options);
  const all = [...shown, centreBox];
  const legend: LegendEntry[] = [{ sample: 'arrow', text: t(lang, 'neighbourhood.arrowLegend') }];
  if (shown.some((i) => i.connectors.some((c) => c.assumed)))
    legend.push({ sample: 'assumed', text: t(lang, 'neighbourhood.assumedLegend') });
  if (all.some((b) => b.lifecycle === 'planned')) legend.push({ sample: 'planned', text: t(lang, 'neighbourhood.plannedLegend') });
  if (all.some((b) => b.lifecycle === 'stopped')) legend.push({ sample: 'stopped', text: t(lang, 'neighbourhood.stoppedLegend') });
  for (const state of ['degraded', 'down'] as const) {
    if (all.some((b) => b.state === state)) legend.push({ sample: state, text: `${STATE_MARK[state]} ${stateLabel(state, lang)}` });
  }
  const words = Object.fromEntries(VIEW_WORDS.map((k) => [k, t(lang, `neighbourhood.${k}`)])) as NeighbourhoodView['words'];
  return {
    title: t(lang, 'neighbourhood.title', { name: displayName(centre.entity, lang) }),
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
  const assumed = (c: NeighbourConnector) => (c.assumed ? ` (${t(lang, 'neighbourhood.assumed')})` : '');
  const out: string[] = [];
  for (const g of view.needs)
    for (const i of g.items) for (const c of i.connectors) out.push(`${i.name} ${c.verb} ${view.centre.name}${assumed(c)}.`);
  for (const g of view.neededBy) {
    for (const i of g.items) {
      const fallback = i.fallback ? ` (${t(lang, 'neighbourhood.anyOfUsers')})` : '';
      for (const c of i.connectors) out.push(`${view.centre.name} ${c.verb} ${i.name}${fallback}${assumed(c)}.`);
    }
  }
  return out;
}
