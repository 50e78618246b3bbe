/**
 * What the pages say about clusters, HA and shared storage: on a node's page the HA guests that may
 * run there (besides the guests that run there today), on a cluster's, an HA guest's and a Ceph
 * pool's page how it stands in normal operation ("klyngen har quorum (3 av 3 stemmer), og pve1,
 * pve2 og pve3 er oppe"), on a replicated ZFS pool's page what its replica is for.
 */
import type { Model } from '../model/schema/model.ts';
import type { Graph } from '../model/graph.ts';
import type { EntityRecord, Lang } from '../model/entities.ts';
import { allowedNodes } from '../model/derived-edges.ts';
import { compileFailureGraph, downStateFor, type DownState, type FailureGraph } from '../analysis/propagate.ts';
import { baselineTallies } from '../analysis/availability.ts';
import { explainTally, keyLabel } from '../analysis/explain.ts';
import { t } from '../i18n/store.ts';
import { guestRowsOf, type GuestRow, type ViewContext } from './views.ts';

/** HA guests that may run on this node but run elsewhere today. */
export function haGuestRows(model: Model, graph: Graph, hostId: string, ctx: ViewContext): GuestRow[] {
  const here = `host:${hostId}`;
  return guestRowsOf(
    model.guests.filter((g) => g.ha !== undefined && g.host !== hostId && allowedNodes(g, graph.records).includes(here)),
    ctx,
  );
}

const compiled = new WeakMap<Graph, { fg: FailureGraph; baseline: DownState }>();

/** How a cluster, an HA guest or a Ceph pool stands in normal operation, in words; empty for anything else. */
export function availabilityLines(model: Model, graph: Graph, key: string, lang: Lang): string[] {
  let entry = compiled.get(graph);
  if (!entry) {
    const fg = compileFailureGraph(model, graph);
    entry = { fg, baseline: downStateFor(fg, []) };
    compiled.set(graph, entry);
  }
  return baselineTallies(entry.fg, key, entry.baseline).map((tally) => {
    const text = explainTally(tally, model, lang);
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  });
}

/** A replicated ZFS pool: its replica is for recovery, not for staying up. */
export function replicaText(record: EntityRecord, model: Model, lang: Lang): string | undefined {
  if (record.kind !== 'storage') return undefined;
  const pool = record.entity;
  if (pool.replication === undefined || pool.host === undefined) return undefined;
  return t(lang, 'cluster.replica', {
    to: keyLabel(`host:${pool.replication.to}`, model, lang),
    host: keyLabel(`host:${pool.host}`, model, lang),
  });
}
