/**
 * Start order after a host restart, per Proxmox host.
 *
 * Guest A waits for guest B (both running, on the same host) when A depends on B through a path of
 * dependency edges (hard relations, anyOf members, and enhancedBy: a guest that enhances another is
 * still worth starting first) whose intermediate entities are not guests: systems, capabilities,
 * network elements and the like are transparent, another guest is not (A then waits for that guest,
 * which in turn waits for B). runsOn/partOf towards hosts and locatedIn are not followed: the host
 * is up by definition when its guests start. Planned entities are skipped.
 *
 * The order is Kahn's topological sort with ties broken by vmid. Should the model contain a cycle
 * (the checker rejects them), the guest with the lowest vmid among those left is started next, so
 * the function always returns every running guest exactly once.
 */
import type { Graph } from './graph.ts';
import { isFailureEntity } from './propagate.ts';
import type { StartOrder, StartStep } from './types.ts';

/** Relations followed when looking for the guests a guest waits for. */
const ORDER_RELATIONS: ReadonlySet<string> = new Set(['dependsOn', 'connectsVia', 'poweredBy', 'enhancedBy']);

interface GuestInfo {
  key: string;
  vmid: number;
  kind: 'lxc' | 'qemu';
  host: string;
  status: string;
}

function guestInfo(graph: Graph, key: string): GuestInfo | undefined {
  const record = graph.records.get(key);
  if (!record || record.kind !== 'guest') return undefined;
  const e = record.entity;
  return { key, vmid: Number(e.vmid), kind: e.kind === 'qemu' ? 'qemu' : 'lxc', host: `host:${String(e.host)}`, status: String(e.status) };
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
      else if (record.kind !== 'host') stack.push(to);
    }
  }
  return found;
}

export function computeStartOrders(graph: Graph): StartOrder[] {
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
      waitsFor.set(g.key, deps.sort((a, b) => vmidOf(graph, a) - vmidOf(graph, b)));
    }
    const started = new Set<string>();
    const steps: StartStep[] = [];
    const left = [...running];
    while (left.length) {
      // `left` is sorted by vmid: take the first whose dependencies are started, else the first.
      let pick = left.findIndex((g) => waitsFor.get(g.key)!.every((d) => started.has(d)));
      if (pick === -1) pick = 0;
      const g = left.splice(pick, 1)[0]!;
      started.add(g.key);
      steps.push({
        position: steps.length + 1,
        guest: g.key,
        vmid: g.vmid,
        kind: g.kind,
        command: `${g.kind === 'qemu' ? 'qm' : 'pct'} start ${g.vmid}`,
        waitsFor: waitsFor.get(g.key)!,
      });
    }
    const stopped = onHost.filter((g) => g.status === 'stopped').map((g) => g.key);
    return { host, steps, stopped };
  });
}

function vmidOf(graph: Graph, key: string): number {
  return Number(graph.records.get(key)?.entity.vmid ?? 0);
}
