/**
 * The one word store: every word the product says itself (not the model's words), in Norwegian
 * Bokmål and English, and the one way to look one up, `t(lang, key)` or, for a sentence with
 * values, `t(lang, key, { n: 3 })`.
 *
 * The words are written by area in src/i18n/words/ and merged here. The compiler checks them: an
 * entry without both nb and en does not compile (each area `satisfies Record<string, Entry>`), an
 * unknown key does not compile (`key: WordKey`), and a sentence's values are typed by the
 * parameters its Norwegian half declares (`say()` in words/define.ts), so a missing or misspelt
 * value does not compile either. Kinds are keyed by the entity kind type (words/labels.ts).
 *
 * Open vocabularies of the model (field names, relation names, enum values, audit rule ids) are
 * looked up with the *Label functions below, which show an unknown value as written.
 *
 * Layer 1: imports only src/model. The analysis and everything above it import words from here.
 */
import { displayName, type EntityRecord, type Lang } from '../model/entities.ts';
import type { EntityKind } from '../model/refs.ts';
import type { PlaceholderWords } from '../model/profile.ts';
import type { Entry, Sentence, Word } from './words/define.ts';
import { ANALYSIS_WORDS } from './words/analysis.ts';
import { CHECK_WORDS } from './words/check.ts';
import { CLUSTER_WORDS } from './words/cluster.ts';
import { DIAGRAM_WORDS } from './words/diagrams.ts';
import { DRIFT_REPORT_WORDS } from './words/drift.ts';
import { NEIGHBOURHOOD_WORDS } from './words/neighbourhood.ts';
import { GLOSSARY } from './words/glossary.ts';
import { IMPORT_WORDS } from './words/import.ts';
import { FIELD_LABEL, KIND_WORDS, RELATION_LABEL, RULE_TITLE, VALUE_LABEL } from './words/labels.ts';
import { RUNBOOK_WORDS } from './words/runbook.ts';
import { SITE_WORDS } from './words/site.ts';
import { TWIN_WORDS } from './words/twin.ts';

export type { Lang };
export type { Entry, Sentence, Word };
export { say, plural, spokenDuration } from './words/define.ts';
export { FIELD_LABEL, GLOSSARY, KIND_WORDS, RELATION_LABEL, RULE_TITLE, VALUE_LABEL };

const AREAS = [
  GLOSSARY,
  SITE_WORDS,
  ANALYSIS_WORDS,
  DIAGRAM_WORDS,
  RUNBOOK_WORDS,
  CHECK_WORDS,
  TWIN_WORDS,
  DRIFT_REPORT_WORDS,
  NEIGHBOURHOOD_WORDS,
  IMPORT_WORDS,
  CLUSTER_WORDS,
] as const;

/** Every keyed word, from every area. */
export const WORDS = {
  ...GLOSSARY,
  ...SITE_WORDS,
  ...ANALYSIS_WORDS,
  ...DIAGRAM_WORDS,
  ...RUNBOOK_WORDS,
  ...CHECK_WORDS,
  ...TWIN_WORDS,
  ...DRIFT_REPORT_WORDS,
  ...NEIGHBOURHOOD_WORDS,
  ...IMPORT_WORDS,
  ...CLUSTER_WORDS,
} satisfies Record<string, Entry>;

// Two areas must not write the same key (the later one would win in silence).
if (Object.keys(WORDS).length !== AREAS.reduce((n, area) => n + Object.keys(area).length, 0)) {
  const seen = new Set<string>();
  const twice = AREAS.flatMap((area) => Object.keys(area)).filter((key) => (seen.has(key) ? true : (seen.add(key), false)));
  throw new Error(`src/i18n/words: the key(s) ${twice.join(', ')} are written in more than one area`);
}

export type Words = typeof WORDS;
export type WordKey = keyof Words;
/** The keys of plain words (no values to fill in). */
export type PlainWordKey = { [K in WordKey]: Words[K] extends Word ? K : never }[WordKey];

/** A sentence's values, or nothing for a plain word. */
export type WordParams<K extends WordKey> = Words[K] extends Sentence<infer P> ? [params: P] : [];

/** The word or sentence for `key` in `lang`. */
export function t<K extends WordKey>(lang: Lang, key: K, ...params: WordParams<K>): string {
  const entry = WORDS[key] as Entry | undefined;
  if (!entry) throw new Error(`t(): no word ${JSON.stringify(key)}`);
  const text = entry[lang];
  return typeof text === 'function' ? text(params[0]) : text;
}

/** A word in both languages, for data that carries both (a phase title, an audit finding). */
export function both<K extends WordKey>(key: K, ...params: WordParams<K>): Record<Lang, string> {
  return { nb: t('nb', key, ...params), en: t('en', key, ...params) };
}

