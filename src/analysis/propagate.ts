/**
 * Failure propagation: which entities are ok, degraded or down when some roots fail, and why.
 *
 * Semantics (decided, see DESIGN.md "Failure semantics"):
 * - Only entities that exist take part: plans, scenarios and notes are not things that fail, and
 *   anything with `status: planned` does not exist yet. Those are absent from the outcomes.
 * - Hard relations (runsOn, dependsOn, poweredBy, connectsVia, partOf) are AND: an entity is down when
 *   any hard dependency is down. An edge to an entity that does not exist (planned) is ignored: it
 *   describes the future.
 * - An anyOf group (atLeast k, default 1) counts only its existing members. It is down when fewer than
 *   k members are up (so a group with fewer than k existing members is always down), and makes its
 *   owner degraded when some, but not too many, members are down.
 * - A member may count for more than one (a cluster node's quorum votes): a group then is down when
 *   the weight of its members up is below k. The groups a kind's meaning implies (a cluster's quorum,
 *   an HA guest's allowed nodes, Ceph's OSD nodes and monitors) come from src/model/derived-edges.ts
 *   and are ordinary groups here.
 * - enhancedBy is soft: a down target makes the entity degraded, never down.
 * - Only `down` travels: a degraded dependency does not degrade its dependents (as in Icinga).
 * - Stopped guests are down (via 'stopped') in every run, baseline included. Failed roots are down
 *   (via 'root').
 *
 * The down set is the least fixed point, computed with a work list: every entity is marked down at
 * most once, so propagation is O(entities + edges) and terminates on cycles too (the checker rejects
 * cycles before analysis; this code does not rely on it).
 *
 * Everything is indexed by the sorted list of entity keys, so results do not depend on the order of
 * entities in the model.
 */
import type { Model } from '../model/schema/model.ts';
import type { EntityRecord } from '../model/entities.ts';
import { FAILING_KINDS } from '../model/kinds.ts';
import { buildGraph, HARD_RELATIONS, type Graph } from '../model/graph.ts';
import type { GroupPurpose } from '../model/derived-edges.ts';
import type { Cause, GroupCount, GroupTally, Outcome, State } from './types.ts';

/** At most this many causes are kept per entity (the shortest, see sortCauses). */
export const MAX_CAUSES = 4;

/** Does this entity exist today and take part in failure analysis? (Documentation kinds never fail: src/model/kinds.ts.) */
export function isFailureEntity(record: EntityRecord): boolean {
  return FAILING_KINDS.has(record.kind) && record.entity.status !== 'planned';
}

export function isStoppedGuest(record: EntityRecord): boolean {
  return record.kind === 'guest' && record.entity.status === 'stopped';
}

export interface Group {
  /** AnyOfGroup id from the graph: `${owner}#${relation}[${index}]`. */
  id: string;
  owner: number;
  /** Existing members only, sorted, without duplicates. */
  members: number[];
  atLeast: number;
  /** What the members count for together: their number, or the sum of their weights (a cluster's votes). */
  total: number;
  /** A member's weight when it is not 1 (a node's quorum votes). */
  weights?: Map<number, number>;
  /** A group the model's meaning implies (src/model/derived-edges.ts), for the explanations. */
  purpose?: GroupPurpose;
  /** For an HA guest's nodes: the quorum group of its cluster. */
  quorumGroup?: number;
}

/** The model's dependency structure as index arrays: built once, used by every run. */
export interface FailureGraph {
  graph: Graph;
  /** Existing entity keys, sorted. Index = position. */
  keys: string[];
  index: Map<string, number>;
  records: EntityRecord[];
  stopped: boolean[];
  /** Hard single dependencies (targets), sorted, per entity. */
  hard: number[][];
  /** Soft (enhancedBy) targets, sorted, per entity. */
  soft: number[][];
  /** Group ids owned by each entity. */
  ownGroups: number[][];
  groups: Group[];
  /** Reverse adjacency: who hard-depends on i, whose groups contain i, who is enhanced by i. Sorted. */
  hardRev: number[][];
  groupRev: number[][];
  softRev: number[][];
  /** Owners of groups with fewer existing members than atLeast: down in every run. */
  structurallyDown: number[];
  /** How many entities depend on each (hard, group or soft): used to pick specific explanations. */
  fanout: number[];
}

/**
 * The outcome of every ok entity: one shared, frozen object (most entities are ok in most runs, and a
 * large model has thousands of them per phase).
 */
export const OK_OUTCOME: Outcome = Object.freeze({ state: 'ok', causes: Object.freeze([]) as unknown as Cause[] }) as Outcome;

