/**
 * Zod schemas for the Proxmox VE API answers driftsbok reads, with the fields and types of the API's
 * own schema (pve-manager PVE/API2/Cluster.pm, PVE/API2Tools.pm; qemu-server and pve-container for
 * guest configs). Objects are loose: Proxmox adds fields between releases, and a field we do not
 * read must not make a snapshot unreadable. What we do read is checked, and the few things Proxmox
 * itself leaves vague are normalised here, once:
 *   - `template` is 0/1 (a Perl boolean), sometimes true/false from other clients;
 *   - `tags` is one string, split on `;`, `,` or spaces, lower-cased;
 *   - `memory` in a guest config is MiB, a number or (since PVE 8.1) a string `[current=]<MiB>`,
 *     while `maxmem` in /cluster/resources is bytes;
 *   - `name` and `status` may be missing (a guest with no RRD data yet), `status` may be `unknown`.
 */
import { z } from 'zod';

/** 0/1, "0"/"1" or true/false → boolean. */
export const PveBoolean = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.literal('0'), z.literal('1')])
  .transform((v) => v === true || v === 1 || v === '1');

/** Numbers Proxmox sometimes prints as strings (pvesh, older releases). */
const PveNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const PveInteger = PveNumber.pipe(z.number().int());

/** Tags as Proxmox stores them: one string, `;`-separated (older: `,` or spaces). */
export function splitTags(tags: string | undefined): string[] {
  if (!tags) return [];
  return [
    ...new Set(
      tags
        .split(/[;,\s]+/)
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ].sort();
}

/** The `type` values /cluster/resources may answer with (PVE 8/9). Anything else is refused. */
export const RESOURCE_TYPES = ['node', 'storage', 'pool', 'qemu', 'lxc', 'openvz', 'sdn', 'network'] as const;

/** One item of GET /cluster/resources. */
export const ClusterResourceSchema = z.looseObject({
  id: z.string().min(1),
  type: z.enum(RESOURCE_TYPES, { message: `must be one of ${RESOURCE_TYPES.join(', ')}` }),
  status: z.string().optional(),
  name: z.string().optional(),
  node: z.string().optional(),
  storage: z.string().optional(),
  pool: z.string().optional(),
  vmid: PveInteger.optional(),
  cpu: PveNumber.optional(),
  maxcpu: PveNumber.optional(),
  mem: PveInteger.optional(),
  /** Bytes. */
  maxmem: PveInteger.optional(),
  /** Bytes: used (storage), or the root image's use (guests). */
  disk: PveInteger.optional(),
  /** Bytes: storage size, or the root image's size (guests). */
  maxdisk: PveInteger.optional(),
  uptime: PveInteger.optional(),
  template: PveBoolean.optional(),
  tags: z.string().optional(),
  hastate: z.string().optional(),
  lock: z.string().optional(),
  plugintype: z.string().optional(),
  content: z.string().optional(),
  shared: PveBoolean.optional(),
  sdn: z.string().optional(),
  network: z.string().optional(),
  'network-type': z.string().optional(),
  level: z.string().optional(),
});
export type ClusterResource = z.infer<typeof ClusterResourceSchema>;
export const ClusterResourcesSchema = z.array(ClusterResourceSchema);

/** One item of GET /cluster/status: the cluster itself (when clustered) and each node. */
export const ClusterStatusItemSchema = z.looseObject({
  type: z.enum(['cluster', 'node']),
  id: z.string().optional(),
  name: z.string(),
  nodes: PveInteger.optional(),
  quorate: PveBoolean.optional(),
  version: PveInteger.optional(),
  nodeid: PveInteger.optional(),
  ip: z.string().optional(),
  local: PveBoolean.optional(),
  online: PveBoolean.optional(),
  level: z.string().optional(),
});
export const ClusterStatusSchema = z.array(ClusterStatusItemSchema);
export type ClusterStatusItem = z.infer<typeof ClusterStatusItemSchema>;

/** One item of GET /storage (the storage configuration, cluster-wide). */
export const StorageConfigItemSchema = z.looseObject({
  storage: z.string().min(1),
  type: z.string().min(1),
  content: z.string().optional(),
  nodes: z.string().optional(),
  shared: PveBoolean.optional(),
  disable: PveBoolean.optional(),
  path: z.string().optional(),
});
export const StorageConfigSchema = z.array(StorageConfigItemSchema);
export type StorageConfigItem = z.infer<typeof StorageConfigItemSchema>;

/** One item of GET /cluster/ha/resources. */
export const HaResourceSchema = z.looseObject({
  sid: z.string().regex(/^(vm|ct):\d+$|^\d+$/, { message: 'must be an HA service id such as "vm:100" or "ct:101"' }),
  type: z.enum(['vm', 'ct']).optional(),
  state: z.string().optional(),
  group: z.string().optional(),
  comment: z.string().optional(),
  max_restart: PveInteger.optional(),
  max_relocate: PveInteger.optional(),
});
export const HaResourcesSchema = z.array(HaResourceSchema);
export type HaResource = z.infer<typeof HaResourceSchema>;

/** A node of an HA group or node-affinity rule, with its priority (higher is preferred; default 0). */
export interface HaNode {
  node: string;
  priority: number;
}

/** One entry of Proxmox's `pve-ha-node-list` (pve-ha-manager PVE/HA/Tools.pm, parse_node_priority). */
const HA_NODE = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?::\\d+)?';
const HA_NODE_LIST = new RegExp(`^[\\s,;]*${HA_NODE}(?:[\\s,;]+${HA_NODE})*[\\s,;]*$`);

