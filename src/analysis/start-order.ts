/**
 * Start order after a host restart, per Proxmox host.
 *
 * Guest A waits for guest B (both running, on the same host) when A depends on B through a path of
 * dependency edges (hard relations, anyOf members, and enhancedBy: a guest that enhances another is
 * still worth starting first) whose intermediate entities are not guests: systems, capabilities,
 * network elements and the like are transparent, another guest is not (A then waits for that guest,
 * which in turn waits for B). runsOn/partOf towards hosts and locatedIn are not followed: the host
 * is up by definition when its guests start. Planned entities are skipped. An HA guest is listed
 * under the node it runs on today, and started by its cluster's ha-manager (the command says so);
 * a pinned guest with `pct start`/`qm start` on its node.
 *
 * Among the guests whose dependencies are up, the next one is the highest in rank, then the lowest
 * vmid. A guest's own rank is the highest tier of what goes down when it alone is down (the failure
 * analysis run for that guest: a critical capability or system → critical, a comfort one → comfort,
 * nothing with a tier → other); a guest that something of a higher rank waits for is moved up to
 * that rank. So the guests a critical capability needs start first, before anything merely
 * comfortable, and nothing starts before what it waits for. Each step says why it is where it is.
 *
 * Should the model contain a cycle (the checker rejects them), the guest first in that order among
 * those left is started next, so the function always returns every running guest exactly once.
 */
import type { Graph } from '../model/graph.ts';
import type { Model } from '../model/schema/model.ts';
import { compileFailureGraph, downStateFor, isFailureEntity, type FailureGraph } from './propagate.ts';
import type { StartOrder, StartRank, StartReason, StartStep } from './types.ts';

const RANK_ORDER: Record<StartRank, number> = { critical: 0, comfort: 1, other: 2 };
const RANKS: StartRank[] = ['critical', 'comfort', 'other'];

/** Relations followed when looking for the guests a guest waits for. */
const ORDER_RELATIONS: ReadonlySet<string> = new Set(['dependsOn', 'connectsVia', 'poweredBy', 'enhancedBy']);

interface GuestInfo {
  key: string;
  vmid: number;
  kind: 'lxc' | 'qemu';
  host: string;
  status: string;
  /** The cluster that manages it, for an HA guest. */
  ha?: string;
}

function guestInfo(graph: Graph, key: string): GuestInfo | undefined {
  const record = graph.records.get(key);
  if (!record || record.kind !== 'guest') return undefined;
  const e = record.entity;
  const info: GuestInfo = {
    key,
    vmid: Number(e.vmid),
    kind: e.kind === 'qemu' ? 'qemu' : 'lxc',
    host: `host:${String(e.host)}`,
    status: String(e.status),
  };
  const ha = (e as { ha?: { cluster: string } }).ha;
  if (ha !== undefined) info.ha = `cluster:${ha.cluster}`;
  return info;
}

/** Guests (keys) that `start` reaches through non-guest entities. */
function nearestGuests(graph: Graph, start: string): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length) {
    const x = stack.pop()!;
    for (const edge of graph.outgoing.get(x) ?? []) {
      if (!ORDER_RELATIONS.has(edge.relation)) continue;
      const to = edge.to;
      if (seen.has(to)) continue;
      seen.add(to);
      const record = graph.records.get(to);
      if (!record || !isFailureEntity(record)) continue;
      if (record.kind === 'guest') found.add(to);
      else if (record.kind !== 'host' && record.kind !== 'cluster') stack.push(to);
    }
  }
  return found;
}

/**
 * What a guest alone takes down, by tier: its own rank and the tiered capabilities (or, when no
 * capability of that tier, systems) of that rank that go down with it, compared with the baseline.
 */
function ownRank(fg: FailureGraph, baselineDown: Uint8Array, key: string): { rank: StartRank; serves: string[] } {
  const state = downStateFor(fg, [key]);
  const byRank: Record<StartRank, { capabilities: string[]; systems: string[] }> = {
    critical: { capabilities: [], systems: [] },
    comfort: { capabilities: [], systems: [] },
    other: { capabilities: [], systems: [] },
  };
  for (const i of state.marked) {
    if (baselineDown[i]) continue;
    const record = fg.records[i]!;
    const tier = record.entity.tier;
    if (tier !== 'critical' && tier !== 'comfort') continue;
    if (record.kind === 'capability') byRank[tier].capabilities.push(record.key);
    else if (record.kind === 'system') byRank[tier].systems.push(record.key);
  }
  for (const rank of ['critical', 'comfort'] as const) {
    const { capabilities, systems } = byRank[rank];
    if (capabilities.length || systems.length) return { rank, serves: (capabilities.length ? capabilities : systems).sort() };
  }
  return { rank: 'other', serves: [] };
}

