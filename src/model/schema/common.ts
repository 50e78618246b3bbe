import { z } from 'zod';
import { ID_PATTERN, ENTITY_KINDS } from '../refs.ts';

/**
 * Control characters (other than tab and newline in prose) are rejected everywhere: they render as
 * nothing in HTML, break Mermaid labels and hide content from a reader.
 */
const CONTROL_CHARS_IN_LABEL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_CHARS_IN_PROSE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** A one-line name or label: non-empty, no control characters, no newlines. */
export const LabelSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(200, { message: 'must be at most 200 characters' })
  .refine((s) => !CONTROL_CHARS_IN_LABEL.test(s), {
    message: 'must not contain control characters or line breaks',
  })
  .meta({ id: 'Label', description: 'A one-line name or label. Shown literally; never interpreted as HTML or Mermaid.' });

/** Free prose: non-empty, may span lines, no control characters. */
export const ProseSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(20_000, { message: 'must be at most 20000 characters' })
  .refine((s) => !CONTROL_CHARS_IN_PROSE.test(s), { message: 'must not contain control characters' })
  .meta({ id: 'Prose', description: 'Prose text. Shown literally (as text, not Markdown).' });

/**
 * Bilingual text. Both languages are expected; a missing one is reported by the
 * `translation-missing` audit (an error), so that the message can name which language is missing.
 */
export const LocalizedLabelSchema = z
  .strictObject({
    nb: LabelSchema.optional().meta({ description: 'Norsk bokmål' }),
    en: LabelSchema.optional().meta({ description: 'English' }),
  })
  .refine((t) => t.nb !== undefined || t.en !== undefined, { message: 'needs at least one of nb, en' })
  .meta({ id: 'LocalizedLabel', description: 'A label in Norwegian Bokmål (nb) and English (en).' });
export type LocalizedLabel = z.infer<typeof LocalizedLabelSchema>;

export const LocalizedProseSchema = z
  .strictObject({
    nb: ProseSchema.optional().meta({ description: 'Norsk bokmål' }),
    en: ProseSchema.optional().meta({ description: 'English' }),
  })
  .refine((t) => t.nb !== undefined || t.en !== undefined, { message: 'needs at least one of nb, en' })
  .meta({ id: 'LocalizedProse', description: 'Prose in Norwegian Bokmål (nb) and English (en).' });
export type LocalizedProse = z.infer<typeof LocalizedProseSchema>;

/** An entity's own id: unique within its kind, used in references and URLs. */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, { message: 'must be lower-case letters, digits and dashes, starting with a letter or digit' })
  .max(64)
  .meta({ id: 'Id', description: 'Identifier: lower-case letters, digits and dashes. Unique within its kind.' });

const REF_PATTERN = new RegExp(`^(${ENTITY_KINDS.join('|')}):[a-z0-9][a-z0-9-]*$`);

/** A reference `kind:id` to another entity. Whether it exists is checked over the whole model. */
export const RefSchema = z
  .string()
  .regex(REF_PATTERN, {
    message: `must be a reference "kind:id", where kind is one of ${ENTITY_KINDS.join(', ')}`,
  })
  .meta({ id: 'Ref', description: 'Reference to another entity, written kind:id (for example guest:emqx).' });

/**
 * Versions and identifiers are strings. YAML reads an unquoted 8.10 as the number 8.1 and 0100 as
 * 100, so numbers are refused with a hint to quote (see the error map).
 */
export const VersionSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[0-9A-Za-z][0-9A-Za-z.+~_-]*$/, { message: 'must look like a version, e.g. "8.3.0" or "6.8.12-4-pve"' })
  .meta({ id: 'Version', description: 'A version, always quoted as a string ("8.3.0").' });

export const Ipv4Schema = z.ipv4({ message: 'must be an IPv4 address such as 10.12.0.205' }).meta({
  description: 'IPv4 address. Sensitive: left out of the public build profile.',
});

export const Cidrv4Schema = z.cidrv4({ message: 'must be an IPv4 network such as 10.12.0.0/24' });

export const MacSchema = z
  .string()
  .regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i, { message: 'must be a MAC address such as aa:bb:cc:dd:ee:ff' });

/** Calendar date, quoted: "2025-12-03". */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written "YYYY-MM-DD"' })
  .meta({ id: 'Date', description: 'A calendar date, "YYYY-MM-DD".' });

