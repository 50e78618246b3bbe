/**
 * Build profiles. `full` is the model as written; `public` leaves out what the model marks
 * sensitive, so a site can be published without it. Pure: the input is never changed.
 *
 * What the public profile leaves out:
 *  - the sensitive fields of every entity (SENSITIVE_FIELDS: internal addresses, user names, access
 *    notes, commands, repositories, how to reach it);
 *  - whatever the model marks `sensitive: true`: an entity (any kind, notes too), a point of a note,
 *    an `installed` entry. (Prose pages and blocks are marked in their Markdown: src/markdown/sensitive.ts.)
 *
 * A sensitive entity cannot simply vanish when something else needs it: a guest that a capability
 * depends on still takes that capability down when it fails, and a public page that said otherwise
 * would be wrong. So, for each sensitive entity:
 *  - if nothing that stays refers to it (a note's `about` does not count), it is left out entirely:
 *    no page, not in any list, count, diagram, table, search entry or runbook, and `about` lists
 *    forget it;
 *  - otherwise it stays in the analysis as a neutral placeholder: a new id (`withheld-1`), the name
 *    "Skjult gjest 1" / "Withheld guest 1", and only what the analysis needs (its kind, status, tier,
 *    VMID, host, power runtime and its relations, without their `why`). Every reference to it is
 *    rewritten to the placeholder, so the failure analysis, start order and diagrams stay sound and
 *    no public page links to, names or describes the real thing. Its page says it is withheld.
 * What is left out is decided by what refers to it, again and again (a placeholder's own relations
 * can make another sensitive entity a placeholder), so the public model passes the integrity check.
 */
import type { Model } from './schema/model.ts';
import { KIND_SECTIONS, listEntities, type AnyEntity } from './entities.ts';
import { collectRefs } from './integrity.ts';
import { formatRef, parseRef, type EntityKind } from './refs.ts';
import type { PathSegment } from './yaml-source.ts';
import { readSettings } from '../settings.ts';

export type Profile = 'full' | 'public';

/** Entity fields left out of the public profile. */
export const SENSITIVE_FIELDS = ['ip', 'mac', 'user', 'access', 'commands', 'repos', 'reach'] as const;

/** The profile named by DRIFTSBOK_PROFILE (default full); a SettingError on anything else. */
export function profileFromEnv(env: Record<string, string | undefined> = process.env): Profile {
  return readSettings(env).DRIFTSBOK_PROFILE;
}

/** What the public profile did with the sensitive entities, by their key in the model as written. */
export interface Withheld {
  /** `kind:id` of a sensitive entity something else needs → `kind:id` of its placeholder. */
  placeholders: Map<string, string>;
  /** `kind:id` of the sensitive entities left out entirely. */
  dropped: Set<string>;
}

export interface ProfiledModel {
  model: Model;
  withheld: Withheld;
}

/** Set on a placeholder (never written by an author: the schema has no such field). */
export const WITHHELD_FLAG = 'withheld';

/** A neutral stand-in for a sensitive entity (see the module comment). */
export function isWithheld(entity: AnyEntity | Record<string, unknown> | undefined): boolean {
  return entity?.[WITHHELD_FLAG] === true;
}

/** Marked `sensitive: true` (an entity, a note's point, an `installed` entry). */
export function isSensitive(value: unknown): boolean {
  return value !== null && typeof value === 'object' && (value as Record<string, unknown>).sensitive === true;
}

/** The placeholder ids start with this; numbered per kind, skipping ids the model already has. */
export const PLACEHOLDER_ID = 'withheld';

const RELATION_KEYS = ['dependsOn', 'enhancedBy', 'poweredBy', 'connectsVia', 'partOf', 'locatedIn', 'uplink'] as const;
/** What a placeholder keeps besides its relations: what the analysis, the start order and the schema need. */
const STRUCTURAL_KEYS = [
  'vmid',
  'kind',
  'host',
  'status',
  'between',
  'category',
  'tier',
  'decentralised',
  'runtimeMinutes',
  'fails',
  'adds',
  // Clusters, HA and shared storage (issue 17): what their quorum, HA nodes and availability are computed from.
  'nodes',
  'qdevice',
  'ha',
  'type',
  'osdNodes',
  'monitors',
  'replicas',
  'minSize',
  'server',
] as const;

