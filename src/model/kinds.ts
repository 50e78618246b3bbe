/**
 * The kind registry: one declaration per entity kind, and every list of kinds derived from it.
 *
 * A declaration says where the kind lives (its model section, its zod schema, its URL segment),
 * which of its own fields are references and with which relation (guest.host is a runsOn
 * reference: written here once, read by the integrity check, the graph and the pages), and what
 * the rest of the program may do with it (typed flags: can it fail, is it equipment, is it drawn
 * in failure diagrams and in which layer, is it in the runbook, can it be marked sensitive).
 *
 * Adding a kind: a schema file in schema/, its name in ENTITY_KINDS (refs.ts: the reference
 * grammar, which the schemas themselves need, so it cannot be read from here without a cycle;
 * the compiler holds the two lists together both ways), an entry below, and its words (KIND_LABEL
 * and KIND_PLURAL in src/i18n/ui.ts and src/diagrams/i18n.ts, keyed by EntityKind). The rest
 * (sections, schemas, URLs, sidebar, JSON Schema, checks) follows. tests/model/kinds.test.ts adds
 * a throw-away kind and shows it listed, linked, drawn and validated.
 */
import type { z } from 'zod';
import { LocationSchema } from './schema/location.ts';
import { HostSchema } from './schema/host.ts';
import { GuestSchema } from './schema/guest.ts';
import { ClusterSchema, type Cluster } from './schema/cluster.ts';
import type { Guest } from './schema/guest.ts';
import type { Storage } from './schema/storage.ts';
import { NetworkSchema } from './schema/network.ts';
import { StorageSchema } from './schema/storage.ts';
import { SystemSchema } from './schema/system.ts';
import { CapabilitySchema } from './schema/capability.ts';
import { PowerSchema } from './schema/power.ts';
import { PlanSchema } from './schema/plan.ts';
import { ScenarioSchema } from './schema/scenario.ts';
import { NoteSchema } from './schema/note.ts';
import { ENTITY_KINDS, type EntityKind } from './refs.ts';
import type { Relation } from './relations.ts';
import type { PathSegment } from './yaml-source.ts';

export { ENTITY_KINDS, type EntityKind };

/** One reference written in one of a kind's own fields (the relation fields every kind shares are in relations.ts). */
export interface RefAt {
  /** Below the entity: ['phases', 0, 'alsoFails', 1]. */
  at: PathSegment[];
  text: string;
  /** The field it is written in, as problems name it (a plan link names its relation). */
  field?: string;
  /** Overrides the declaration's mustBe (a plan link that moves a locatedIn must point at a location). */
  mustBe?: EntityKind;
  /**
   * The reference is data here, not an edge of the declaration's relation: an HA guest's `host` says
   * where it runs today, while what it needs is the cluster and its allowed nodes (src/model/ha-edges.ts).
   */
  noEdge?: boolean;
}

/** A field of a kind whose strings are references. */
export interface RefField<E> {
  /** The field's name, as problems show it ('host', 'adds', 'links'). */
  name: string;
  /** The names of the fields that hold the references, as pages see them, when not just `name` (a plan link: ref, add, remove). */
  leaves?: readonly string[];
  /** A bare id means this kind (guest.host: "pve-core" is host:pve-core). */
  implied?: EntityKind;
  /** The reference may only point at this kind. */
  mustBe?: EntityKind;
  /** The graph has an edge for it, with this relation (guest.host: runsOn); otherwise it is data. */
  relation?: Relation;
  /** Where the references are, in file order. */
  read: (entity: E) => RefAt[];
}

/** Where failure diagrams draw a kind: layers left to right, power first, capabilities last. */
export interface Drawn {
  layer: number;
}

export interface KindDeclaration<S extends z.ZodType = z.ZodType<any>> {
  /** The section of a model file that holds the kind (`guests:`). */
  section: string;
  schema: S;
  /** The URL segment of its pages (/guests/<id>/). */
  path: string;
  /** Its own reference fields, in the order problems report them. */
  refs: ReadonlyArray<RefField<z.infer<S>>>;
  /** It is a thing that can fail and be in a scenario's outcomes (documentation kinds are not). */
  fails: boolean;
  /** It is switched on and off (src/analysis/equipment.ts): down means stopped, or idle without what it uses. */
  equipment: boolean;
  /** Failure diagrams draw it, in this layer; false: they never do. A drawn kind always has its place. */
  drawn: Drawn | false;
  /** The runbook lists it by name when a scenario takes it down (capabilities and equipment). */
  runbook: boolean;
  /** It may be marked `sensitive: true` (the public profile leaves it out). */
  sensitive: boolean;
}

