/**
 * A uniform view over the model's entities, for code that treats all kinds alike
 * (reference resolution, the graph, the sidebar, search). Pure; no I/O.
 */
import type { EntityKind } from './refs.ts';
import { formatRef } from './refs.ts';
import type { Model, SectionName, LocalizedLabel, DependencyEntry, RefEntry } from './schema/model.ts';

/** Which model section holds which kind, in the order pages and the sidebar list them. */
export const KIND_SECTIONS: ReadonlyArray<readonly [EntityKind, Exclude<SectionName, 'site'>]> = [
  ['location', 'locations'],
  ['host', 'hosts'],
  ['guest', 'guests'],
  ['network', 'network'],
  ['storage', 'storage'],
  ['system', 'systems'],
  ['capability', 'capabilities'],
  ['power', 'power'],
  ['plan', 'plans'],
  ['scenario', 'scenarios'],
  ['note', 'notes'],
];

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

export interface EntityRecord {
  kind: EntityKind;
  id: string;
  /** `kind:id` */
  key: string;
  /** The section this entity lives in and its index there (for error paths: guests[3]). */
  section: Exclude<SectionName, 'site'>;
  index: number;
  entity: AnyEntity;
}

/** All entities in model order (section order, then file order). */
export function listEntities(model: Model): EntityRecord[] {
  const records: EntityRecord[] = [];
  for (const [kind, section] of KIND_SECTIONS) {
    const items = model[section] as unknown as AnyEntity[];
    items.forEach((entity, index) => {
      records.push({ kind, id: entity.id, key: formatRef({ kind, id: entity.id }), section, index, entity });
    });
  }
  return records;
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