export function compileFailureGraph(model: Model, graph: Graph = buildGraph(model)): FailureGraph {
  const records = [...graph.records.values()].filter(isFailureEntity).sort((a, b) => cmp(a.key, b.key));
  const keys = records.map((r) => r.key);
  const index = new Map(keys.map((k, i) => [k, i]));
  const n = keys.length;
  const hardSets = Array.from({ length: n }, () => new Set<number>());
  const softSets = Array.from({ length: n }, () => new Set<number>());
  const groupsById = new Map<string, Group>();
  for (const edge of graph.edges) {
    const from = index.get(edge.from);
    if (from === undefined) continue;
    if (edge.group) {
      if (!HARD_RELATIONS.has(edge.relation)) continue;
      let group = groupsById.get(edge.group.id);
      if (!group) {
        group = { id: edge.group.id, owner: from, members: [], atLeast: edge.group.atLeast, total: 0 };
        if (edge.group.purpose) group.purpose = edge.group.purpose;
        groupsById.set(edge.group.id, group);
      }
      const to = index.get(edge.to);
      if (to !== undefined && to !== from && !group.members.includes(to)) {
        group.members.push(to);
        const weight = edge.weight ?? 1;
        group.total += weight;
        if (weight !== 1) (group.weights ??= new Map()).set(to, weight);
      }
      continue;
    }
    const to = index.get(edge.to);
    if (to === undefined || to === from) continue;
    if (HARD_RELATIONS.has(edge.relation)) hardSets[from]!.add(to);
    else if (edge.relation === 'enhancedBy') softSets[from]!.add(to);
  }
  const groups = [...groupsById.values()].sort((a, b) => cmp(a.id, b.id));
  for (const g of groups) g.members.sort((a, b) => a - b);
  const hard = hardSets.map((s) => [...s].sort((a, b) => a - b));
  // A hard edge wins over a soft one to the same target.
  const soft = softSets.map((s, i) => [...s].filter((t) => !hardSets[i]!.has(t)).sort((a, b) => a - b));
  const ownGroups: number[][] = Array.from({ length: n }, () => []);
  const hardRev: number[][] = Array.from({ length: n }, () => []);
  const groupRev: number[][] = Array.from({ length: n }, () => []);
  const softRev: number[][] = Array.from({ length: n }, () => []);
  hard.forEach((ts, i) => ts.forEach((t) => hardRev[t]!.push(i)));
  soft.forEach((ts, i) => ts.forEach((t) => softRev[t]!.push(i)));
  groups.forEach((g, gi) => {
    ownGroups[g.owner]!.push(gi);
    g.members.forEach((m) => groupRev[m]!.push(gi));
  });
  // An HA guest's nodes know its cluster's quorum, so "the cluster has quorum and pve2 is up" can be said.
  groups.forEach((g) => {
    if (g.purpose !== 'ha') return;
    for (const t of hard[g.owner]!) {
      const quorum = ownGroups[t]!.find((q) => groups[q]!.purpose === 'quorum');
      if (quorum !== undefined) g.quorumGroup = quorum;
    }
  });
  const structurallyDown = [...new Set(groups.filter((g) => g.total < g.atLeast).map((g) => g.owner))].sort((a, b) => a - b);
  return {
    graph,
    keys,
    index,
    records,
    stopped: records.map(isStoppedGuest),
    hard,
    soft,
    ownGroups,
    groups,
    hardRev,
    groupRev,
    softRev,
    structurallyDown,
    fanout: keys.map((_, i) => hardRev[i]!.length + groupRev[i]!.length + softRev[i]!.length),
  };
}

/** The raw result of one run: which entities are down, and how many members (or votes) of each group are down. */
export interface DownState {
  down: Uint8Array;
  /** Per group: the members down, each counted by its weight (a node's votes). */
  groupDown: Int32Array;
  /** Entities marked down, in the order they were marked. */
  marked: number[];
}

export function emptyDownState(fg: FailureGraph): DownState {
  return { down: new Uint8Array(fg.keys.length), groupDown: new Int32Array(fg.groups.length), marked: [] };
}

/**
 * A k-of-n group's count for an explanation ("needs 2 of 3, 1 up"); undefined for any-one-of groups.
 * Counted in the group's own weights (a quorum's votes), as groupIsDown decides: with members of one
 * vote each that is the number of members.
 */
export function groupCount(fg: FailureGraph, state: DownState, g: number): GroupCount | undefined {
  const group = fg.groups[g]!;
  if (group.atLeast <= 1) return undefined;
  return { needed: group.atLeast, of: group.total, up: group.total - state.groupDown[g]! };
}

export function groupIsDown(fg: FailureGraph, state: DownState, g: number): boolean {
  const group = fg.groups[g]!;
  return group.total - state.groupDown[g]! < group.atLeast;
}

