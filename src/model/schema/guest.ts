import { z } from 'zod';
import { ReachFields } from './reach.ts';
import { EntityBaseFields, IdSchema, Ipv4Schema, LabelSchema, LocalizedProseSchema, SensitiveSchema, VersionSchema } from './common.ts';

export const VmidSchema = z
  .number({ message: 'must be a Proxmox VM id: a whole number from 100 to 999999999' })
  .int()
  .min(100, { message: 'Proxmox VM ids start at 100' })
  .max(999_999_999)
  .meta({ description: 'Proxmox VM/CT id (100-999999999).' });

/** A piece of software installed in a guest. */
export const SoftwareSchema = z.strictObject({
  name: LabelSchema,
  version: VersionSchema.optional(),
  sensitive: SensitiveSchema,
});

/** A source repository checked out in a guest. */
export const RepoSchema = z.strictObject({
  path: LabelSchema,
  description: LocalizedProseSchema.optional(),
});

/**
 * HA management: the cluster's ha-manager starts the guest on an allowed node (the group's, or any
 * node of the cluster) and moves it when that node fails. The guest is up while the cluster has
 * quorum and at least one allowed node is up; `host` still says where it runs today.
 */
export const HaSchema = z
  .strictObject({
    cluster: IdSchema.meta({ description: 'The cluster whose ha-manager manages it (a cluster id).' }),
    group: z
      .array(IdSchema)
      .min(1, { message: 'an HA group needs at least one node' })
      .optional()
      .meta({ description: 'The nodes it may run on (host ids, nodes of the cluster); without it, any node of the cluster.' }),
    preferred: IdSchema.optional().meta({ description: 'The node it prefers when that node is up (a host id).' }),
  })
  .meta({ id: 'Ha', description: 'HA-managed: the cluster, the nodes it may run on, the node it prefers.' });
export type Ha = z.infer<typeof HaSchema>;

/** A QEMU virtual machine or an LXC container on a Proxmox host. */
export const GuestSchema = z.strictObject({
  ...EntityBaseFields,
  vmid: VmidSchema,
  kind: z.enum(['lxc', 'qemu']).meta({ description: 'lxc (container) or qemu (virtual machine)' }),
  host: IdSchema.meta({ description: 'The host it runs on (a host id); with `ha`, where it runs today.' }),
  ha: HaSchema.optional(),
  status: z.enum(['running', 'stopped', 'planned']).meta({ description: 'running, stopped, or planned' }),
  cores: z.number().int().min(1).max(1024).optional(),
  memoryMb: z.number().int().min(1).optional().meta({ description: 'Memory in MB as Proxmox shows it.' }),
  diskGb: z.number().min(0).optional().meta({ description: 'Disk size in GB.' }),
  tags: z.array(IdSchema).optional(),
  onboot: z.boolean().optional().meta({ description: 'Whether Proxmox starts it when the host boots (onboot).' }),
  startupOrder: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: "Proxmox's startup order (the `order=` of `startup`): lower starts first." }),
  os: LabelSchema.optional(),
  ip: Ipv4Schema.optional().meta({ description: 'One IPv4 address: shorthand for reach.ips. Sensitive: left out of the public build profile.' }),
  ...ReachFields,
  user: LabelSchema.optional().meta({ description: 'Login user. Sensitive: left out of the public build profile.' }),
  purpose: LocalizedProseSchema.optional(),
  installed: z.array(SoftwareSchema).optional(),
  mcpServers: z.array(LabelSchema).optional().meta({ description: 'MCP servers configured for agents here.' }),
  repos: z.array(RepoSchema).optional(),
  access: LocalizedProseSchema.optional().meta({
    description: 'How one gets in. Sensitive: left out of the public build profile.',
  }),
  commands: z
    .array(z.strictObject({ title: LocalizedProseSchema, run: z.string().min(1).max(2000) }))
    .optional()
    .meta({ description: 'Commands the owner uses here, shown verbatim. Sensitive.' }),
}).meta({ id: 'Guest', description: 'A QEMU virtual machine or an LXC container on a Proxmox host.' });
export type Guest = z.infer<typeof GuestSchema>;
