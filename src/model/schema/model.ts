import { z } from 'zod';
import { SiteSchema } from './site.ts';
import { ENTITY_KINDS, KINDS, type EntityKind, type Kinds, type SectionOf } from '../kinds.ts';

type KindSectionSchemas = { [K in EntityKind as SectionOf<K>]: z.ZodArray<Kinds[K]['schema']> };

/**
 * The sections a model file may hold: `site`, and one per kind (src/model/kinds.ts). Each
 * `model/*.yaml` file is a mapping of some of these sections; list sections from several files are
 * concatenated (so a large model can be split). `site` must appear exactly once.
 */
export const SECTION_SCHEMAS = {
  site: SiteSchema,
  ...(Object.fromEntries(ENTITY_KINDS.map((kind) => [KINDS[kind].section, z.array(KINDS[kind].schema)])) as KindSectionSchemas),
};

export type SectionName = keyof typeof SECTION_SCHEMAS;
export const SECTION_NAMES = Object.keys(SECTION_SCHEMAS) as SectionName[];

/** One model file: any subset of the sections. */
export const ModelFileSchema = z.strictObject(
  Object.fromEntries(SECTION_NAMES.map((name) => [name, SECTION_SCHEMAS[name].optional()])) as {
    [K in SectionName]: z.ZodOptional<(typeof SECTION_SCHEMAS)[K]>;
  },
);

/** The whole model after all files are merged: every kind's section, empty when no file has it. */
export const ModelSchema = z.strictObject({
  site: SiteSchema,
  ...(Object.fromEntries(ENTITY_KINDS.map((kind) => [KINDS[kind].section, z.array(KINDS[kind].schema).default([])])) as {
    [K in EntityKind as SectionOf<K>]: z.ZodDefault<z.ZodArray<Kinds[K]['schema']>>;
  }),
});
export type Model = z.infer<typeof ModelSchema>;

export * from './site.ts';
export * from './location.ts';
export * from './host.ts';
export * from './cluster.ts';
export * from './guest.ts';
export * from './network.ts';
export * from './storage.ts';
export * from './system.ts';
export * from './capability.ts';
export * from './power.ts';
export * from './plan.ts';
export * from './scenario.ts';
export * from './note.ts';
export * from './common.ts';
