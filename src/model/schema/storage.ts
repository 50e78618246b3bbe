import { z } from 'zod';
import { EntityBaseFields, IdSchema, LabelSchema, RefSchema } from './common.ts';

/** Storage that lives on one host (the default), or is shared over the network. */
export const STORAGE_TYPES = ['zfs', 'ceph-rbd', 'cephfs', 'nfs', 'iscsi'] as const;
export type StorageType = (typeof STORAGE_TYPES)[number];
/** Types whose pool is spread over Ceph's OSD nodes. */
export const CEPH_TYPES: ReadonlySet<string> = new Set(['ceph-rbd', 'cephfs']);
/** Types served by one server. */
export const SERVED_TYPES: ReadonlySet<string> = new Set(['nfs', 'iscsi']);

/** A Proxmox storage pool. */
export const StorageSchema = z
  .strictObject({
    ...EntityBaseFields,
    host: IdSchema.optional().meta({
      description: 'The host the pool belongs to (a host id). Required, except for Ceph (osdNodes) and NFS/iSCSI (server).',
    }),
    kind: z.enum(['local', 'lvm-thin', 'external', 'other']).optional(),
    type: z.enum(STORAGE_TYPES).optional().meta({
      description:
        'zfs (on its host, optionally replicated), ceph-rbd or cephfs (over osdNodes, with monitors), nfs or iscsi (from a server). Without it: a pool on its host.',
    }),
    osdNodes: z
      .array(IdSchema)
      .min(1)
      .optional()
      .meta({ description: 'Ceph: the hosts with its OSDs (host ids), one failure domain each.' }),
    monitors: z
      .array(IdSchema)
      .min(1)
      .optional()
      .meta({ description: 'Ceph: the hosts that run its monitors (host ids); they need a majority up.' }),
    replicas: z.number().int().min(1).max(16).optional().meta({ description: 'Ceph: copies of each object (`size`, default 3).' }),
    minSize: z
      .number()
      .int()
      .min(1)
      .max(16)
      .optional()
      .meta({ description: 'Ceph: copies that must be up for I/O (`min_size`, default 2).' }),
    server: RefSchema.optional().meta({ description: 'NFS/iSCSI: what serves it (kind:id, e.g. host:nas).' }),
    replication: z
      .strictObject({
        to: IdSchema.meta({ description: 'The host it is replicated to (a host id).' }),
        schedule: LabelSchema.optional().meta({ description: 'How often, as pvesr writes it ("*/15").' }),
      })
      .optional()
      .meta({ description: 'ZFS: storage replication to another node. For recovery: it does not keep the pool up.' }),
    usedPercent: z.number().min(0).max(100).optional().meta({ description: 'Share used, in percent.' }),
  })
  .superRefine((s, ctx) => {
    const type = s.type;
    const need = (field: string, why: string) => ctx.addIssue({ code: 'custom', path: [field], message: why });
    if (type !== undefined && CEPH_TYPES.has(type)) {
      if (s.osdNodes === undefined) need('osdNodes', `a ${type} pool needs osdNodes: the hosts with its OSDs`);
      if (s.monitors === undefined) need('monitors', `a ${type} pool needs monitors: the hosts that run its monitors`);
      const replicas = s.replicas ?? 3;
      const minSize = s.minSize ?? 2;
      if (minSize > replicas) need('minSize', `minSize ${minSize} is more than replicas ${replicas}: no write could ever complete; lower minSize or raise replicas`);
    } else if (type !== undefined && SERVED_TYPES.has(type)) {
      if (s.server === undefined) need('server', `an ${type} pool needs a server: what serves it (kind:id)`);
    } else if (s.host === undefined) {
      need('host', 'required: the host the pool belongs to');
    }
    const only = (field: 'osdNodes' | 'monitors' | 'replicas' | 'minSize' | 'server' | 'replication', types: string) => {
      if (s[field] !== undefined) need(field, `${field} is for ${types} pools only (type is ${type ?? 'not set'})`);
    };
    if (type === undefined || !CEPH_TYPES.has(type)) for (const f of ['osdNodes', 'monitors', 'replicas', 'minSize'] as const) only(f, 'ceph-rbd and cephfs');
    if (type === undefined || !SERVED_TYPES.has(type)) only('server', 'nfs and iscsi');
    if (type !== 'zfs') only('replication', 'zfs');
  })
  .meta({ id: 'Storage', description: 'A Proxmox storage pool.' });
export type Storage = z.infer<typeof StorageSchema>;