function each<T>(list: readonly T[] | undefined, at: (item: T, index: number) => RefAt[]): RefAt[] {
  return (list ?? []).flatMap(at);
}

/** A bare host id: a guest's and a storage pool's `host`. An HA guest's is where it runs today, not an edge. */
function hostRef(relation: Relation): RefField<{ host?: string | undefined; ha?: unknown }> {
  return {
    name: 'host',
    implied: 'host',
    mustBe: 'host',
    relation,
    read: (e) => (e.host === undefined ? [] : [{ at: ['host'], text: e.host, ...(e.ha !== undefined ? { noEdge: true } : {}) }]),
  };
}

/** Bare host ids in a list field (a cluster's nodes, Ceph's OSD nodes and monitors): data, the edges are derived. */
function hostList<E>(name: string, read: (e: E) => RefAt[]): RefField<E> {
  return { name, implied: 'host', mustBe: 'host', read };
}

/** A declaration: section name and URL segment first, kept as literal types (SectionOf<'guest'> is 'guests'). */
function entry<const Section extends string, const Path extends string, S extends z.ZodType>(
  section: Section,
  path: Path,
  declaration: Omit<KindDeclaration<S>, 'section' | 'path'>,
): Omit<KindDeclaration<S>, 'section' | 'path'> & { section: Section; path: Path } {
  return { section, path, ...declaration };
}

/**
 * Every kind, in the order pages, the sidebar, the model sections and `listEntities` use.
 * The keys are EntityKind exactly: a missing or extra kind is a compile error (the `satisfies` below).
 */