/** How a derived group stands in a run: needed, up and total (votes for a quorum), and which members are up. */
export function groupTally(fg: FailureGraph, state: DownState, g: number): GroupTally | undefined {
  const group = fg.groups[g]!;
  if (!group.purpose) return undefined;
  const tally: GroupTally = {
    purpose: group.purpose,
    owner: fg.keys[group.owner]!,
    needed: group.atLeast,
    up: group.total - state.groupDown[g]!,
    total: group.total,
    upMembers: group.members.filter((m) => !state.down[m]).map((m) => fg.keys[m]!),
  };
  if (group.quorumGroup !== undefined) tally.quorum = groupTally(fg, state, group.quorumGroup);
  if (group.purpose === 'quorum') tally.clusterUp = !state.down[group.owner];
  return tally;
}

/** The derived group of this purpose that an entity owns (a cluster's quorum, an HA guest's nodes), if any. */
export function ownGroupOf(fg: FailureGraph, i: number, purpose: GroupTally['purpose']): number | undefined {
  return fg.ownGroups[i]!.find((g) => fg.groups[g]!.purpose === purpose);
}

/**
 * Marks `sources` down and propagates in place. Returns the newly marked entities.
 * Starting from an earlier state (e.g. the baseline) gives the combined failure.
 */
export function spreadDown(fg: FailureGraph, state: DownState, sources: Iterable<number>): number[] {
  const start = state.marked.length;
  const queue: number[] = [];
  const mark = (i: number) => {
    if (state.down[i]) return;
    state.down[i] = 1;
    state.marked.push(i);
    queue.push(i);
  };
  for (const s of sources) mark(s);
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head]!;
    for (const e of fg.hardRev[x]!) mark(e);
    for (const g of fg.groupRev[x]!) {
      state.groupDown[g]! += fg.groups[g]!.weights?.get(x) ?? 1;
      if (groupIsDown(fg, state, g)) mark(fg.groups[g]!.owner);
    }
  }
  return state.marked.slice(start);
}

/** Entities that are down without anything else failing: stopped guests and impossible groups. */
export function baselineSources(fg: FailureGraph): number[] {
  const out: number[] = [];
  fg.stopped.forEach((s, i) => s && out.push(i));
  out.push(...fg.structurallyDown);
  return out;
}

/** Computes the down state for a set of failed roots (keys; unknown or planned keys are ignored). */
export function downStateFor(fg: FailureGraph, roots: readonly string[]): DownState {
  const state = emptyDownState(fg);
  spreadDown(fg, state, [...baselineSources(fg), ...rootIndices(fg, roots)]);
  return state;
}

export function rootIndices(fg: FailureGraph, roots: readonly string[]): number[] {
  return roots.map((r) => fg.index.get(r)).filter((i): i is number => i !== undefined);
}

/** ok / degraded / down for one entity, given a down state. Only down travels. */
export function stateOf(fg: FailureGraph, s: DownState, i: number): State {
  if (s.down[i]) return 'down';
  for (const g of fg.ownGroups[i]!) if (s.groupDown[g]! > 0) return 'degraded';
  for (const t of fg.soft[i]!) if (s.down[t]) return 'degraded';
  return 'ok';
}

/**
 * Full outcomes with causes. A cause is the shortest chain from the entity to one failed source
 * (a root, a stopped guest, or an entity whose anyOf group cannot be satisfied); one cause per source,
 * the shortest MAX_CAUSES kept. Sources explain only themselves. `include` limits which outcomes are
 * returned (the run itself always covers the whole graph).
 */
