import { z } from 'zod';
import { EntityBaseFields, LifecycleSchema, LocalizedProseSchema } from './common.ts';

/** A power source or store: grid, UPS, battery, solar, inverter, generator. */
export const PowerSchema = z.strictObject({
  ...EntityBaseFields,
  kind: z.enum(['grid', 'ups', 'battery', 'solar', 'inverter', 'generator']),
  status: LifecycleSchema.default('active'),
  runtimeMinutes: z.number().min(0).optional().meta({ description: 'How long it holds on its own, when known.' }),
  strategy: LocalizedProseSchema.optional(),
}).meta({ id: 'Power', description: 'A power source or store: grid, UPS, battery, solar, inverter, generator.' });
export type Power = z.infer<typeof PowerSchema>;