export const KINDS = {
  location: entry('locations', 'locations', {
    schema: LocationSchema,
    refs: [],
    fails: true,
    equipment: false,
    drawn: false,
    runbook: false,
    sensitive: true,
  }),
  host: entry('hosts', 'hosts', {
    schema: HostSchema,
    refs: [],
    fails: true,
    equipment: true,
    drawn: { layer: 2 },
    runbook: true,
    sensitive: true,
  }),
  cluster: entry('clusters', 'clusters', {
    schema: ClusterSchema,
    refs: [
      // The nodes are data: the quorum group over them is derived (src/model/ha-edges.ts).
      {
        ...hostList<Cluster>('nodes', (e) =>
          e.nodes.map((node, j): RefAt => (typeof node === 'string' ? { at: ['nodes', j], text: node } : { at: ['nodes', j, 'host'], text: node.host })),
        ),
        leaves: ['nodes'],
      },
      { name: 'qdevice', read: (e) => (e.qdevice === undefined ? [] : [{ at: ['qdevice'], text: e.qdevice }]) },
    ],
    fails: true,
    // Equipment for what it does to its guests: an HA guest whose cluster lost quorum is stopped, not running idle.
    equipment: true,
    drawn: { layer: 2.5 },
    runbook: true,
    sensitive: true,
  }),
  guest: entry('guests', 'guests', {
    schema: GuestSchema,
    refs: [
      hostRef('runsOn'),
      // HA: the edges (the cluster, the allowed nodes) are derived (src/model/ha-edges.ts).
      {
        name: 'cluster',
        implied: 'cluster',
        mustBe: 'cluster',
        read: (e) => (e.ha === undefined ? [] : [{ at: ['ha', 'cluster'], text: e.ha.cluster, field: 'ha.cluster' }]),
      },
      hostList<Guest>('group', (e) => each(e.ha?.group, (text, j) => [{ at: ['ha', 'group', j], text, field: 'ha.group' }])),
      hostList<Guest>('preferred', (e) =>
        e.ha?.preferred === undefined ? [] : [{ at: ['ha', 'preferred'], text: e.ha.preferred, field: 'ha.preferred' }],
      ),
    ],
    fails: true,
    equipment: true,
    drawn: { layer: 4 },
    runbook: true,
    sensitive: true,
  }),
  network: entry('network', 'network', {
    schema: NetworkSchema,
    refs: [
      {
        name: 'between',
        implied: 'location',
        mustBe: 'location',
        read: (e) => each(e.between, (text, j) => [{ at: ['between', j], text }]),
      },
    ],
    fails: true,
    equipment: true,
    drawn: { layer: 1 },
    runbook: true,
    sensitive: true,
  }),
  storage: entry('storage', 'storage', {
    schema: StorageSchema,
    refs: [
      hostRef('partOf'),
      // NFS/iSCSI: the server is a hard dependency. Ceph's nodes and monitors are data: its groups are derived.
      { name: 'server', relation: 'dependsOn', read: (e) => (e.server === undefined ? [] : [{ at: ['server'], text: e.server }]) },
      hostList<Storage>('osdNodes', (e) => each(e.osdNodes, (text, j) => [{ at: ['osdNodes', j], text }])),
      hostList<Storage>('monitors', (e) => each(e.monitors, (text, j) => [{ at: ['monitors', j], text }])),
      // The replica is for recovery: data, never an edge.
      hostList<Storage>('to', (e) => (e.replication === undefined ? [] : [{ at: ['replication', 'to'], text: e.replication.to, field: 'replication.to' }])),
    ],
    fails: true,
    equipment: true,
    drawn: { layer: 3 },
    runbook: true,
    sensitive: true,
  }),
  system: entry('systems', 'systems', {
    schema: SystemSchema,
    refs: [],
    fails: true,
    equipment: false,
    drawn: { layer: 5 },
    runbook: false,
    sensitive: true,
  }),
  capability: entry('capabilities', 'capabilities', {
    schema: CapabilitySchema,
    refs: [],
    fails: true,
    equipment: false,
    drawn: { layer: 6 },
    runbook: true,
    sensitive: true,
  }),
  power: entry('power', 'power', {
    schema: PowerSchema,
    refs: [],
    fails: true,
    equipment: true,
    drawn: { layer: 0 },
    runbook: true,
    sensitive: true,
  }),
  plan: entry('plans', 'plans', {
    schema: PlanSchema,
    refs: [
      { name: 'adds', read: (e) => each(e.adds, (text, j) => [{ at: ['adds', j], text }]) },
      { name: 'ref', read: (e) => each(e.changes, (c, j) => [{ at: ['changes', j, 'ref'], text: c.ref, field: 'changes' }]) },
      {
        // A link names the entity that writes the relation, and the ends it removes and adds.
        name: 'links',
        leaves: ['ref', 'add', 'remove'],
        read: (e) =>
          each(e.links, (link, j) => {
            const mustBe = link.relation === 'locatedIn' ? ({ mustBe: 'location' } as const) : {};
            const sites: RefAt[] = [{ at: ['links', j, 'ref'], text: link.ref, field: 'links' }];
            for (const end of ['add', 'remove'] as const) {
              const text = link[end];
              if (text !== undefined) sites.push({ at: ['links', j, end], text, field: link.relation, ...mustBe });
            }
            return sites;
          }),
      },
    ],
    fails: false,
    equipment: false,
    drawn: false,
    runbook: false,
    sensitive: true,
  }),
  scenario: entry('scenarios', 'scenarios', {
    schema: ScenarioSchema,
    refs: [
      { name: 'fails', read: (e) => e.fails.map((text, j) => ({ at: ['fails', j], text })) },
      {
        name: 'alsoFails',
        leaves: ['alsoFails', 'afterMinutesFrom'],
        read: (e) =>
          each(e.phases, (phase, p) => [
            ...phase.alsoFails.map((text, j): RefAt => ({ at: ['phases', p, 'alsoFails', j], text })),
            ...(phase.afterMinutesFrom !== undefined
              ? [{ at: ['phases', p, 'afterMinutesFrom'], text: phase.afterMinutesFrom, field: 'afterMinutesFrom' }]
              : []),
          ]),
      },
    ],
    fails: false,
    equipment: false,
    drawn: false,
    runbook: false,
    sensitive: true,
  }),
  note: entry('notes', 'notes', {
    schema: NoteSchema,
    refs: [{ name: 'about', read: (e) => each(e.about, (text, j) => [{ at: ['about', j], text }]) }],
    fails: false,
    equipment: false,
    drawn: false,
    runbook: false,
    sensitive: true,
  }),
} satisfies { [K in EntityKind]: KindDeclaration };

