/**
 * Proxmox's answers turned into what the model talks about: nodes, guests and storage, in the
 * model's units (memory MiB, disk GiB, tags lower-case and sorted), and what the token could not
 * see. Pure.
 *
 * Visibility: /cluster/resources silently leaves out guests the token lacks VM.Audit for and storage
 * it lacks Datastore.Audit for, and leaves node figures out without Sys.Audit (nodes are always
 * listed). When /access/permissions is in the answers it decides per path; without it, an answer
 * with no guests (or no storage) at all while nodes are online is read as "not visible", never as
 * "everything was deleted".
 */
import { both } from '../i18n/store.ts';
import type { ProxmoxAnswers } from './answers.ts';
import { configDiskGib, configIps, configMemoryMib, splitTags, startupOrder, type GuestConfig, type HaNode } from './schemas.ts';

export interface ObservedNode {
  name: string;
  status: string;
  ip?: string;
  cpus?: number;
  memoryMb?: number;
  /** False when the token could not read the node's figures (no Sys.Audit). */
  statsVisible: boolean;
}

export interface ObservedGuest {
  vmid: number;
  kind: 'qemu' | 'lxc';
  node: string;
  name?: string;
  /** running, stopped, paused, …; `unknown` before RRD data or with an offline node. */
  status: string;
  template: boolean;
  cores?: number;
  memoryMb?: number;
  diskGb?: number;
  tags: string[];
  onboot?: boolean;
  startupOrder?: number;
  ips: string[];
  ostype?: string;
  hastate?: string;
  /** True when this guest's config was read (onboot, startup order and IPs come only from it). */
  configRead: boolean;
}

export interface ObservedStorage {
  id: string;
  node: string;
  plugintype?: string;
  shared: boolean;
  status: string;
  content?: string;
  usedPercent?: number;
  totalBytes?: number;
}

/** Where Proxmox lets an HA guest run: its group (PVE 7/8) or node-affinity rule (PVE 9). */
export interface HaPlacement {
  source: 'group' | 'rule';
  /** The group's or the rule's id. */
  name: string;
  nodes: HaNode[];
  /** A restricted group / strict rule: only on these nodes. Otherwise it may run on any node when none of them is up. */
  restricted: boolean;
}

export interface ObservedHa {
  sid: string;
  vmid?: number;
  state?: string;
  group?: string;
  /**
   * Whether the answers say where it may run: true when they hold the groups (/cluster/ha/groups)
   * or the rules (/cluster/ha/rules) and this guest's group, if it names one, is among them.
   * False: nothing can be said about its nodes.
   */
  placementKnown: boolean;
  /** Its group or node-affinity rule; none (with placementKnown) means any node, no preference. */
  placement?: HaPlacement;
  /**
   * The nodes it may run on, in the model's sense (`ha.group`): only for a restricted group or strict
   * rule whose nodes are fewer than the cluster's. Otherwise undefined: any node of the cluster.
   */
  allowedNodes?: string[];
  /** The one node with a higher priority than every other node of its group or rule (`ha.preferred`). */
  preferredNode?: string;
}

export type Visibility = 'visible' | 'hidden' | 'unknown';

export interface Observed {
  source: { kind: 'snapshot' | 'api'; where: string };
  takenAt?: string;
  version?: string;
  cluster?: { name: string; quorate?: boolean; nodes?: number };
  /** The node that answered (/cluster/status `local`); /version is its version. */
  localNode?: string;
  nodes: ObservedNode[];
  /** SDN zones per node (`sdn` items, or `network` items of network-type zone). */
  sdnZones: { id: string; node: string }[];
  guests: ObservedGuest[];
  storage: ObservedStorage[];
  ha: ObservedHa[];
  /** Whether the token could see a guest (by vmid) / storage (by id). `unknown` = cannot tell. */
  guestVisible: (vmid: number) => Visibility;
  storageVisible: (id: string) => Visibility;
  /** Why things may be missing, in both languages; shown at the top of a report. */
  visibilityNotes: { nb: string; en: string }[];
}

/** Does `permissions` grant `priv` on `path` or one of its parents? (The API lists effective ACL paths.) */
function granted(permissions: Record<string, Record<string, boolean>>, path: string, priv: string): boolean {
  const parts = path.split('/').filter(Boolean);
  for (let i = parts.length; i >= 0; i--) {
    const p = '/' + parts.slice(0, i).join('/');
    if (permissions[p]?.[priv]) return true;
  }
  return false;
}

/**
 * An HA resource's group or node-affinity rule. The rules win when the answers hold them: PVE 9
 * answers /cluster/ha/rules with its groups already turned into rules (`ha-group-<name>`). A
 * disabled rule does not apply, nor does one the answer marks with `errors` (the CRM drops an
 * infeasible rule, e.g. a second node-affinity rule for the same resource); two that remain for one
 * resource leave its placement unknown.
 */
