/**
 * Single points of failure: fail each existing entity alone (on top of the baseline, where stopped
 * guests are already down) and see which capabilities get worse than in the baseline.
 *
 * Complexity: the baseline is computed once; each single failure starts from a copy of it and only
 * walks the region its failure reaches (work list, each entity marked at most once), then looks at
 * the direct dependents of the newly down entities for degradation. So one sweep costs
 * O(n · (copy of n bytes) + Σ reached region), not O(n · whole propagation with causes).
 * Measured: see tests/analysis/spof-speed.test.ts (3000 entities, well under a second).
 *
 * The same sweep finds false redundancy: an anyOf group that is not down in the baseline, tolerates
 * at least one member failing, and still goes down when a single entity fails.
 */
import { cmp, emptyDownState, groupIsDown, spreadDown, baselineSources, type DownState, type FailureGraph } from './propagate.ts';
import type { SinglePointOfFailure } from './types.ts';

/** Kinds that are not reported as single points of failure (a capability failing "alone" is just itself). */
const NOT_A_SPOF_KIND: ReadonlySet<string> = new Set(['capability', 'location']);

export interface SweepResult {
  /** Ranked: most capabilities down first, then most degraded, then by key. Only entries with an effect. */
  singlePointsOfFailure: SinglePointOfFailure[];
  /**
   * Group id → keys of single entities whose failure alone takes the group down. Nearest first:
   * ordered by how many entities the failure takes down (the most specific cause first), then key.
   */
  sharedFailures: Map<string, string[]>;
}

export function sweepSingleFailures(fg: FailureGraph): SweepResult {
  const n = fg.keys.length;
  const baseline = emptyDownState(fg);
  spreadDown(fg, baseline, baselineSources(fg));
  const baseDegraded = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (baseline.down[i]) continue;
    if (fg.ownGroups[i]!.some((g) => baseline.groupDown[g]! > 0) || fg.soft[i]!.some((t) => baseline.down[t])) baseDegraded[i] = 1;
  }
  const isCapability = fg.records.map((r) => r.kind === 'capability');
  const baseGroupDown = fg.groups.map((_, g) => groupIsDown(fg, baseline, g));
  const redundant = fg.groups.map((g) => g.total - g.atLeast >= 1);

  const spofs: SinglePointOfFailure[] = [];
  const shared = new Map<string, string[]>();
  const work: DownState = { down: new Uint8Array(n), groupDown: new Int32Array(fg.groups.length), marked: [] };
  const degradedMark = new Uint8Array(n);
  const impact = new Int32Array(n);

  for (let x = 0; x < n; x++) {
    if (baseline.down[x]) continue;
    work.down.set(baseline.down);
    work.groupDown.set(baseline.groupDown);
    work.marked.length = 0;
    const newlyDown = spreadDown(fg, work, [x]);
    impact[x] = newlyDown.length;

    const down: string[] = [];
    const degraded: string[] = [];
    const touched: number[] = [];
    const killedGroups = new Set<number>();
    for (const y of newlyDown) {
      if (isCapability[y]) down.push(fg.keys[y]!);
      for (const g of fg.groupRev[y]!) {
        const owner = fg.groups[g]!.owner;
        if (!baseGroupDown[g] && redundant[g] && groupIsDown(fg, work, g) && owner !== x) killedGroups.add(g);
        if (!work.down[owner] && !baseDegraded[owner] && !degradedMark[owner]) {
          degradedMark[owner] = 1;
          touched.push(owner);
        }
      }
      for (const e of fg.softRev[y]!) {
        if (!work.down[e] && !baseDegraded[e] && !degradedMark[e]) {
          degradedMark[e] = 1;
          touched.push(e);
        }
      }
    }
    for (const e of touched) {
      degradedMark[e] = 0;
      if (isCapability[e]) degraded.push(fg.keys[e]!);
    }
    for (const g of killedGroups) {
      const id = fg.groups[g]!.id;
      shared.set(id, [...(shared.get(id) ?? []), fg.keys[x]!]);
    }
    if (NOT_A_SPOF_KIND.has(fg.records[x]!.kind)) continue;
    if (down.length === 0 && degraded.length === 0) continue;
    spofs.push({ key: fg.keys[x]!, down: down.sort(cmp), degraded: degraded.sort(cmp) });
  }
  spofs.sort((a, b) => b.down.length - a.down.length || b.degraded.length - a.degraded.length || cmp(a.key, b.key));
  for (const [id, list] of shared) {
    shared.set(
      id,
      list.sort((a, b) => impact[fg.index.get(a)!]! - impact[fg.index.get(b)!]! || cmp(a, b)),
    );
  }
  return { singlePointsOfFailure: spofs, sharedFailures: shared };
}