export function computeStartOrders(graph: Graph, failureGraph?: FailureGraph): StartOrder[] {
  // compileFailureGraph reads only the graph when it is given one.
  const fg = failureGraph ?? compileFailureGraph(undefined as unknown as Model, graph);
  const baselineDown = downStateFor(fg, []).down;
  const proxmoxHosts = [...graph.records.values()]
    .filter((r) => r.kind === 'host' && r.entity.kind === 'proxmox' && isFailureEntity(r))
    .map((r) => r.key)
    .sort();
  const guests = [...graph.records.values()]
    .filter((r) => r.kind === 'guest')
    .map((r) => guestInfo(graph, r.key)!)
    .sort((a, b) => a.vmid - b.vmid || (a.key < b.key ? -1 : 1));
  return proxmoxHosts.map((host) => {
    const onHost = guests.filter((g) => g.host === host);
    const running = onHost.filter((g) => g.status === 'running');
    const runningKeys = new Set(running.map((g) => g.key));
    const waitsFor = new Map<string, string[]>();
    for (const g of running) {
      const deps = [...nearestGuests(graph, g.key)].filter((k) => k !== g.key && runningKeys.has(k));
      waitsFor.set(
        g.key,
        deps.sort((a, b) => vmidOf(graph, a) - vmidOf(graph, b)),
      );
    }
    const reasons = rankGuests(running, waitsFor, (key) => ownRank(fg, baselineDown, key));
    const started = new Set<string>();
    const steps: StartStep[] = [];
    // Highest rank first, then lowest vmid (`running` is sorted by vmid, and sort is stable).
    const left = [...running].sort((a, b) => RANK_ORDER[reasons.get(a.key)!.rank] - RANK_ORDER[reasons.get(b.key)!.rank]);
    while (left.length) {
      // Take the first whose dependencies are started, else (a cycle) the first.
      let pick = left.findIndex((g) => waitsFor.get(g.key)!.every((d) => started.has(d)));
      if (pick === -1) pick = 0;
      const g = left.splice(pick, 1)[0]!;
      started.add(g.key);
      steps.push({
        position: steps.length + 1,
        guest: g.key,
        vmid: g.vmid,
        kind: g.kind,
        command: startCommand(g),
        waitsFor: waitsFor.get(g.key)!,
        reason: reasons.get(g.key)!,
        ...(g.ha ? { ha: g.ha } : {}),
      });
    }
    const stopped = onHost.filter((g) => g.status === 'stopped').map((g) => g.key);
    return { host, steps, stopped };
  });
}

/**
 * Each guest's rank: its own, raised to the rank of any guest that waits for it (directly or
 * through others). A fixed point over the wait-for edges, so it ends on cycles too.
 */
function rankGuests(
  running: GuestInfo[],
  waitsFor: Map<string, string[]>,
  own: (key: string) => { rank: StartRank; serves: string[] },
): Map<string, StartReason> {
  const reasons = new Map<string, StartReason>();
  for (const g of running) {
    const { rank, serves } = own(g.key);
    reasons.set(g.key, { rank, ownRank: rank, serves, neededBy: [] });
  }
  const vmid = new Map(running.map((g) => [g.key, g.vmid]));
  for (let changed = true; changed;) {
    changed = false;
    for (const g of running) {
      const waiter = reasons.get(g.key)!;
      for (const dep of waitsFor.get(g.key)!) {
        const needed = reasons.get(dep)!;
        if (RANK_ORDER[waiter.rank] < RANK_ORDER[needed.rank]) {
          needed.rank = waiter.rank;
          needed.neededBy = [];
          changed = true;
        }
        if (waiter.rank === needed.rank && RANK_ORDER[waiter.rank] < RANK_ORDER[needed.ownRank] && !needed.neededBy.includes(g.key)) {
          needed.neededBy.push(g.key);
          needed.neededBy.sort((a, b) => vmid.get(a)! - vmid.get(b)!);
        }
      }
    }
  }
  return reasons;
}

export { RANKS as START_RANKS };

/**
 * The command that starts a guest: `pct start`/`qm start` on its node when it is pinned there; for
 * an HA guest, the cluster's ha-manager, which starts it on an allowed node (from any node's shell).
 */
function startCommand(g: GuestInfo): string {
  if (g.ha) return `ha-manager set ${g.kind === 'qemu' ? 'vm' : 'ct'}:${g.vmid} --state started`;
  return `${g.kind === 'qemu' ? 'qm' : 'pct'} start ${g.vmid}`;
}

function vmidOf(graph: Graph, key: string): number {
  return Number(graph.records.get(key)?.entity.vmid ?? 0);
}
