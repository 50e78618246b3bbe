/**
 * The model as a graph: every relation an author wrote, plus its derived inverse.
 * Pure function of the model. Edge order follows model order, so output is deterministic.
 * Part of the model layer: the integrity check needs it (cycles, plan links), the analysis builds on it.
 */
import type { Model, DependencyEntry, RefEntry, LocalizedProse } from './schema/model.ts';
import { listEntities, type AnyEntity, type EntityRecord } from './entities.ts';
import { parseRef, formatRef } from './refs.ts';
import { kindOf } from './kinds.ts';
import { RELATIONS, type Relation } from './relations.ts';
import { derivedEdges, type GroupPurpose } from './derived-edges.ts';

export { RELATIONS, INVERSE_RELATION, HARD_RELATIONS, type Relation, type InverseRelation } from './relations.ts';

export interface AnyOfGroup {
  /** Stable id of the group within its entity: `${from}#${relation}[${index}]`. */
  id: string;
  members: string[];
  atLeast: number;
  /** A group the model's meaning implies (src/model/derived-edges.ts): a cluster's quorum, an HA guest's nodes, Ceph's OSD nodes and monitors. */
  purpose?: GroupPurpose;
}

export interface Edge {
  /** `kind:id` of the entity that wrote the relation. */
  from: string;
  /** `kind:id` it points at. */
  to: string;
  relation: Relation;
  /** The source does not state this; it was assumed when modelling. */
  assumed: boolean;
  why?: LocalizedProse;
  /** Set when the edge is one member of a redundancy group. */
  group?: AnyOfGroup;
  /** What this member counts for in its group (a node's quorum votes); 1 when absent. */
  weight?: number;
}

export interface Graph {
  /** Every entity key, in model order. */
  nodes: string[];
  records: Map<string, EntityRecord>;
  edges: Edge[];
  /** Edges by `from`. */
  outgoing: Map<string, Edge[]>;
  /** Edges by `to` (read with INVERSE_RELATION). */
  incoming: Map<string, Edge[]>;
}

function entryEdges(from: string, relation: Relation, entry: DependencyEntry, index: number): Edge[] {
  if (typeof entry === 'string') return refEdge(from, relation, entry, false, undefined);
  if ('anyOf' in entry) {
    const members = entry.anyOf.map((r) => normaliseRef(r));
    const group: AnyOfGroup = { id: `${from}#${relation}[${index}]`, members, atLeast: entry.atLeast ?? 1 };
    return members.map((to) => ({ from, to, relation, assumed: entry.assumed ?? false, why: entry.why, group }));
  }
  return refEdge(from, relation, entry.ref, entry.assumed ?? false, entry.why);
}

function refEdge(from: string, relation: Relation, ref: string, assumed: boolean, why: LocalizedProse | undefined): Edge[] {
  return [{ from, to: normaliseRef(ref), relation, assumed, ...(why ? { why } : {}) }];
}

function normaliseRef(text: string): string {
  const ref = parseRef(text);
  return ref ? formatRef(ref) : text;
}

function relationEntries(entity: AnyEntity, relation: Relation): DependencyEntry[] {
  const value = entity[relation as keyof AnyEntity] as DependencyEntry[] | RefEntry | undefined;
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Builds the graph. References are not validated here; the integrity check does that first. */
export function buildGraph(model: Model): Graph {
  const records = listEntities(model);
  const byKey = new Map(records.map((r) => [r.key, r]));
  const edges: Edge[] = [];
  for (const record of records) {
    const { key, entity, kind } = record;
    // A kind's own fields that are relations (a guest's `host`: runsOn; a storage pool's: partOf).
    for (const field of kindOf(kind).refs) {
      if (!field.relation) continue;
      for (const { text, noEdge } of field.read(entity)) {
        if (noEdge) continue;
        const ref = parseRef(text, field.implied);
        edges.push({ from: key, to: ref ? formatRef(ref) : text, relation: field.relation, assumed: false });
      }
    }
    for (const relation of RELATIONS) {
      relationEntries(entity, relation).forEach((entry, index) => edges.push(...entryEdges(key, relation, entry, index)));
    }
    // What the kind's meaning implies: quorum, HA, Ceph (src/model/derived-edges.ts).
    edges.push(...derivedEdges(record, byKey));
  }
  const outgoing = new Map<string, Edge[]>();
  const incoming = new Map<string, Edge[]>();
  for (const record of records) {
    outgoing.set(record.key, []);
    incoming.set(record.key, []);
  }
  for (const edge of edges) {
    outgoing.get(edge.from)?.push(edge);
    incoming.get(edge.to)?.push(edge);
  }
  return {
    nodes: records.map((r) => r.key),
    records: new Map(records.map((r) => [r.key, r])),
    edges,
    outgoing,
    incoming,
  };
}
