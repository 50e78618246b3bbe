/**
 * Why a cluster, an HA guest or a Ceph pool is up (or not) in one run, as the tallies of the
 * groups its meaning implies (src/model/derived-edges.ts): the cluster's quorum, the HA guest's
 * nodes with its cluster's quorum, the Ceph pool's OSD nodes and monitors. Entity pages say it for
 * normal operation ("klyngen har quorum (3 av 3 stemmer), og pve1, pve2 og pve3 er oppe").
 */
import { downStateFor, groupTally, type DownState, type FailureGraph } from './propagate.ts';
import type { GroupTally } from './types.ts';

/** The tallies of the derived groups an entity owns, in a run (empty for anything else). */
export function availabilityTallies(fg: FailureGraph, state: DownState, key: string): GroupTally[] {
  const i = fg.index.get(key);
  if (i === undefined) return [];
  return fg.ownGroups[i]!.map((g) => groupTally(fg, state, g)).filter((t): t is GroupTally => t !== undefined);
}

/** The same in normal operation (only stopped guests and impossible groups down). */
export function baselineTallies(fg: FailureGraph, key: string, baseline: DownState = downStateFor(fg, [])): GroupTally[] {
  return availabilityTallies(fg, baseline, key);
}
