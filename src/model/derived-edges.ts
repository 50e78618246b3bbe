/**
 * Edges no field writes as a relation but the meaning of a kind implies: the quorum of a cluster,
 * where an HA guest may run, and what keeps a Ceph pool up. They are ordinary hard edges and
 * redundancy groups (src/model/graph.ts), so the failure analysis needs no special case; a group's
 * `purpose` lets explanations say it in the right words ("the cluster has quorum (2 of 3 votes)").
 *
 * - A cluster depends on a quorum group over its nodes and its QDevice, each member weighted by its
 *   votes, that needs more than half of all votes (of the members that exist, not planned ones).
 * - An HA guest runs on its cluster (hard: no quorum, no HA guest) and on one of its allowed nodes
 *   (a group of one: the ha group, or every node of the cluster). Its `host` is where it runs today
 *   and no edge (src/model/kinds.ts hostRef).
 * - A Ceph pool (ceph-rbd, cephfs) depends on its OSD nodes, of which it needs all but
 *   min(replicas, nodes) − minSize (with replicas equal to the nodes: minSize of them), and on a
 *   majority of its monitors. NFS and iSCSI depend on their server through the `server` field; a
 *   ZFS pool on its host; a ZFS replica is for recovery and no edge.
 */
import type { EntityRecord } from './entities.ts';
import type { AnyOfGroup, Edge } from './graph.ts';
import type { Relation } from './relations.ts';
import { clusterNode, type Cluster } from './schema/cluster.ts';
import type { Guest } from './schema/guest.ts';
import { CEPH_TYPES, type Storage } from './schema/storage.ts';
import { parseRef, formatRef } from './refs.ts';

/** What a derived group stands for, so that explanations can name it. */
export type GroupPurpose = 'quorum' | 'ha' | 'osd' | 'monitors';

/** More than half: the strict majority of `total` votes. */
export function majority(total: number): number {
  return Math.floor(total / 2) + 1;
}

/** How many of `nodes` OSD nodes a Ceph pool needs up: all but the copies it can lose and still do I/O. */
export function osdNodesNeeded(nodes: number, replicas: number, minSize: number): number {
  const tolerated = Math.min(replicas, nodes) - minSize;
  return Math.max(1, nodes - tolerated);
}

/** The default Ceph size and min_size (Proxmox's own defaults). */
export const CEPH_DEFAULT_REPLICAS = 3;
export const CEPH_DEFAULT_MIN_SIZE = 2;

interface Member {
  to: string;
  weight: number;
}

function groupEdges(from: string, relation: Relation, id: string, purpose: GroupPurpose, members: Member[], atLeast: number): Edge[] {
  const group: AnyOfGroup = { id, members: members.map((m) => m.to), atLeast, purpose };
  return members.map((m) => ({ from, to: m.to, relation, assumed: false, group, ...(m.weight !== 1 ? { weight: m.weight } : {}) }));
}

/** The cluster's members (nodes, then the QDevice) with their votes, as keys. */
export function clusterMembers(cluster: Cluster): Member[] {
  const members = cluster.nodes.map((node) => {
    const { host, votes } = clusterNode(node);
    return { to: `host:${host}`, weight: votes };
  });
  if (cluster.qdevice !== undefined) {
    const ref = parseRef(cluster.qdevice);
    members.push({ to: ref ? formatRef(ref) : cluster.qdevice, weight: 1 });
  }
  return members;
}

/** The nodes an HA guest may run on (keys): its group, else every node of its cluster. */
export function allowedNodes(guest: Guest, records: ReadonlyMap<string, EntityRecord>): string[] {
  if (guest.ha === undefined) return [];
  if (guest.ha.group !== undefined) return guest.ha.group.map((h) => `host:${h}`);
  const cluster = records.get(`cluster:${guest.ha.cluster}`)?.entity as Cluster | undefined;
  return cluster ? cluster.nodes.map((node) => `host:${clusterNode(node).host}`) : [];
}

export function derivedEdges(record: EntityRecord, records: ReadonlyMap<string, EntityRecord>): Edge[] {
  const exists = (key: string) => {
    const r = records.get(key);
    return r !== undefined && r.entity.status !== 'planned';
  };
  const { key, kind } = record;
  if (kind === 'cluster') {
    const members = clusterMembers(record.entity as Cluster);
    const total = members.filter((m) => exists(m.to)).reduce((n, m) => n + m.weight, 0);
    return groupEdges(key, 'dependsOn', `${key}#quorum`, 'quorum', members, majority(total));
  }
  if (kind === 'guest') {
    const guest = record.entity as Guest;
    if (guest.ha === undefined) return [];
    const allowed = allowedNodes(guest, records);
    return [
      { from: key, to: `cluster:${guest.ha.cluster}`, relation: 'runsOn', assumed: false },
      ...groupEdges(
        key,
        'runsOn',
        `${key}#ha`,
        'ha',
        allowed.map((to) => ({ to, weight: 1 })),
        1,
      ),
    ];
  }
  if (kind === 'storage') {
    const pool = record.entity as Storage;
    if (pool.type === undefined || !CEPH_TYPES.has(pool.type)) return [];
    const osd = (pool.osdNodes ?? []).map((h) => ({ to: `host:${h}`, weight: 1 }));
    const mons = (pool.monitors ?? []).map((h) => ({ to: `host:${h}`, weight: 1 }));
    const osdCount = osd.filter((m) => exists(m.to)).length;
    const monCount = mons.filter((m) => exists(m.to)).length;
    const needed = osdNodesNeeded(osdCount, pool.replicas ?? CEPH_DEFAULT_REPLICAS, pool.minSize ?? CEPH_DEFAULT_MIN_SIZE);
    // Groups are ordered by id: #ceph-osd before #ceph-quorum, so a node that holds both explains through its OSDs.
    return [
      ...groupEdges(key, 'dependsOn', `${key}#ceph-osd`, 'osd', osd, needed),
      ...groupEdges(key, 'dependsOn', `${key}#ceph-quorum`, 'monitors', mons, majority(monCount)),
    ];
  }
  return [];
}