export function applyProfile(model: Model, profile: Profile, words: PlaceholderWords): Model {
  return profileModel(model, profile, words).model;
}

/**
 * The words a placeholder is given (its title, and a withheld note's text). Passed in by the caller
 * (src/site/data.ts takes them from the word store, placeholderWords in src/i18n/store.ts): the model
 * layer has no words of its own.
 */
export interface PlaceholderWords {
  title(kind: EntityKind, n: string): Record<'nb' | 'en', string>;
  page: Record<'nb' | 'en', string>;
  /** A withheld scenario's phases are called "Phase 1", "Phase 2", … */
  phase: Record<'nb' | 'en', string>;
}

export function profileModel(model: Model, profile: Profile, words: PlaceholderWords): ProfiledModel {
  const withheld: Withheld = { placeholders: new Map(), dropped: new Set() };
  if (profile === 'full') return { model, withheld };

  const records = listEntities(model);
  const sensitive = new Set(records.filter((r) => isSensitive(r.entity)).map((r) => r.key));
  // Who refers to whom, by key; `site` for the site's own references.
  const byPlace = new Map(records.map((r) => [`${r.section}#${r.index}`, r.key]));
  const keyAt = (segments: PathSegment[]): string => (segments[0] === 'site' ? 'site' : (byPlace.get(`${segments[0]}#${segments[1]}`) ?? ''));
  const sites = collectRefs(model).map((site) => {
    const ref = parseRef(site.text, site.impliedKind);
    return { ...site, from: keyAt(site.segments), to: ref ? formatRef(ref) : site.text, bare: site.impliedKind !== undefined && !site.text.includes(':') };
  });

  // Sensitive entities that something staying needs, until nothing changes.
  const needed = new Set<string>();
  const stays = (key: string) => !sensitive.has(key) || needed.has(key);
  for (let changed = true; changed; ) {
    changed = false;
    for (const site of sites) {
      if (site.field === 'about' || !sensitive.has(site.to) || needed.has(site.to) || !stays(site.from)) continue;
      needed.add(site.to);
      changed = true;
    }
  }

  // Placeholder ids: withheld-1, withheld-2 … per kind, never an id the model already has.
  const taken = new Set(records.map((r) => r.key));
  const counters = new Map<EntityKind, number>();
  for (const record of records) {
    if (!needed.has(record.key)) continue;
    let n = counters.get(record.kind) ?? 0;
    let key: string;
    do key = `${record.kind}:${PLACEHOLDER_ID}-${++n}`;
    while (taken.has(key));
    counters.set(record.kind, n);
    taken.add(key);
    withheld.placeholders.set(record.key, key);
  }
  for (const key of sensitive) if (!needed.has(key)) withheld.dropped.add(key);

  // Each entity that stays, copied, with its references to placeholders rewritten and its `about`
  // forgetting whatever is withheld.
  const copies = new Map<string, Record<string, unknown>>();
  for (const record of records) if (stays(record.key)) copies.set(record.key, structuredClone(record.entity) as Record<string, unknown>);
  const site = structuredClone(model.site) as Record<string, unknown>;
  const forget = new Map<string, Set<number>>();
  for (const ref of sites) {
    if (!sensitive.has(ref.to)) continue;
    const target = ref.from === 'site' ? site : copies.get(ref.from);
    if (!target) continue;
    const within = ref.from === 'site' ? ref.segments.slice(1) : ref.segments.slice(2);
    if (ref.field === 'about') {
      const at = forget.get(ref.from) ?? new Set<number>();
      at.add(within[1] as number);
      forget.set(ref.from, at);
      continue;
    }
    const placeholder = withheld.placeholders.get(ref.to)!;
    setAt(target, within, ref.bare ? parseRef(placeholder)!.id : placeholder);
  }
  for (const [key, indexes] of forget) {
    const copy = copies.get(key)!;
    const about = (copy.about as string[]).filter((_, i) => !indexes.has(i));
    if (about.length) copy.about = about;
    else delete copy.about;
  }

  const out: Record<string, unknown> = { ...model, site: withoutSensitiveSite(site, withheld) };
  for (const [kind, section] of KIND_SECTIONS) {
    out[section] = records
      .filter((r) => r.section === section && stays(r.key))
      .map((r) => {
        const copy = copies.get(r.key)!;
        const placeholder = withheld.placeholders.get(r.key);
        return placeholder ? placeholderOf(copy, kind, parseRef(placeholder)!.id, words) : publicCopy(copy);
      });
  }
  return { model: out as unknown as Model, withheld };
}