/** "pve1:2,pve2:1,pve3" → nodes with priorities (a node without one has priority 0), in the given order. */
export function parseHaNodes(text: string): HaNode[] {
  const out: HaNode[] = [];
  for (const entry of text.split(/[\s,;]+/).filter(Boolean)) {
    const [node, priority] = entry.split(':');
    if (!out.some((n) => n.node === node)) out.push({ node: node!, priority: priority === undefined ? 0 : Number(priority) });
  }
  return out;
}

const HaNodeListSchema = z
  .string()
  .regex(HA_NODE_LIST, { message: 'must be a list of nodes with optional priorities, such as "pve1:2,pve2:1,pve3"' })
  .transform(parseHaNodes);

/** "vm:100,ct:101" → ["vm:100", "ct:101"] (`pve-ha-resource-id-list`). */
const HaResourceListSchema = z
  .string()
  .regex(/^[\s,;]*[a-z]+:[^\s,;]+(?:[\s,;]+[a-z]+:[^\s,;]+)*[\s,;]*$/, {
    message: 'must be a list of HA resource ids, such as "vm:100,ct:101"',
  })
  .transform((text) => [...new Set(text.split(/[\s,;]+/).filter(Boolean))]);

/**
 * One item of GET /cluster/ha/groups (PVE 7 and 8; PVE 9 answers with an error once the groups are
 * migrated to rules). pve-ha-manager PVE/HA/Groups.pm: `nodes` is a node list with priorities,
 * `restricted` (default 0) keeps its resources on those nodes, `nofailback` (default 0).
 */
export const HaGroupSchema = z.looseObject({
  group: z.string().min(1),
  type: z.string().optional(),
  nodes: HaNodeListSchema,
  restricted: PveBoolean.optional(),
  nofailback: PveBoolean.optional(),
  comment: z.string().optional(),
});
export const HaGroupsSchema = z.array(HaGroupSchema);
export type HaGroup = z.infer<typeof HaGroupSchema>;

/** A node-affinity rule (PVE 9, pve-ha-manager PVE/HA/Rules/NodeAffinity.pm): `strict` (default 0) as a group's `restricted`. */
export const HaNodeAffinityRuleSchema = z.looseObject({
  rule: z.string().min(1),
  type: z.literal('node-affinity'),
  resources: HaResourceListSchema,
  nodes: HaNodeListSchema,
  strict: PveBoolean.optional(),
  disable: PveBoolean.optional(),
  comment: z.string().optional(),
  /** Set when the rule makes the rule set infeasible ({option: [messages]}); the CRM then drops the rule. */
  errors: z.record(z.string(), z.unknown()).optional(),
});
export type HaNodeAffinityRule = z.infer<typeof HaNodeAffinityRuleSchema>;

/**
 * One item of GET /cluster/ha/rules (PVE 9). Node-affinity rules are read whole; any other type
 * (`resource-affinity`, which keeps guests together or apart, or a type a later release adds) is
 * passed over: it does not say which nodes a guest may run on.
 */
export const HaRuleSchema = z.looseObject({ type: z.string().min(1), rule: z.string().optional() }).transform((value, ctx) => {
  if (value.type !== 'node-affinity') return { type: value.type, ...(value.rule ? { rule: value.rule } : {}), passedOver: true as const };
  const result = HaNodeAffinityRuleSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: value } as (typeof ctx.issues)[number]);
  return z.NEVER;
});
export const HaRulesSchema = z.array(HaRuleSchema);
export type HaRule = z.infer<typeof HaRuleSchema>;

/** GET /version. */
export const VersionSchema = z.looseObject({
  version: z.string().min(1),
  release: z.string().optional(),
  repoid: z.string().optional(),
});
export type PveVersion = z.infer<typeof VersionSchema>;

/** GET /access/permissions: path → privilege → 0/1. Tells what the token was allowed to see. */
export const PermissionsSchema = z.record(z.string(), z.record(z.string(), PveBoolean));
export type Permissions = z.infer<typeof PermissionsSchema>;

