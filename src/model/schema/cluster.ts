import { z } from 'zod';
import { EntityBaseFields, IdSchema, LifecycleSchema, RefSchema } from './common.ts';

/** How many quorum votes a node or a QDevice carries (corosync `quorum_votes`). */
export const VotesSchema = z.number().int().min(1).max(255).meta({ description: 'Quorum votes (default 1).' });

/** One node of a cluster: a host id, or `{ host, votes }` when it carries more than one vote. */
export const ClusterNodeSchema = z
  .union([IdSchema, z.strictObject({ host: IdSchema, votes: VotesSchema.optional() })])
  .meta({ id: 'ClusterNode', description: 'A node: a host id, or { host, votes } (votes default 1).' });
export type ClusterNode = z.infer<typeof ClusterNodeSchema>;

/**
 * A Proxmox (corosync) cluster. It has quorum while more than half of all votes are up: each
 * node's votes (default 1) and the QDevice's one. A node cut off from quorum stops its HA guests;
 * guests pinned to a node keep running. Write the network the nodes talk over as the cluster's
 * own `connectsVia` (without it, the cluster has no quorum either).
 */
export const ClusterSchema = z.strictObject({
  ...EntityBaseFields,
  status: LifecycleSchema.default('active'),
  nodes: z.array(ClusterNodeSchema).min(1, { message: 'a cluster needs at least one node' }).meta({
    description: 'Its nodes (host ids), each with its quorum votes (default 1).',
  }),
  qdevice: RefSchema.optional().meta({
    description: 'What provides the QDevice vote (kind:id, e.g. host:pi-qdevice): one extra vote, counted like a node.',
  }),
}).meta({ id: 'Cluster', description: 'A Proxmox cluster: nodes with quorum votes, an optional QDevice.' });
export type Cluster = z.infer<typeof ClusterSchema>;

/** The host id and votes of a cluster node, whichever way it was written. */
export function clusterNode(node: ClusterNode): { host: string; votes: number } {
  return typeof node === 'string' ? { host: node, votes: 1 } : { host: node.host, votes: node.votes ?? 1 };
}
