/**
 * The closed vocabulary of relations (DESIGN.md): written in one direction in YAML, the inverse
 * derived. A leaf module: the kind registry (kinds.ts) names relations, the graph (graph.ts) builds
 * them, pages and diagrams label them.
 */

/** Relations an author writes, in one direction. */
export const RELATIONS = ['runsOn', 'dependsOn', 'enhancedBy', 'poweredBy', 'connectsVia', 'partOf', 'locatedIn', 'uplink'] as const;
export type Relation = (typeof RELATIONS)[number];

/** The derived name of each relation read backwards. */
export const INVERSE_RELATION = {
  runsOn: 'runs',
  dependsOn: 'dependencyOf',
  enhancedBy: 'enhances',
  poweredBy: 'powers',
  connectsVia: 'carries',
  partOf: 'hasPart',
  locatedIn: 'contains',
  uplink: 'downlink',
} as const satisfies Record<Relation, string>;
export type InverseRelation = (typeof INVERSE_RELATION)[Relation];

/**
 * Relations along which failure travels (locatedIn does not: a building does not "fail"; nor does
 * uplink, which says where a device is cabled, not what it needs).
 */
export const HARD_RELATIONS: ReadonlySet<Relation> = new Set(['runsOn', 'dependsOn', 'poweredBy', 'connectsVia', 'partOf']);

/** Relations every entity with the base fields may write as a list (common.ts RelationFields). */
export const LIST_RELATIONS = ['dependsOn', 'enhancedBy', 'poweredBy', 'connectsVia', 'uplink'] as const;
/** …and as a single reference. */
export const SINGLE_RELATIONS = ['partOf', 'locatedIn'] as const;
/** The relation fields an entity writes (the relations tables show them, not the facts table). */
export const RELATION_FIELDS: ReadonlySet<string> = new Set<string>([...LIST_RELATIONS, ...SINGLE_RELATIONS]);