function haPlacement(answers: ProxmoxAnswers, sid: string, group: string | undefined): { known: boolean; placement?: HaPlacement } {
  if (answers.haRules) {
    const rules = answers.haRules.filter(
      (r): r is Extract<typeof r, { type: 'node-affinity' }> =>
        r.type === 'node-affinity' &&
        !('passedOver' in r) &&
        !r.disable &&
        Object.keys(r.errors ?? {}).length === 0 &&
        r.resources.includes(sid),
    );
    if (rules.length > 1) return { known: false };
    const rule = rules[0];
    return {
      known: true,
      ...(rule ? { placement: { source: 'rule', name: rule.rule, nodes: rule.nodes, restricted: rule.strict ?? false } } : {}),
    };
  }
  if (answers.haGroups) {
    if (!group) return { known: true };
    const found = answers.haGroups.find((g) => g.group === group);
    if (!found) return { known: false };
    return { known: true, placement: { source: 'group', name: found.group, nodes: found.nodes, restricted: found.restricted ?? false } };
  }
  return { known: false };
}

/** The node whose priority is above every other's; none when two or more share the highest. */
function preferredOf(nodes: HaNode[]): string | undefined {
  const top = Math.max(...nodes.map((n) => n.priority));
  const best = nodes.filter((n) => n.priority === top);
  return best.length === 1 ? best[0]!.node : undefined;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function observe(answers: ProxmoxAnswers): Observed {
  const configs = new Map<string, GuestConfig>(answers.configs.map((c) => [`${c.kind}/${c.vmid}`, c.config]));
  const statusNodes = new Map((answers.status ?? []).filter((s) => s.type === 'node').map((s) => [s.name, s]));
  const clusterItem = answers.status?.find((s) => s.type === 'cluster');

  const nodes: ObservedNode[] = answers.resources
    .filter((r) => r.type === 'node')
    .map((r) => {
      const status = statusNodes.get(r.node!);
      const statsVisible = r.maxcpu !== undefined || r.maxmem !== undefined;
      return {
        name: r.node!,
        status: r.status ?? 'unknown',
        ...(status?.ip ? { ip: status.ip } : {}),
        ...(r.maxcpu !== undefined ? { cpus: r.maxcpu } : {}),
        ...(r.maxmem !== undefined ? { memoryMb: Math.round(r.maxmem / 1024 ** 2) } : {}),
        statsVisible,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  const haBySid = new Map((answers.ha ?? []).map((h) => [h.sid.replace(/^\d+$/, (n) => `vm:${n}`), h]));

  const guests: ObservedGuest[] = answers.resources
    .filter((r) => r.type === 'qemu' || r.type === 'lxc')
    .map((r) => {
      const kind = r.type as 'qemu' | 'lxc';
      const config = configs.get(`${kind}/${r.vmid}`);
      const name = r.name ?? config?.name ?? config?.hostname;
      const memoryMb = configMemoryMib(config?.memory) ?? (r.maxmem ? Math.round(r.maxmem / 1024 ** 2) : undefined);
      const cores =
        config?.cores !== undefined
          ? config.cores * (kind === 'qemu' ? (config.sockets ?? 1) : 1)
          : kind === 'qemu' && config
            ? 1 * (config.sockets ?? 1)
            : r.maxcpu;
      const diskGb = (config && configDiskGib(kind, config)) ?? (r.maxdisk ? round(r.maxdisk / 1024 ** 3, 2) : undefined);
      const tags = splitTags(r.tags ?? config?.tags);
      const ha = haBySid.get(`${kind === 'qemu' ? 'vm' : 'ct'}:${r.vmid}`);
      const order = startupOrder(config?.startup);
      return {
        vmid: r.vmid!,
        kind,
        node: r.node!,
        ...(name ? { name } : {}),
        status: r.status ?? 'unknown',
        template: r.template ?? config?.template ?? false,
        ...(cores !== undefined ? { cores } : {}),
        ...(memoryMb !== undefined ? { memoryMb } : {}),
        ...(diskGb !== undefined ? { diskGb } : {}),
        tags,
        ...(config ? { onboot: config.onboot ?? false } : {}),
        ...(order !== undefined ? { startupOrder: order } : {}),
        ips: config ? configIps(kind, config) : [],
        ...(config?.ostype ? { ostype: config.ostype } : {}),
        ...((r.hastate ?? ha?.state) ? { hastate: r.hastate ?? ha?.state } : {}),
        configRead: config !== undefined,
      };
    })
    .sort((a, b) => a.vmid - b.vmid);

  const storage: ObservedStorage[] = answers.resources
    .filter((r) => r.type === 'storage')
    .map((r) => ({
      id: r.storage!,
      node: r.node!,
      ...(r.plugintype ? { plugintype: r.plugintype } : {}),
      shared: r.shared ?? false,
      status: r.status ?? 'unknown',
      ...(r.content ? { content: r.content } : {}),
      ...(r.maxdisk ? { usedPercent: round(((r.disk ?? 0) / r.maxdisk) * 100, 1), totalBytes: r.maxdisk } : {}),
    }))
    .sort((a, b) => a.id.localeCompare(b.id) || a.node.localeCompare(b.node));

  const sdnZones = answers.resources.flatMap((r) => {
    const zone = r.type === 'sdn' ? r.sdn : r.type === 'network' && r['network-type'] === 'zone' ? r.network : undefined;
    return typeof zone === 'string' && r.node ? [{ id: zone, node: r.node }] : [];
  });
  const localNode = answers.status?.find((s) => s.type === 'node' && s.local)?.name;

  const clusterNodes = nodes.map((n) => n.name);
  const ha: ObservedHa[] = (answers.ha ?? []).map((h) => {
    const vmid = Number(h.sid.split(':').at(-1));
    const { known, placement } = haPlacement(
      answers,
      h.sid.replace(/^\d+$/, (n) => `vm:${n}`),
      h.group,
    );
    // Highest priority first, then by name: Proxmox keeps no order of its own (a group's nodes come back in hash order).
    const names = placement
      ? [...placement.nodes]
          .sort((a, b) => b.priority - a.priority || a.node.localeCompare(b.node))
          .map((n) => n.node)
          .filter((n) => clusterNodes.includes(n))
      : [];
    const allowed = placement?.restricted && names.length > 0 && names.length < clusterNodes.length ? names : undefined;
    const preferred = placement ? preferredOf(placement.nodes.filter((n) => clusterNodes.includes(n.node))) : undefined;
    return {
      sid: h.sid,
      ...(Number.isInteger(vmid) ? { vmid } : {}),
      ...(h.state ? { state: h.state } : {}),
      ...(h.group ? { group: h.group } : {}),
      placementKnown: known,
      ...(placement ? { placement } : {}),
      ...(allowed ? { allowedNodes: allowed } : {}),
      ...(preferred ? { preferredNode: preferred } : {}),
    };
  });

  const visibilityNotes: { nb: string; en: string }[] = [];
  const onlineNodes = nodes.filter((n) => n.status === 'online');
  const permissions = answers.permissions;
  let guestVisible: (vmid: number) => Visibility;
  let storageVisible: (id: string) => Visibility;
  const seenGuests = new Set(guests.map((g) => g.vmid));
  const seenStorage = new Set(storage.map((s) => s.id));
  if (permissions) {
    guestVisible = (vmid) => (seenGuests.has(vmid) || granted(permissions, `/vms/${vmid}`, 'VM.Audit') ? 'visible' : 'hidden');
    storageVisible = (id) => (seenStorage.has(id) || granted(permissions, `/storage/${id}`, 'Datastore.Audit') ? 'visible' : 'hidden');
    if (!granted(permissions, '/vms', 'VM.Audit')) {
      visibilityNotes.push(both('driftNote.noVmAudit'));
    }
    if (!granted(permissions, '/storage', 'Datastore.Audit')) {
      visibilityNotes.push(both('driftNote.noDatastoreAudit'));
    }
  } else {
    const noGuests = guests.length === 0 && onlineNodes.length > 0;
    const noStorage = storage.length === 0 && onlineNodes.length > 0;
    guestVisible = (vmid) => (seenGuests.has(vmid) ? 'visible' : noGuests ? 'unknown' : 'visible');
    storageVisible = (id) => (seenStorage.has(id) ? 'visible' : noStorage ? 'unknown' : 'visible');
    if (noGuests) {
      visibilityNotes.push(both('driftNote.noGuests'));
    }
    if (noStorage) {
      visibilityNotes.push(both('driftNote.noStorage'));
    }
  }
  // Without /access/permissions a node without figures may simply have no RRD data yet: say nothing.
  if (permissions && nodes.some((n) => !granted(permissions, `/nodes/${n.name}`, 'Sys.Audit'))) {
    visibilityNotes.push(both('driftNote.noSysAudit'));
  }

  return {
    source: answers.source,
    ...(answers.takenAt ? { takenAt: answers.takenAt } : {}),
    ...(answers.version ? { version: answers.version.version } : {}),
    ...(clusterItem
      ? {
          cluster: {
            name: clusterItem.name,
            ...(clusterItem.quorate !== undefined ? { quorate: clusterItem.quorate } : {}),
            ...(clusterItem.nodes !== undefined ? { nodes: clusterItem.nodes } : {}),
          },
        }
      : {}),
    ...(localNode ? { localNode } : {}),
    nodes,
    sdnZones,
    guests,
    storage,
    ha,
    guestVisible,
    storageVisible,
    visibilityNotes,
  };
}
