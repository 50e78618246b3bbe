/**
 * Checks of clusters, HA and shared storage that need the whole model (the schema checks each
 * entity alone: minSize against replicas, the fields each storage type needs):
 * - a cluster names a node twice, or a host is a node of two clusters;
 * - an HA guest's group names a host that is not a node of its cluster; its preferred node is not
 *   one it may run on; the node it runs on today is not one it may run on;
 * - a Ceph pool has fewer OSD nodes than minSize (no write could ever complete).
 * A pinned guest on a host that is a node of no cluster is fine. Unknown ids are reported by the
 * reference check; these skip them.
 */
import type { Model } from './schema/model.ts';
import { clusterNode } from './schema/cluster.ts';
import { CEPH_TYPES } from './schema/storage.ts';
import { CEPH_DEFAULT_MIN_SIZE } from './derived-edges.ts';
import type { IntegrityProblem } from './integrity.ts';

export function checkClusters(model: Model): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const hosts = new Set(model.hosts.map((h) => h.id));
  const nodesOf = new Map<string, string[]>();
  const clusterOfNode = new Map<string, { cluster: string; index: number }>();
  model.clusters.forEach((cluster, index) => {
    const nodes = cluster.nodes.map((node) => clusterNode(node).host);
    nodesOf.set(cluster.id, nodes);
    nodes.forEach((host, j) => {
      const at = typeof cluster.nodes[j] === 'string' ? ['clusters', index, 'nodes', j] : ['clusters', index, 'nodes', j, 'host'];
      const first = nodes.indexOf(host);
      if (first !== j) {
        problems.push({
          segments: at,
          message: `host "${host}" is a node of cluster "${cluster.id}" twice (first at nodes[${first}])`,
          hint: 'list each node once; give it more votes with { host, votes } instead',
        });
        return;
      }
      const other = clusterOfNode.get(host);
      if (other && other.cluster !== cluster.id) {
        problems.push({
          segments: at,
          message: `host "${host}" is a node of cluster "${other.cluster}" already; a Proxmox node belongs to one cluster`,
          hint: `remove it from one of the two clusters`,
          related: ['clusters', other.index, 'nodes'],
        });
      } else clusterOfNode.set(host, { cluster: cluster.id, index });
    });
  });

  model.guests.forEach((guest, index) => {
    const ha = guest.ha;
    if (ha === undefined) return;
    const nodes = nodesOf.get(ha.cluster);
    if (nodes === undefined) return; // an unknown cluster: reported with the references
    const allowed = ha.group ?? nodes;
    (ha.group ?? []).forEach((host, j) => {
      if (!hosts.has(host) || nodes.includes(host)) return;
      problems.push({
        segments: ['guests', index, 'ha', 'group', j],
        message: `the HA group of guest "${guest.id}" names "${host}", which is not a node of cluster "${ha.cluster}"`,
        hint: `HA can only run it on the cluster's nodes (${nodes.join(', ')}): remove "${host}" from the group, or add it to the cluster's nodes`,
      });
    });
    if (ha.preferred !== undefined && hosts.has(ha.preferred) && !allowed.includes(ha.preferred)) {
      problems.push({
        segments: ['guests', index, 'ha', 'preferred'],
        message: `guest "${guest.id}" prefers "${ha.preferred}", which is not one of the nodes it may run on (${allowed.join(', ')})`,
        hint: 'prefer one of those nodes, or add it to the HA group',
      });
    }
    if (hosts.has(guest.host) && !allowed.includes(guest.host)) {
      problems.push({
        segments: ['guests', index, 'host'],
        message: `guest "${guest.id}" runs today on "${guest.host}", which is not one of the nodes HA may run it on (${allowed.join(', ')})`,
        hint: `write the node it runs on today in host, or add "${guest.host}" to the HA group`,
      });
    }
  });

  model.storage.forEach((pool, index) => {
    if (pool.type === undefined || !CEPH_TYPES.has(pool.type) || pool.osdNodes === undefined) return;
    const minSize = pool.minSize ?? CEPH_DEFAULT_MIN_SIZE;
    const osdNodes = new Set(pool.osdNodes).size;
    if (osdNodes < minSize) {
      problems.push({
        segments: ['storage', index, 'osdNodes'],
        message: `storage "${pool.id}" needs ${minSize} copies for I/O (minSize) but has ${osdNodes} OSD ${osdNodes === 1 ? 'node' : 'nodes'}, one copy each`,
        hint: `add OSD nodes, or lower minSize to at most ${osdNodes}`,
      });
    }
  });
  return problems;
}
