import { z } from 'zod';
import { EntityBaseFields, LifecycleSchema, LocalizedProseSchema } from './common.ts';

/** A power source or store: grid, UPS, battery, solar, inverter, generator. */
export const PowerSchema = z.strictObject({
  ...EntityBaseFields,
  kind: z.enum(['grid', 'ups', 'battery', 'solar', 'inverter', 'generator']),
  status: LifecycleSchema.default('active'),
  runtimeMinutes: z.number().min(0).optional().meta({
    description:
      'How long it holds on its own, when known: a UPS or battery on its charge, a generator on a full tank. A UPS with a runtime bridges a cut in what powers it, and its scenario phases (on battery, empty) are derived.',
  }),
  startDelayMinutes: z.number().min(0).optional().meta({
    description: 'For a generator that starts by itself when the power goes: how long it takes to start and take the load.',
  }),
  strategy: LocalizedProseSchema.optional(),
}).meta({ id: 'Power', description: 'A power source or store: grid, UPS, battery, solar, inverter, generator.' });
export type Power = z.infer<typeof PowerSchema>;
