/**
 * What a failure diagram holds and how it collapses: the boxes and arrows of one scenario phase,
 * grouped level by level until the drawing fits FAILURE_BUDGET (boxes, ranks, boxes per rank). The
 * same in every language; failure.ts draws it. Pure, cached per graph and phase.
 */
import type { EntityRecord } from '../model/entities.ts';
import { HARD_RELATIONS, type Graph, type Relation } from '../model/graph.ts';
import { DRAWN_KINDS } from '../model/kinds.ts';
import type { PhaseResult, State } from '../analysis/types.ts';
import { hostKeyOf } from './drawing.ts';

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
  const criticalOk = [...records.values()]
    .filter((r) => isCritical(r.key) && r.key in outcomes && stateOf(r.key) === 'ok')
    .map((r) => r.key);
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
      if (
        e.group &&
        FAILURE_RELATIONS.has(e.relation) &&
        e.to in outcomes &&
        stateOf(e.to) === 'ok' &&
        STATE_KINDS.has(records.get(e.to)?.kind ?? '')
      )
        survivors.add(e.to);
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
        if (key.startsWith('group:guest:')) box.host = hostKeyOf(r);
        if (key.startsWith('group:critical:')) box.tier = 'critical';
        else if (key.startsWith('group:') && (r.kind === 'system' || r.kind === 'capability') && level < 4)
          box.tier = String(r.entity.tier);
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
    const shape = rankShape(
      layout.boxes.map((b) => b.key),
      layout.arrows,
    );
    const fits =
      layout.boxes.length <= FAILURE_BUDGET.boxes && shape.ranks <= FAILURE_BUDGET.ranks && shape.widest <= FAILURE_BUDGET.perRank;
    if (fits) break;
    layout = layoutAt(level);
  }
  byLevel.set(minLevel, layout);
  return layout;
}
