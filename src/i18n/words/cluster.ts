/**
 * The words of clusters, HA and shared storage: how a quorum, an HA guest's nodes and a Ceph pool's
 * OSD nodes and monitors stand ("needs 2 of 3 nodes, 1 up"), and how the start order and the
 * runbook speak of guests the cluster starts. Names come in already worded ("pve2", "pve1 og pve2").
 */
import { plural, say, type Entry } from './define.ts';

export const CLUSTER_WORDS = {
  'cluster.quorum.has': say(
    (p: { up: number; total: number }) => `klyngen har quorum (${p.up} av ${p.total} ${plural(p.total, 'stemme', 'stemmer')})`,
    (p) => `the cluster has quorum (${p.up} of ${p.total} ${plural(p.total, 'vote', 'votes')})`,
  ),
  'cluster.quorum.lost': say(
    (p: { up: number; total: number; needed: number }) =>
      `klyngen har ikke quorum (${p.up} av ${p.total} ${plural(p.total, 'stemme', 'stemmer')}, trenger ${p.needed})`,
    (p) => `the cluster has no quorum (${p.up} of ${p.total} ${plural(p.total, 'vote', 'votes')}, needs ${p.needed})`,
  ),
  /** The votes would do, but the cluster is down: its network is gone (the chain says what). */
  'cluster.down': { nb: 'klyngen er nede', en: 'the cluster is down' },
  /** An HA guest that can run: "klyngen har quorum (2 av 3 stemmer), og pve2 er oppe". */
  'cluster.ha.up': say(
    (p: { quorum: string; nodes: string; count: number }) => `${p.quorum}, og ${p.nodes} er oppe`,
    (p) => `${p.quorum} and ${p.nodes} ${plural(p.count, 'is', 'are')} up`,
  ),
  'cluster.ha.noNode': say(
    (p: { nodes: string }) => `ingen av nodene den kan kjøre på, er oppe (${p.nodes})`,
    (p) => `none of the nodes it may run on is up (${p.nodes})`,
  ),
  'cluster.osd': say(
    (p: { needed: number; total: number; up: number }) =>
      `trenger ${p.needed} av ${p.total} ${plural(p.total, 'node', 'noder')}, ${p.up} oppe`,
    (p) => `needs ${p.needed} of ${p.total} ${plural(p.total, 'node', 'nodes')}, ${p.up} up`,
  ),
  'cluster.monitors': say(
    (p: { needed: number; total: number; up: number }) =>
      `trenger ${p.needed} av ${p.total} ${plural(p.total, 'monitor', 'monitorer')}, ${p.up} oppe`,
    (p) => `needs ${p.needed} of ${p.total} ${plural(p.total, 'monitor', 'monitors')}, ${p.up} up`,
  ),
  /** The note beside a derived group's member in the relations tables (`n`: how many are needed; `weight`: its votes). */
  'cluster.group.quorum': say(
    (p: { n: number; weight: number }) => `${p.weight} ${plural(p.weight, 'stemme', 'stemmer')}; quorum er ${p.n}`,
    (p) => `${p.weight} ${plural(p.weight, 'vote', 'votes')}; quorum is ${p.n}`,
  ),
  'cluster.group.ha': say(
    (_p: { n: number; weight: number }) => 'HA: én av disse holder',
    () => 'HA: any one of these will do',
  ),
  'cluster.group.osd': say(
    (p: { n: number; weight: number }) => `OSD-node: ${p.n} av disse må være oppe`,
    (p) => `OSD node: ${p.n} of these must be up`,
  ),
  'cluster.group.monitors': say(
    (p: { n: number; weight: number }) => `monitor: ${p.n} av disse må være oppe`,
    (p) => `monitor: ${p.n} of these must be up`,
  ),
  /** The entity page's row for a cluster, an HA guest or a Ceph pool in normal operation. */
  'cluster.availability': { nb: 'Tilgjengelighet', en: 'Availability' },
  'cluster.runsToday': { nb: 'Kjører nå på', en: 'Runs today on' },
  'cluster.haGuests': { nb: 'HA-gjester som kan kjøre her', en: 'HA guests allowed here' },
  'cluster.guestsHere': { nb: 'Gjester som kjører her nå', en: 'Guests running here today' },
  'cluster.replica': say(
    (p: { to: string; host: string }) =>
      `Replikaen på ${p.to} er for gjenoppretting: den holder ikke lageret oppe når ${p.host} er nede. Etter et bortfall startes gjestene fra replikaen, med dataene fra siste replikering.`,
    (p) =>
      `The replica on ${p.to} is for recovery: it does not keep the pool up when ${p.host} is down. After a failure the guests are started from the replica, with the data of the last replication.`,
  ),
  /** The start order of a node that stayed up while the cluster stopped its HA guests (no quorum). */
  'cluster.startOrderIntroHa': say(
    (p: { host: string }) =>
      `Når ${p.host} er oppe igjen og klyngen har quorum, starter klyngen disse HA-gjestene selv. Gjør den ikke det: start dem i denne rekkefølgen, én og én; kommandoen virker fra hvilken som helst node.`,
    (p) =>
      `When ${p.host} is up again and the cluster has quorum, the cluster starts these HA guests itself. If it does not: start them in this order, one at a time; the command works from any node.`,
  ),
  /** A node with HA guests and guests pinned to it. */
  'cluster.startOrderIntroMixed': say(
    (p: { host: string }) =>
      `Når ${p.host} er oppe igjen: start gjestene i denne rekkefølgen, én og én. De merket HA starter klyngen selv når den har quorum (kommandoen deres virker fra hvilken som helst node); de andre startes fra skallet på ${p.host}.`,
    (p) =>
      `When ${p.host} is up again: start the guests in this order, one at a time. The cluster starts those marked HA itself once it has quorum (their command works from any node); start the others from ${p.host}'s shell.`,
  ),
  'cluster.startOrderIntroUp': say(
    (p: { host: string }) =>
      `${p.host} er oppe, men klyngen har stoppet HA-gjestene der. Når klyngen har quorum igjen, starter den dem selv; gjør den ikke det, start dem i denne rekkefølgen, én og én.`,
    (p) =>
      `${p.host} is up, but the cluster stopped the HA guests there. Once the cluster has quorum again it starts them itself; if it does not, start them in this order, one at a time.`,
  ),
  /** The start order: a guest the cluster starts, wherever it runs. */
  'cluster.startByHa': say(
    (p: { cluster: string }) =>
      `HA: ${p.cluster} starter den på en tillatt node (ha-manager), kommandoen kan gis fra hvilken som helst node`,
    (p) => `HA: ${p.cluster} starts it on an allowed node (ha-manager); the command works from any node`,
  ),
} satisfies Record<string, Entry>;