// ---------------------------------------------------------------------------------------------
// Open vocabularies: shown as written when they have no label.

/** Kinds, singular or plural (page and table headings). */
export function kindLabel(kind: EntityKind, lang: Lang, plural = false): string {
  return KIND_WORDS[kind][lang][plural ? 'many' : 'one'];
}

/** "12 gjester", "1 gjest": counts in summarised drawings. A kind without count words: the number. */
export function countOf(n: number, kind: string, lang: Lang): string {
  const words = (KIND_WORDS as Record<string, (typeof KIND_WORDS)[EntityKind] | undefined>)[kind];
  if (!words) return String(n);
  return `${n} ${words[lang].count[n === 1 ? 0 : 1]}`;
}

export function relationLabel(relation: string, lang: Lang): string {
  return RELATION_LABEL[relation]?.[lang] ?? relation;
}

export function fieldLabel(field: string, lang: Lang): string {
  return FIELD_LABEL[field]?.[lang] ?? field;
}

export function valueLabel(value: string, lang: Lang): string {
  return VALUE_LABEL[value]?.[lang] ?? value;
}

/**
 * What each audit rule checks, as a heading a homeowner understands. The rule's id (critical-survives)
 * is for whoever edits the model: pages keep it in a tooltip, `npm run check` prints it.
 */
export function ruleTitle(rule: string, lang: Lang): string {
  return RULE_TITLE[rule]?.[lang] ?? rule;
}

/** Device kinds a diagram box names on its second line (gateway, ups, …): the pages' names for them. */
const DEVICE_KINDS: ReadonlySet<string> = new Set([
  'proxmox',
  'raspberry-pi',
  'gateway',
  'switch',
  'access-point',
  'camera',
  'link',
  'isp',
  'sdn-zone',
  'grid',
  'ups',
  'battery',
  'solar',
  'inverter',
  'generator',
]);

/** The name of a device kind as drawn, or undefined for a kind the diagrams do not name. */
export function deviceKindLabel(kind: string, lang: Lang): string | undefined {
  return DEVICE_KINDS.has(kind) ? valueLabel(kind, lang) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Entities

export interface EntityLabelOptions {
  /**
   * 'line' (default): one line, guests with their Proxmox kind and id, "zigbee2mqtt (LXC 110)", as
   * explanations and audits name things. 'box': a diagram box, the name and a second line with
   * the detail, "frigate" / "LXC 105 (stoppet)", "UPS ×2", with the status unless `status: false`.
   */
  form?: 'line' | 'box';
  status?: boolean;
}

/** How an entity is named in words: one function for explanations, audits and diagram boxes. */
export function entityLabel(record: EntityRecord, lang: Lang, options: EntityLabelOptions = {}): string {
  const e = record.entity;
  const name = displayName(e, lang);
  const guest = record.kind === 'guest' ? `${t(lang, e.kind === 'qemu' ? 'diagram.qemu' : 'diagram.lxc')} ${String(e.vmid)}` : undefined;
  if (options.form !== 'box') return guest ? `${name} (${guest})` : name;
  let detail = guest ?? '';
  const device = !guest && typeof e.kind === 'string' && record.kind !== 'location' ? deviceKindLabel(e.kind, lang) : undefined;
  if (device !== undefined) {
    detail = device;
    // "UPS / UPS", "Mains grid / grid": the kind adds nothing when the name already says it.
    if (name.toLowerCase().includes(detail.toLowerCase())) detail = '';
    if (typeof e.count === 'number' && e.count > 1) detail += `${detail ? ' ' : ''}×${e.count}`;
  }
  if (options.status !== false) {
    const status =
      record.kind === 'guest' && e.status === 'stopped' ? 'diagram.stopped' : e.status === 'planned' ? 'diagram.planned' : undefined;
    if (status) detail = detail ? `${detail} (${t(lang, status)})` : `(${t(lang, status)})`;
  }
  return detail ? `${name}\n${detail}` : name;
}

/** What a withheld entity's placeholder is called in the public profile ("Skjult gjest 1"). */
export const placeholderWords: PlaceholderWords = {
  title: (kind, n) => ({
    nb: t('nb', 'withheld.title', { kind: kindLabel(kind, 'nb').toLowerCase(), n }),
    en: t('en', 'withheld.title', { kind: kindLabel(kind, 'en').toLowerCase(), n }),
  }),
  page: { nb: t('nb', 'withheld.page'), en: t('en', 'withheld.page') },
  phase: { nb: t('nb', 'withheld.phase'), en: t('en', 'withheld.phase') },
};