/**
 * GET /nodes/{node}/{qemu|lxc}/{vmid}/config. Keys vary by guest (net0…net31, scsi0…, ipconfig0…),
 * so the object stays loose and the numbered keys are read by name.
 */
export const GuestConfigSchema = z.looseObject({
  name: z.string().optional(),
  hostname: z.string().optional(),
  /** MiB: a number, or "[current=]<MiB>" (qemu-server since PVE 8.1). */
  memory: z.union([z.number(), z.string()]).optional(),
  cores: PveInteger.optional(),
  sockets: PveInteger.optional(),
  onboot: PveBoolean.optional(),
  /** "[order=]<n>[,up=<s>][,down=<s>]". */
  startup: z.string().optional(),
  tags: z.string().optional(),
  template: PveBoolean.optional(),
  ostype: z.string().optional(),
  rootfs: z.string().optional(),
  boot: z.string().optional(),
  bootdisk: z.string().optional(),
  description: z.string().optional(),
});
export type GuestConfig = z.infer<typeof GuestConfigSchema>;

/** MiB from a config's `memory` ("4096", "current=4096", 4096). */
export function configMemoryMib(memory: number | string | undefined): number | undefined {
  if (memory === undefined) return undefined;
  if (typeof memory === 'number') return Number.isFinite(memory) ? memory : undefined;
  const match = /^(?:current=)?(\d+)(?:,|$)/.exec(memory.trim()) ?? /(?:^|,)current=(\d+)(?:,|$)/.exec(memory);
  return match ? Number(match[1]) : undefined;
}

/** The `order` of a `startup` string ("order=2,up=30" or "2"). */
export function startupOrder(startup: string | undefined): number | undefined {
  if (!startup) return undefined;
  for (const part of startup.split(',')) {
    const [key, value] = part.includes('=') ? part.split('=', 2) : ['order', part];
    if (key!.trim() === 'order' && /^\d+$/.test(value!.trim())) return Number(value);
  }
  return undefined;
}

/** A property string "a=1,b=2" → map (the first, key-less item is returned under ""). */
export function propertyString(text: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split(',').forEach((part, index) => {
    const eq = part.indexOf('=');
    if (eq < 0) out.set(index === 0 ? '' : part.trim(), index === 0 ? part.trim() : '');
    else out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  });
  return out;
}

/** "100G", "32768M", "1T", "512K" (Proxmox's units are binary) → GiB. A bare number is bytes. */
export function sizeToGib(size: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([KMGT]?)$/i.exec(size.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const factor = { '': 1 / 1024 ** 3, K: 1 / 1024 ** 2, M: 1 / 1024, G: 1, T: 1024 }[match[2]!.toUpperCase() as '' | 'K' | 'M' | 'G' | 'T'];
  return Math.round(value * factor * 100) / 100;
}

/** Disk size (GiB) of a guest config: LXC rootfs, or the QEMU boot disk (else the first disk). */
export function configDiskGib(kind: 'qemu' | 'lxc', config: GuestConfig): number | undefined {
  const sizeOf = (value: unknown) => {
    if (typeof value !== 'string') return undefined;
    const props = propertyString(value);
    if (props.get('media') === 'cdrom') return undefined;
    const size = props.get('size');
    return size ? sizeToGib(size) : undefined;
  };
  if (kind === 'lxc') return sizeOf(config.rootfs);
  const record = config as Record<string, unknown>;
  const bootOrder = config.boot ? propertyString(config.boot).get('order')?.split(';') : config.bootdisk ? [config.bootdisk] : undefined;
  for (const device of bootOrder ?? []) {
    const size = sizeOf(record[device.trim()]);
    if (size !== undefined) return size;
  }
  const disks = Object.keys(record)
    .filter((k) => /^(scsi|virtio|sata|ide)\d+$/.test(k))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const key of disks) {
    const size = sizeOf(record[key]);
    if (size !== undefined) return size;
  }
  return undefined;
}

/**
 * IPv4 addresses a config states: LXC `net[n]` (`ip=10.0.0.5/24`), QEMU cloud-init `ipconfig[n]`.
 * `dhcp` and `manual` state none. Sorted by interface number.
 */
export function configIps(kind: 'qemu' | 'lxc', config: GuestConfig): string[] {
  const prefix = kind === 'lxc' ? 'net' : 'ipconfig';
  const record = config as Record<string, unknown>;
  return Object.keys(record)
    .filter((k) => new RegExp(`^${prefix}\\d+$`).test(k))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .flatMap((k) => {
      const value = record[k];
      if (typeof value !== 'string') return [];
      const ip = propertyString(value).get('ip');
      const match = ip && /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/\d+)?$/.exec(ip);
      return match ? [match[1]!] : [];
    });
}
