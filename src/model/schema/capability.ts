import { z } from 'zod';
import { EntityBaseFields, LifecycleSchema } from './common.ts';
import { TierSchema } from './system.ts';

/** What a person actually gets ("lights from wall switches"). Failure analysis reports on these. */
export const CapabilitySchema = z.strictObject({
  ...EntityBaseFields,
  title: EntityBaseFields.title.unwrap().meta({ description: 'The capability in each language.' }),
  tier: TierSchema,
  status: LifecycleSchema.default('active'),
}).meta({ id: 'Capability', description: 'What a person actually gets; failure analysis reports on these.' });
export type Capability = z.infer<typeof CapabilitySchema>;
