/**
 * Counts computed from the model, never typed: guests by kind and status, cores, memory, disk.
 * Pages, the check command and the stated-summary audit all use this one function.
 */
import type { Model } from '../model/schema/model.ts';

export interface GuestCounts {
  running: number;
  stopped: number;
  /** Planned guests exist only on paper; not included in `total`. */
  planned: number;
  /** running + stopped */
  total: number;
}

export interface ResourceTotal {
  /** Sum over running guests that state the value. */
  running: number;
  /** Sum over running and stopped guests that state the value. */
  total: number;
  /** Running or stopped guests that do not state it (the sums leave them out). */
  unknown: number;
}

export interface Summary {
  lxc: GuestCounts;
  qemu: GuestCounts;
  guests: GuestCounts;
  cores: ResourceTotal;
  memoryMb: ResourceTotal;
  diskGb: ResourceTotal;
  /** Per host id, in model order: the same counts for the guests on that host. */
  perHost: { host: string; lxc: GuestCounts; qemu: GuestCounts }[];
}

function emptyCounts(): GuestCounts {
  return { running: 0, stopped: 0, planned: 0, total: 0 };
}

function emptyTotal(): ResourceTotal {
  return { running: 0, total: 0, unknown: 0 };
}

function count(counts: GuestCounts, status: string): void {
  if (status === 'running') counts.running++;
  else if (status === 'stopped') counts.stopped++;
  else if (status === 'planned') counts.planned++;
  counts.total = counts.running + counts.stopped;
}

export function summarise(model: Model): Summary {
  const summary: Summary = {
    lxc: emptyCounts(),
    qemu: emptyCounts(),
    guests: emptyCounts(),
    cores: emptyTotal(),
    memoryMb: emptyTotal(),
    diskGb: emptyTotal(),
    perHost: model.hosts.map((h) => ({ host: h.id, lxc: emptyCounts(), qemu: emptyCounts() })),
  };
  const perHost = new Map(summary.perHost.map((p) => [p.host, p]));
  for (const guest of model.guests) {
    count(guest.kind === 'lxc' ? summary.lxc : summary.qemu, guest.status);
    count(summary.guests, guest.status);
    const host = perHost.get(guest.host);
    if (host) count(guest.kind === 'lxc' ? host.lxc : host.qemu, guest.status);
    if (guest.status === 'planned') continue;
    add(summary.cores, guest.cores, guest.status);
    add(summary.memoryMb, guest.memoryMb, guest.status);
    add(summary.diskGb, guest.diskGb, guest.status);
  }
  return summary;
}

function add(total: ResourceTotal, value: number | undefined, status: string): void {
  if (value === undefined) {
    total.unknown++;
    return;
  }
  total.total += value;
  if (status === 'running') total.running += value;
}