/** Only web and mail links: `javascript:` and `data:` are refused even though z.url() accepts them. */
export const SafeUrlSchema = z
  .string()
  .refine((s) => /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(s), {
    message: 'must be an http(s):// or mailto: address',
  })
  .meta({ description: 'A link: http(s):// or mailto: only.' });

/** Why a dependency is believed to exist, and whether the seed states it or it was assumed. */
const DependencyNoteFields = {
  assumed: z
    .boolean()
    .optional()
    .meta({ description: 'True when the source does not state this dependency; the site says it is assumed.' }),
  why: LocalizedProseSchema.optional().meta({ description: 'Why this dependency exists.' }),
};

export const RefEntrySchema = z
  .union([RefSchema, z.strictObject({ ref: RefSchema, ...DependencyNoteFields })])
  .meta({ id: 'RefEntry', description: 'A reference, or { ref, assumed, why } to say why (and whether it was assumed).' });
export type RefEntry = z.infer<typeof RefEntrySchema>;

/** A redundancy group: down only when fewer than `atLeast` (default 1) members are up. */
export const AnyOfSchema = z.strictObject({
  anyOf: z.array(RefSchema).min(2, { message: 'an anyOf group needs at least two members' }),
  atLeast: z.number().int().min(1).optional().meta({ description: 'How many members must be up (default 1).' }),
  ...DependencyNoteFields,
}).meta({ id: 'AnyOf', description: 'A redundancy group: down only when fewer than atLeast members are up.' });
export type AnyOf = z.infer<typeof AnyOfSchema>;

/** A hard dependency: one entity, or a redundancy group. */
export const DependencyEntrySchema = z
  .union([RefEntrySchema, AnyOfSchema])
  .meta({ id: 'DependencyEntry', description: 'A hard dependency: a reference or an anyOf group.' });
export type DependencyEntry = z.infer<typeof DependencyEntrySchema>;

/** The lifecycle of anything physical or logical. Planned things do not exist yet and help nothing. */
export const LifecycleSchema = z
  .enum(['active', 'planned'])
  .meta({ id: 'Lifecycle', description: 'active (exists today) or planned (does not exist yet; drawn dashed).' });

/**
 * Relation fields every entity may carry. Authors write one direction; the inverses
 * (dependencyOf, powers, carries, contains, hasPart, enhances) are derived.
 */
export const RelationFields = {
  dependsOn: z
    .array(DependencyEntrySchema)
    .optional()
    .meta({ description: 'Hard dependencies (AND). An anyOf group is a redundancy group.' }),
  enhancedBy: z
    .array(RefEntrySchema)
    .optional()
    .meta({ description: 'Soft dependencies: when one is down this entity is degraded, never down.' }),
  poweredBy: z.array(DependencyEntrySchema).optional().meta({ description: 'Power sources (hard).' }),
  connectsVia: z
    .array(DependencyEntrySchema)
    .optional()
    .meta({ description: 'Network paths this entity needs (hard).' }),
  partOf: RefEntrySchema.optional().meta({ description: 'The whole this entity is part of; down when it is down.' }),
  locatedIn: RefEntrySchema.optional().meta({ description: 'The location (building, room) it is in.' }),
  uplink: z
    .array(RefEntrySchema)
    .optional()
    .meta({
      description:
        'Where this device or host is cabled or linked towards the internet: a switch to its gateway, a gateway to its internet provider, a host to its switch, an access point to a mesh link. Drawn in the topology; failure does not travel along it (write connectsVia or dependsOn for what it needs to work).',
    }),
};

/**
 * `sensitive: true` on an entity, a note, a note's point or an `installed` entry: the public build
 * profile leaves it out everywhere (src/model/profile.ts); the full profile shows it with a marker.
 */
export const SensitiveSchema = z
  .boolean()
  .optional()
  .meta({
    id: 'Sensitive',
    description:
      'True: left out of the public build profile everywhere (pages, tables, diagrams, runbook, search); the full profile shows it marked sensitive.',
  });

/** Fields every entity has. */
export const EntityBaseFields = {
  id: IdSchema,
  name: LabelSchema.meta({ description: 'The name, the same in every language (pve-core, frigate).' }),
  title: LocalizedLabelSchema.optional().meta({
    description: 'A translated display name, when the name itself is a word that should be translated.',
  }),
  description: LocalizedProseSchema.optional(),
  sensitive: SensitiveSchema,
  ...RelationFields,
};
