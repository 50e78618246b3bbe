import { z } from 'zod';
import { SiteSchema } from './site.ts';
import { LocationSchema } from './location.ts';
import { HostSchema } from './host.ts';
import { GuestSchema } from './guest.ts';
import { NetworkSchema } from './network.ts';
import { StorageSchema } from './storage.ts';
import { SystemSchema } from './system.ts';
import { CapabilitySchema } from './capability.ts';
import { PowerSchema } from './power.ts';
import { PlanSchema } from './plan.ts';
import { ScenarioSchema } from './scenario.ts';
import { NoteSchema } from './note.ts';

/**
 * The sections a model file may hold. Each `model/*.yaml` file is a mapping of some of these
 * sections; list sections from several files are concatenated (so a large model can be split).
 * `site` must appear exactly once.
 */
export const SECTION_SCHEMAS = {
  site: SiteSchema,
  locations: z.array(LocationSchema),
  hosts: z.array(HostSchema),
  guests: z.array(GuestSchema),
  network: z.array(NetworkSchema),
  storage: z.array(StorageSchema),
  systems: z.array(SystemSchema),
  capabilities: z.array(CapabilitySchema),
  power: z.array(PowerSchema),
  plans: z.array(PlanSchema),
  scenarios: z.array(ScenarioSchema),
  notes: z.array(NoteSchema),
} as const;

export type SectionName = keyof typeof SECTION_SCHEMAS;
export const SECTION_NAMES = Object.keys(SECTION_SCHEMAS) as SectionName[];

/** One model file: any subset of the sections. */
export const ModelFileSchema = z.strictObject(
  Object.fromEntries(SECTION_NAMES.map((name) => [name, SECTION_SCHEMAS[name].optional()])) as {
    [K in SectionName]: z.ZodOptional<(typeof SECTION_SCHEMAS)[K]>;
  },
);

/** The whole model after all files are merged. */
export const ModelSchema = z.strictObject({
  site: SiteSchema,
  locations: z.array(LocationSchema).default([]),
  hosts: z.array(HostSchema).default([]),
  guests: z.array(GuestSchema).default([]),
  network: z.array(NetworkSchema).default([]),
  storage: z.array(StorageSchema).default([]),
  systems: z.array(SystemSchema).default([]),
  capabilities: z.array(CapabilitySchema).default([]),
  power: z.array(PowerSchema).default([]),
  plans: z.array(PlanSchema).default([]),
  scenarios: z.array(ScenarioSchema).default([]),
  notes: z.array(NoteSchema).default([]),
});
export type Model = z.infer<typeof ModelSchema>;

export * from './site.ts';
export * from './location.ts';
export * from './host.ts';
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
