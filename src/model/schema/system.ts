import { z } from 'zod';
import { EntityBaseFields, LifecycleSchema, LocalizedLabelSchema } from './common.ts';

export const TierSchema = z
  .enum(['critical', 'comfort'])
  .meta({ description: 'critical (must work without the central server) or comfort (nice-to-have).' });

/** A building-automation, radio, surveillance or automation system. */
export const SystemSchema = z.strictObject({
  ...EntityBaseFields,
  category: z.enum(['building-automation', 'radio', 'surveillance', 'automation', 'network', 'agents']),
  tier: TierSchema,
  decentralised: z.boolean().meta({ description: 'Works without a central server.' }),
  status: LifecycleSchema.default('active'),
  features: z.array(LocalizedLabelSchema).optional().meta({ description: 'What the source says about it, point by point.' }),
}).meta({ id: 'System', description: 'A building-automation, radio, surveillance or automation system.' });
export type System = z.infer<typeof SystemSchema>;
