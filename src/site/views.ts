/**
 * What pages show, as plain data: field rows, relations both ways, guest tables, counts.
 * Pure functions of the model/graph and a language; the .astro components only lay them out.
 */
import type { Model } from '../model/schema/model.ts';
import type { Graph, Edge } from '../model/graph.ts';
import { INVERSE_RELATION } from '../model/graph.ts';
import { displayName, listName, localized, type EntityRecord, type Lang } from '../model/entities.ts';
import { reachOf } from '../analysis/reach.ts';
import { parseRef, formatRef, type EntityKind } from '../model/refs.ts';
import { IMPLIED_KIND_OF_FIELD, REF_FIELD_NAMES } from '../model/kinds.ts';
import { RELATION_FIELDS } from '../model/relations.ts';
import { entityHref } from './urls.ts';
import { fieldLabel, valueLabel, formatNumber, spokenDuration, t, relationLabel } from '../i18n/ui.ts';

/** A value as a page shows it. Always text; never HTML. */
export type Value =
  | { t: 'text'; text: string }
  | { t: 'code'; text: string }
  | { t: 'link'; href: string; text: string; badge?: string; external?: boolean }
  | { t: 'list'; items: Value[] }
  | { t: 'rows'; rows: FieldRow[] }
  /** Marked `sensitive: true` in the model: shown in the full profile with a marker (the public one has left it out). */
  | { t: 'sensitive'; value: Value; marker: string; explain: string };

export interface FieldRow {
  field: string;
  label: string;
  value: Value;
}

/** Written as relations; shown in the relations tables rather than among the facts (src/model/relations.ts). */
export { RELATION_FIELDS };
/**
 * Shown elsewhere on the page (heading, prose, the addresses section, the sensitive marker beside
 * the kind), or structured sections of their own; `withheld` marks a placeholder (src/model/profile.ts).
 */
const SHOWN_ELSEWHERE = new Set(['title', 'description', 'body', 'ip', 'reach', 'sensitive', 'withheld']);
const ENUM_FIELDS = new Set(['status', 'kind', 'tier', 'category', 'medium', 'fieldProtocol']);
const CODE_FIELDS = new Set(['ip', 'mac', 'run', 'kernel', 'proxmoxVersion', 'version', 'path']);

/** Only web and mail links and site-relative paths become links. */
export function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(url) || /^\/(?!\/)[^\s]*$/.test(url);
}

export function isLocalized(value: unknown): value is { nb?: string; en?: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (k === 'nb' || k === 'en') && typeof (value as Record<string, unknown>)[k] === 'string');
}

export interface ViewContext {
  lang: Lang;
  index: Map<string, EntityRecord>;
  base?: string;
}

export function statusBadgeText(record: EntityRecord | undefined, lang: Lang): string | undefined {
  const status = record?.entity.status;
  return status === 'planned' || status === 'stopped' ? valueLabel(status, lang) : undefined;
}

export function entityLink(key: string, ctx: ViewContext): Value {
  const record = ctx.index.get(key);
  if (!record) return { t: 'text', text: key };
  const badge = statusBadgeText(record, ctx.lang);
  return { t: 'link', href: entityHref(key, ctx.lang, ctx.base), text: listName(record.entity, ctx.lang), ...(badge ? { badge } : {}) };
}

function refValue(text: string, ctx: ViewContext, impliedKind?: EntityKind): Value {
  const ref = parseRef(text, impliedKind);
  if (ref && ctx.index.has(formatRef(ref))) return entityLink(formatRef(ref), ctx);
  return { t: 'text', text };
}