export function propagate(fg: FailureGraph, roots: readonly string[], include?: (key: string) => boolean): Record<string, Outcome> {
  const state = downStateFor(fg, roots);
  const n = fg.keys.length;
  const rootSet = new Set(rootIndices(fg, roots));
  const structural = new Set(fg.structurallyDown);
  // Causes only for entities that are not ok (usually few): a sparse map, not n arrays.
  const causes = new Map<number, Cause[]>();
  const addCause = (i: number, cause: Cause) => {
    const list = causes.get(i);
    if (list) list.push(cause);
    else causes.set(i, [cause]);
  };
  const sources: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!state.down[i]) continue;
    if (fg.stopped[i]) addCause(i, { chain: [fg.keys[i]!], via: 'stopped', state: 'down' });
    else if (rootSet.has(i)) addCause(i, { chain: [fg.keys[i]!], via: 'root', state: 'down' });
    else if (structural.has(i)) {
      const g = fg.ownGroups[i]!.find((g) => groupIsDown(fg, state, g));
      const count = g === undefined ? undefined : groupCount(fg, state, g);
      addCause(i, { chain: [fg.keys[i]!], via: 'anyOf', state: 'down', ...(count ? { group: count } : {}) });
    } else continue;
    sources.push(i);
  }
  const isSource = new Uint8Array(n);
  for (const s of sources) isSource[s] = 1;
  // A derived group at the first link says how it stands: through the group itself, or, for an HA
  // guest whose cluster lost quorum, that quorum.
  const tallyAt = (e: number): GroupTally | undefined => {
    if (via[e] === 'anyOf' && viaGroup[e]! >= 0) return groupTally(fg, state, viaGroup[e]!);
    if (via[e] === 'hard' && fg.records[parent[e]!]!.kind === 'cluster') {
      const ha = ownGroupOf(fg, e, 'ha');
      if (ha !== undefined) return groupTally(fg, state, ha);
    }
    return undefined;
  };

  // One breadth-first search per source, along the edges that carry its failure. Among equally short
  // chains, each step prefers the more specific dependency (fewer dependents, then key order):
  // "Zigbee scenes ← Zigbee ← zigbee2mqtt" explains more than "Zigbee scenes ← Home Assistant ← …".
  const fanout = fg.fanout;
  const better = (x: number, y: number) => fanout[x]! - fanout[y]! || x - y;
  const parent = new Int32Array(n);
  const dist = new Int32Array(n).fill(-1);
  const via: Cause['via'][] = new Array(n);
  // The group through which each entity was reached (-1: not through a group): for the tally of a
  // derived group, or the count of a written k-of-n group.
  const viaGroup = new Int32Array(n).fill(-1);
  const chainOf = (i: number): string[] => {
    const chain: string[] = [];
    for (let x = i; x !== -1; x = parent[x]!) chain.push(fg.keys[x]!);
    return chain;
  };
  for (const source of sources) {
    parent[source] = -1;
    dist[source] = 0;
    const queue = [source];
    const reached: number[] = [];
    for (let head = 0; head < queue.length; head++) {
      const x = queue[head]!;
      const visit = (e: number, how: Cause['via'], g = -1) => {
        if (isSource[e]) return;
        if (dist[e] === -1) {
          dist[e] = dist[x]! + 1;
          parent[e] = x;
          via[e] = how;
          viaGroup[e] = g;
          reached.push(e);
          if (state.down[e]) queue.push(e);
        } else if (dist[e] === dist[x]! + 1 && better(x, parent[e]!) < 0) {
          parent[e] = x;
          via[e] = how;
          viaGroup[e] = g;
        }
      };
      // Hard edges first, so a dependency written both ways reads as 'hard'.
      for (const e of fg.hardRev[x]!) visit(e, 'hard');
      for (const g of fg.groupRev[x]!) {
        const owner = fg.groups[g]!.owner;
        // A down owner is explained by this member only if this group is what took it down.
        if (state.down[owner] && !groupIsDown(fg, state, g)) continue;
        visit(owner, 'anyOf', g);
      }
      for (const e of fg.softRev[x]!) if (!state.down[e]) visit(e, 'enhancedBy');
    }
    for (const e of reached) {
      const cause: Cause = { chain: chainOf(e), via: via[e]!, state: state.down[e] ? 'down' : 'degraded' };
      // A derived group says how it stands in its own words (quorum, HA nodes, OSD nodes); a written
      // k-of-n group by its count.
      const tally = tallyAt(e);
      if (tally) cause.tally = tally;
      else if (viaGroup[e]! >= 0) {
        const count = groupCount(fg, state, viaGroup[e]!);
        if (count) cause.group = count;
      }
      addCause(e, cause);
    }
    // Reset only what this search touched: a full reset per source would cost O(sources × n).
    dist[source] = -1;
    for (const e of reached) dist[e] = -1;
  }

  const outcomes: Record<string, Outcome> = {};
  for (let i = 0; i < n; i++) {
    if (include && !include(fg.keys[i]!)) continue;
    const st = stateOf(fg, state, i);
    outcomes[fg.keys[i]!] = st === 'ok' ? OK_OUTCOME : { state: st, causes: sortCauses(causes.get(i) ?? []).slice(0, MAX_CAUSES) };
  }
  return outcomes;
}

/** Shortest chains first, then by text, so the same model always prints the same explanation. */
export function sortCauses(causes: Cause[]): Cause[] {
  return [...causes].sort((a, b) => a.chain.length - b.chain.length || cmp(a.chain.join(' '), b.chain.join(' ')) || cmp(a.via, b.via));
}

/** Code-unit comparison: locale-independent, so output is the same on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How bad a state is: ok 0 < degraded 1 < down 2. */
export function severityOf(state: State): number {
  return state === 'ok' ? 0 : state === 'degraded' ? 1 : 2;
}
