/**
 * A uniform view over the model's entities, for code that treats all kinds alike
 * (reference resolution, the graph, the sidebar, search). Pure; no I/O.
 */
import type { EntityKind } from './refs.ts';
import { formatRef } from './refs.ts';
import { KIND_SECTIONS, type EntityOf, type SectionOf } from './kinds.ts';
import type { Model, LocalizedLabel, DependencyEntry, RefEntry } from './schema/model.ts';

/** Which model section holds which kind, in the order pages and the sidebar list them (src/model/kinds.ts). */
export { KIND_SECTIONS };

export type Lang = 'nb' | 'en';

/** Any entity, as stored in its section, with the fields every kind may have. */
export interface AnyEntity {
  id: string;
  name?: string;
  title?: LocalizedLabel;
  status?: string;
  dependsOn?: DependencyEntry[];
  enhancedBy?: RefEntry[];
  poweredBy?: DependencyEntry[];
  connectsVia?: DependencyEntry[];
  partOf?: RefEntry;
  locatedIn?: RefEntry;
  [field: string]: unknown;
}

/**
 * An entity with where it lives. `EntityRecord<'guest'>` knows its entity is a guest; a record of
 * any kind (the default) is a union that narrows on `kind`, and its entity also reads as AnyEntity
 * for code that treats all kinds alike.
 */
export type EntityRecord<K extends EntityKind = EntityKind> = {
  [Kind in K]: {
    kind: Kind;
    id: string;
    /** `kind:id` */
    key: string;
    /** The section this entity lives in and its index there (for error paths: guests[3]). */
    section: SectionOf<Kind>;
    index: number;
    entity: AnyEntity & EntityOf<Kind>;
  };
}[K];

/** Whether a record is of a kind, narrowing its entity to that kind's type. */
export function isKind<K extends EntityKind>(record: EntityRecord, kind: K): record is Extract<EntityRecord, { kind: K }> {
  return record.kind === kind;
}

/** All entities in model order (section order, then file order). */
export function listEntities(model: Model): EntityRecord[] {
  const records: EntityRecord[] = [];
  for (const [kind, section] of KIND_SECTIONS) {
    const items = model[section] as ReadonlyArray<AnyEntity>;
    items.forEach((entity, index) => {
      records.push({ kind, id: entity.id, key: formatRef({ kind, id: entity.id }), section, index, entity } as EntityRecord);
    });
  }
  return records;
}

/** The entities of one kind, typed as that kind. */
export function recordsOf<K extends EntityKind>(model: Model, kind: K): Array<Extract<EntityRecord, { kind: K }>> {
  return listEntities(model).filter((record) => isKind(record, kind));
}

/** Index by `kind:id`. Later duplicates are ignored here; the integrity check reports them. */
export function indexEntities(model: Model): Map<string, EntityRecord> {
  const index = new Map<string, EntityRecord>();
  for (const record of listEntities(model)) if (!index.has(record.key)) index.set(record.key, record);
  return index;
}

/**
 * The display name of an entity in a language: its translated title when it has one (capabilities,
 * plans, scenarios), else its name, which is the same in every language. A missing translation falls
 * back to the other language (the translation-missing audit reports it).
 */
export function displayName(entity: AnyEntity, lang: Lang): string {
  if (entity.title) return localized(entity.title, lang);
  return entity.name ?? entity.id;
}

/**
 * The name in lists, tables and the sidebar: a guest leads with its VMID ("109 chirpstack"), the
 * number the owner sees in Proxmox and types in `pct start 109`; everything else is its display name.
 */
export function listName(entity: AnyEntity, lang: Lang): string {
  const name = displayName(entity, lang);
  return typeof entity.vmid === 'number' ? `${entity.vmid} ${name}` : name;
}

export function localized(text: { nb?: string; en?: string }, lang: Lang): string {
  return text[lang] ?? text[lang === 'nb' ? 'en' : 'nb'] ?? '';
}
