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
 * Ranking: by what is lost — critical capabilities down, then capabilities down, then critical
 * capabilities degraded, then capabilities degraded — and ties by blast radius (how many entities
 * fall with it). The key decides only between entries that are equal in all of these.
 *
 * The same sweep finds false redundancy: an anyOf group that is not down in the baseline and
 * tolerates at least one member failing, whose owner still goes down when a single entity fails —
 * whether that failure takes the whole group down (the shared dependency written on each
 * alternative, or further up their chains) or takes the owner down beside the group (written on the
 * owner, or inherited through its other dependencies: the one router both lines go through).
 */
import { cmp, emptyDownState, groupIsDown, spreadDown, baselineSources, type DownState, type FailureGraph } from './propagate.ts';
import type { SinglePointOfFailure } from './types.ts';

/** What a single failure loses, for ranking: most first. */
function rankSpofs(a: SinglePointOfFailure, b: SinglePointOfFailure): number {
  return (
    b.criticalDown - a.criticalDown ||
    b.down.length - a.down.length ||
    b.criticalDegraded - a.criticalDegraded ||
    b.degraded.length - a.degraded.length ||
    b.blastRadius - a.blastRadius ||
    cmp(a.key, b.key)
  );
}

/** Kinds that are not reported as single points of failure (a capability failing "alone" is just itself). */
const NOT_A_SPOF_KIND: ReadonlySet<string> = new Set(['capability', 'location']);

export interface SweepResult {
  /** Ranked by what is lost, then blast radius (rankSpofs). Only entries that affect a capability. */
  singlePointsOfFailure: SinglePointOfFailure[];
  /**
   * Group id → keys of single entities whose failure alone takes the group's owner down although the
   * group has a spare member. Nearest first: ordered by how many entities the failure takes down
   * (the most specific cause first), then key.
   */
  sharedFailures: Map<string, string[]>;
  /** Group id → those of `sharedFailures` that leave the group itself up (they are written on the owner's side). */
  besideGroup: Map<string, string[]>;
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
  const isCritical = fg.records.map((r) => r.kind === 'capability' && r.entity.tier === 'critical');
  const baseGroupDown = fg.groups.map((_, g) => groupIsDown(fg, baseline, g));
  const redundant = fg.groups.map((g) => g.total - g.atLeast >= 1);

  const spofs: SinglePointOfFailure[] = [];
  const shared = new Map<string, string[]>();
  const beside = new Map<string, string[]>();
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
    let criticalDown = 0;
    for (const y of newlyDown) {
      if (isCapability[y]) down.push(fg.keys[y]!);
      if (isCritical[y]) criticalDown++;
      // A redundant group's owner that falls all the same: through the group, or beside it.
      if (y !== x) {
        for (const g of fg.ownGroups[y]!) {
          if (baseGroupDown[g] || !redundant[g]) continue;
          const id = fg.groups[g]!.id;
          shared.set(id, [...(shared.get(id) ?? []), fg.keys[x]!]);
          if (!groupIsDown(fg, work, g)) beside.set(id, [...(beside.get(id) ?? []), fg.keys[x]!]);
        }
      }
      for (const g of fg.groupRev[y]!) {
        const owner = fg.groups[g]!.owner;
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
    let criticalDegraded = 0;
    for (const e of touched) {
      degradedMark[e] = 0;
      if (isCapability[e]) degraded.push(fg.keys[e]!);
      if (isCritical[e]) criticalDegraded++;
    }
    if (NOT_A_SPOF_KIND.has(fg.records[x]!.kind)) continue;
    if (down.length === 0 && degraded.length === 0) continue;
    spofs.push({
      key: fg.keys[x]!,
      down: down.sort(cmp),
      degraded: degraded.sort(cmp),
      criticalDown,
      criticalDegraded,
      blastRadius: newlyDown.length - 1,
    });
  }
  spofs.sort(rankSpofs);
  const nearestFirst = (a: string, b: string) => impact[fg.index.get(a)!]! - impact[fg.index.get(b)!]! || cmp(a, b);
  for (const list of [...shared.values(), ...beside.values()]) list.sort(nearestFirst);
  return { singlePointsOfFailure: spofs, sharedFailures: shared, besideGroup: beside };
}