/** The site's own texts stay; its stated counts go when a guest was left out (they would not add up). */
function withoutSensitiveSite(site: Record<string, unknown>, withheld: Withheld): Record<string, unknown> {
  if ([...withheld.dropped].some((key) => key.startsWith('guest:'))) delete site.statedSummary;
  return site;
}

/** An entity that stays as itself: without its sensitive fields, sensitive points and `installed` entries. */
function publicCopy(entity: Record<string, unknown>): Record<string, unknown> {
  for (const field of SENSITIVE_FIELDS) delete entity[field];
  delete entity.sensitive;
  for (const list of ['points', 'installed']) {
    const items = entity[list];
    if (!Array.isArray(items)) continue;
    const kept = items.filter((item) => !isSensitive(item)).map((item) => {
      if (item && typeof item === 'object') {
        const { sensitive: _sensitive, ...rest } = item as Record<string, unknown>;
        return rest;
      }
      return item;
    });
    if (kept.length) entity[list] = kept;
    else delete entity[list];
  }
  return entity;
}

/** The neutral stand-in: a new id and name, and only what the analysis needs. */
function placeholderOf(entity: Record<string, unknown>, kind: EntityKind, id: string, words: PlaceholderWords): Record<string, unknown> {
  const n = id.slice(PLACEHOLDER_ID.length + 1);
  const title = words.title(kind, n);
  const out: Record<string, unknown> = { id };
  // Scenarios and notes have no name; everything else has one, the same in every language.
  if (kind !== 'scenario' && kind !== 'note') out.name = id;
  out.title = title;
  if (kind === 'note') out.body = { ...words.page };
  for (const key of STRUCTURAL_KEYS) if (entity[key] !== undefined) out[key] = entity[key];
  for (const key of RELATION_KEYS) if (entity[key] !== undefined) out[key] = withoutWhy(entity[key]);
  if (Array.isArray(entity.phases)) {
    out.phases = (entity.phases as Array<Record<string, unknown>>).map((phase, i) => ({
      id: phase.id,
      title: { nb: `${words.phase.nb} ${i + 1}`, en: `${words.phase.en} ${i + 1}` },
      alsoFails: phase.alsoFails,
      ...(phase.afterMinutesFrom !== undefined ? { afterMinutesFrom: phase.afterMinutesFrom } : {}),
    }));
  }
  if (Array.isArray(entity.links)) {
    out.links = (entity.links as Array<Record<string, unknown>>).map(({ via: _via, why: _why, ...link }) => link);
  }
  out[WITHHELD_FLAG] = true;
  return out;
}

/** A relation's entries without their `why` (the author's words about the withheld thing). */
function withoutWhy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWhy);
  if (value && typeof value === 'object') {
    const { why: _why, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  return value;
}

/** Sets the value at a path inside an object; a path that is not there is left alone. */
function setAt(target: Record<string, unknown>, path: PathSegment[], value: unknown): void {
  let at: unknown = target;
  for (const segment of path.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return;
    at = (at as Record<string | number, unknown>)[segment];
  }
  const last = path.at(-1);
  if (last === undefined || at === null || typeof at !== 'object') return;
  (at as Record<string | number, unknown>)[last] = value;
}