export function toValue(field: string, value: unknown, ctx: ViewContext): Value {
  const { lang } = ctx;
  if (value === null || value === undefined) return { t: 'text', text: '' };
  if (typeof value === 'boolean') return { t: 'text', text: t(lang, value ? 'yes' : 'no') };
  if (typeof value === 'number') {
    switch (field) {
      case 'memoryMb':
        return { t: 'text', text: `${value} MB` };
      case 'diskGb':
        return { t: 'text', text: `${formatNumber(value, lang)} GB` };
      case 'usedPercent':
        return { t: 'text', text: `${formatNumber(value, lang)} %` };
      case 'runtimeMinutes':
      case 'startDelayMinutes':
        return { t: 'text', text: spokenDuration(value, lang) };
      default:
        return { t: 'text', text: String(value) };
    }
  }
  if (typeof value === 'string') {
    // A field whose strings are references (src/model/kinds.ts): a link when it names an entity.
    if (REF_FIELD_NAMES.has(field)) return refValue(value, ctx, IMPLIED_KIND_OF_FIELD.get(field));
    // A plan's link names the relation it changes: shown in the words of the relations tables.
    if (field === 'relation') return { t: 'text', text: relationLabel(value, lang) };
    if (ENUM_FIELDS.has(field)) return { t: 'text', text: valueLabel(value, lang) };
    if (CODE_FIELDS.has(field)) return { t: 'code', text: value };
    if (/^(https?:\/\/|mailto:)/i.test(value) && isSafeUrl(value)) return { t: 'link', href: value, text: value, external: true };
    return { t: 'text', text: value };
  }
  if (Array.isArray(value)) return { t: 'list', items: value.map((item) => toValue(field, item, ctx)) };
  if (isLocalized(value)) return { t: 'text', text: localized(value, lang) };
  if (typeof value === 'object' && 'sensitive' in value) {
    // A note's point or an `installed` entry marked sensitive: the value, and the marker when it is.
    const { sensitive, ...rest } = value as Record<string, unknown>;
    const inner = toValue(field, rest, ctx);
    return sensitive === true
      ? { t: 'sensitive', value: inner, marker: t(lang, 'sensitive.marker'), explain: t(lang, 'sensitive.explain') }
      : inner;
  }
  if (typeof value === 'object') {
    // An item that is a text with an id (a scenario's symptoms): the id is for whoever edits the
    // model, the reader needs the text ("Ikke noe internett", not "Id no-internet / Tekst …").
    const { id: _id, text, ...rest } = value as Record<string, unknown>;
    if (text !== undefined && Object.keys(rest).length === 0) return toValue('text', text, ctx);
    return { t: 'rows', rows: objectRows(value as Record<string, unknown>, ctx, new Set()) };
  }
  return { t: 'text', text: String(value) };
}

function objectRows(object: Record<string, unknown>, ctx: ViewContext, skip: Set<string>): FieldRow[] {
  return Object.entries(object)
    .filter(([field, value]) => !skip.has(field) && value !== undefined)
    .map(([field, value]) => ({ field, label: fieldLabel(field, ctx.lang), value: toValue(field, value, ctx) }));
}

/** Every field of an entity except relations and what the page shows elsewhere. */
export function fieldRows(record: EntityRecord, ctx: ViewContext): FieldRow[] {
  const skip = new Set([...RELATION_FIELDS, ...SHOWN_ELSEWHERE]);
  // The id is in the address bar and the heading says the name: rows repeating them say nothing.
  // A name only differs from the heading when a translated title replaced it; the heading wins.
  skip.add('id');
  skip.add('name');
  return objectRows(record.entity as Record<string, unknown>, ctx, skip);
}

/** One line of an entity's "addresses and access": a value, or undefined when not documented. */
export interface ReachRow {
  field: 'ips' | 'webUi' | 'ssh' | 'console' | 'note';
  label: string;
  value?: Value;
  /** Small print after the value: where a console command is typed, or that a port is Proxmox's default. */
  aside?: string;
}

/**
 * The addresses-and-access rows of a host, guest or network device (src/analysis/reach.ts), with a
 * row for each part the model does not give, so the reader sees what is not documented.
 * Undefined for entities without addresses, and in the public profile, which leaves them all out.
 */
export function reachRows(record: EntityRecord, ctx: ViewContext, profile: 'full' | 'public' = 'full'): ReachRow[] | undefined {
  const reach = reachOf(record);
  if (!reach || profile === 'public') return undefined;
  const { lang } = ctx;
  const rows: ReachRow[] = [
    {
      field: 'ips',
      label: t(lang, 'reach.ips'),
      ...(reach.ips.length ? { value: { t: 'list', items: reach.ips.map((ip): Value => ({ t: 'code', text: ip })) } } : {}),
    },
    {
      field: 'webUi',
      label: t(lang, 'reach.webUi'),
      ...(reach.webUi ? { value: { t: 'link', href: reach.webUi.url, text: reach.webUi.url, external: true } } : {}),
      ...(reach.webUi?.derived ? { aside: t(lang, 'reach.proxmoxPort') } : {}),
    },
  ];
  if (record.kind !== 'network') {
    rows.push({ field: 'ssh', label: t(lang, 'reach.ssh'), ...(reach.ssh ? { value: { t: 'code', text: reach.ssh } } : {}) });
    const on = reach.console?.on ? ctx.index.get(reach.console.on) : undefined;
    rows.push({
      field: 'console',
      label: t(lang, 'reach.console'),
      ...(reach.console ? { value: { t: 'code', text: reach.console.text } } : {}),
      ...(on ? { aside: t(lang, 'reach.typedOn', { host: displayName(on.entity, lang) }) } : {}),
    });
  }
  if (reach.note) rows.push({ field: 'note', label: t(lang, 'reach.note'), value: { t: 'text', text: localized(reach.note, lang) } });
  return rows;
}