export type Kinds = typeof KINDS;
/** The section name of each kind, as a type: 'guests' for 'guest'. */
export type KindSection = Kinds[EntityKind]['section'];
export type SectionOf<K extends EntityKind> = Kinds[K]['section'];
/** An entity of a kind, as the schema gives it after parsing. */
export type EntityOf<K extends EntityKind> = z.infer<Kinds[K]['schema']>;

/** Reference fields written outside any kind: the site's `docsCapability`. */
export const SITE_REFS = [{ name: 'docsCapability', mustBe: 'capability' as EntityKind }] as const;

type KindSections = ReadonlyArray<{ [K in EntityKind]: readonly [K, SectionOf<K>] }[EntityKind]>;

/**
 * Every list of kinds, derived from a registry. The module's exports below are this applied to
 * KINDS; tests/model/kinds.test.ts applies it to a copy with a throw-away kind added.
 */
export function deriveKinds(kinds: readonly EntityKind[], registry: { [K in EntityKind]: KindDeclaration }) {
  /** The declaration of a kind, for code that iterates over kinds without knowing which. */
  const kindOf = (kind: EntityKind): KindDeclaration => registry[kind];
  const where = (flag: (declaration: KindDeclaration) => boolean): ReadonlySet<EntityKind> => new Set(kinds.filter((kind) => flag(registry[kind])));
  return {
    kindOf,
    /** `[kind, section]` in model order. */
    KIND_SECTIONS: kinds.map((kind) => [kind, registry[kind].section] as const) as unknown as KindSections,
    /** The section names of the kinds, in model order (the model file's sections are `site` and these). */
    KIND_SECTION_NAMES: kinds.map((kind) => registry[kind].section) as readonly KindSection[],
    /** The URL segment of each kind's pages. */
    KIND_PATH: Object.fromEntries(kinds.map((kind) => [kind, registry[kind].path])) as { [K in EntityKind]: Kinds[K]['path'] },
    /** Kinds that are things: they can fail and are in a scenario's outcomes (documentation kinds are not). */
    FAILING_KINDS: where((d) => d.fails),
    /** Kinds that are equipment: things that are switched on and off. */
    EQUIPMENT_KINDS: where((d) => d.equipment),
    /** Kinds the runbook names when a scenario takes them down. */
    RUNBOOK_KINDS: where((d) => d.runbook),
    /** Kinds that may be marked sensitive. */
    SENSITIVE_KINDS: where((d) => d.sensitive),
    /** Kinds a failure diagram draws, in the order of its layers (power → … → capabilities). */
    DRAWN_KINDS: kinds
      .map((kind) => ({ kind, drawn: registry[kind].drawn }))
      .filter((k): k is { kind: EntityKind; drawn: Drawn } => k.drawn !== false)
      .sort((a, b) => a.drawn.layer - b.drawn.layer)
      .map((k) => k.kind) as readonly EntityKind[],
    /** The names of every field, of any kind or the site, whose strings are references (kind:id). */
    REF_FIELD_NAMES: new Set([
      ...kinds.flatMap((kind) => registry[kind].refs.flatMap((field) => field.leaves ?? [field.name])),
      ...SITE_REFS.map((field) => field.name),
    ]) as ReadonlySet<string>,
    /** The kind a bare id in a field means, by field name (host → host, between → location). */
    IMPLIED_KIND_OF_FIELD: new Map(
      kinds.flatMap((kind) => registry[kind].refs.flatMap((field) => (field.implied ? [[field.name, field.implied] as const] : []))),
    ) as ReadonlyMap<string, EntityKind>,
    /** The field a graph edge of this relation was written in, when a kind's own field writes it (guest runsOn: host). */
    fieldOfRelation: (kind: EntityKind, relation: Relation): string | undefined => registry[kind].refs.find((field) => field.relation === relation)?.name,
  };
}

export const {
  kindOf,
  KIND_SECTIONS,
  KIND_SECTION_NAMES,
  KIND_PATH,
  FAILING_KINDS,
  EQUIPMENT_KINDS,
  RUNBOOK_KINDS,
  SENSITIVE_KINDS,
  DRAWN_KINDS,
  REF_FIELD_NAMES,
  IMPLIED_KIND_OF_FIELD,
  fieldOfRelation,
} = deriveKinds(Object.keys(KINDS) as EntityKind[], KINDS);