export interface RelationRow {
  relation: string;
  label: string;
  target: Value;
  targetKey: string;
  assumed: boolean;
  why?: string;
  group?: string;
}

function groupNote(edge: Edge, ctx: ViewContext): string | undefined {
  if (!edge.group) return undefined;
  // A group the model's meaning implies (src/model/derived-edges.ts) says what it counts.
  if (edge.group.purpose) return t(ctx.lang, `cluster.group.${edge.group.purpose}`, { n: edge.group.atLeast, weight: edge.weight ?? 1 });
  return edge.group.atLeast > 1
    ? t(ctx.lang, 'entity.kOfN', { needed: edge.group.atLeast, of: edge.group.members.length })
    : t(ctx.lang, 'entity.anyOf');
}

/** What this entity needs: the relations it (or its fields) wrote. */
export function dependsOnRows(graph: Graph, key: string, ctx: ViewContext): RelationRow[] {
  return (graph.outgoing.get(key) ?? []).map((edge) => ({
    relation: edge.relation,
    label: relationLabel(edge.relation, ctx.lang),
    target: entityLink(edge.to, ctx),
    targetKey: edge.to,
    assumed: edge.assumed,
    ...(edge.why ? { why: localized(edge.why, ctx.lang) } : {}),
    ...(groupNote(edge, ctx) ? { group: groupNote(edge, ctx) } : {}),
  }));
}

/** What needs this entity: the derived inverse relations. */
export function dependedOnByRows(graph: Graph, key: string, ctx: ViewContext): RelationRow[] {
  return (graph.incoming.get(key) ?? []).map((edge) => ({
    relation: INVERSE_RELATION[edge.relation],
    label: relationLabel(INVERSE_RELATION[edge.relation], ctx.lang),
    target: entityLink(edge.from, ctx),
    targetKey: edge.from,
    assumed: edge.assumed,
    ...(edge.why ? { why: localized(edge.why, ctx.lang) } : {}),
    ...(groupNote(edge, ctx) ? { group: groupNote(edge, ctx) } : {}),
  }));
}

export interface GuestRow {
  key: string;
  vmid: number;
  name: Value;
  kind: string;
  status: string;
  statusRaw: string;
  cores: string;
  memory: string;
  disk: string;
  tags: string;
}

/** Whether a host's page lists its guests: a Proxmox node does (an empty table says it has none); a Pi or a PLC runs none. */
export function listsGuests(model: Model, record: { kind: string; id: string; entity: unknown }): boolean {
  if (record.kind !== 'host') return false;
  return (record.entity as { kind?: unknown }).kind === 'proxmox' || model.guests.some((g) => g.host === record.id);
}

export function guestRows(model: Model, hostId: string, ctx: ViewContext): GuestRow[] {
  return guestRowsOf(
    model.guests.filter((g) => g.host === hostId),
    ctx,
  );
}

/** Rows for these guests, by VMID. */
export function guestRowsOf(guests: readonly Model['guests'][number][], ctx: ViewContext): GuestRow[] {
  return guests
    .slice()
    .sort((a, b) => a.vmid - b.vmid)
    .map((g) => ({
      key: `guest:${g.id}`,
      vmid: g.vmid,
      name: entityLink(`guest:${g.id}`, ctx),
      kind: valueLabel(g.kind, ctx.lang),
      status: valueLabel(g.status, ctx.lang),
      statusRaw: g.status,
      cores: g.cores === undefined ? '' : String(g.cores),
      memory: g.memoryMb === undefined ? '' : `${g.memoryMb} MB`,
      disk: g.diskGb === undefined ? '' : `${formatNumber(g.diskGb, ctx.lang)} GB`,
      tags: (g.tags ?? []).join(', '),
    }));
}

/** Prose split into paragraphs on blank lines; each is shown as text. */
export function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A short one-line description of an entity for index tables. */
export function summaryText(record: EntityRecord, lang: Lang): string {
  const e = record.entity as Record<string, unknown>;
  const text =
    (isLocalized(e.description) && localized(e.description, lang)) || (isLocalized(e.purpose) && localized(e.purpose, lang)) || '';
  const first = text.split(/\n/)[0] ?? '';
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}

/** Notes whose `about` names this entity (notes are not relations, so the graph does not carry them). */
export function notesAbout(model: Model, key: string, ctx: ViewContext): Value[] {
  return model.notes.filter((n) => (n.about ?? []).includes(key)).map((n) => entityLink(`note:${n.id}`, ctx));
}
