import { z } from 'zod';
import { EntityBaseFields, LocalizedProseSchema, RefSchema } from './common.ts';

/** A future change, with the entities it adds or changes (those exist in the model as planned). */
export const PlanSchema = z.strictObject({
  ...EntityBaseFields,
  title: EntityBaseFields.title.unwrap(),
  status: z.enum(['idea', 'planned', 'ordered', 'in-progress', 'done']),
  rationale: LocalizedProseSchema.optional(),
  strategy: LocalizedProseSchema.optional(),
  goal: LocalizedProseSchema.optional(),
  trigger: LocalizedProseSchema.optional().meta({ description: 'What has to happen first (e.g. the trench is dug).' }),
  steps: z.array(LocalizedProseSchema).optional(),
  adds: z.array(RefSchema).optional().meta({ description: 'Planned entities this plan brings.' }),
  changes: z
    .array(z.strictObject({ ref: RefSchema, what: LocalizedProseSchema }))
    .optional()
    .meta({ description: 'Existing entities this plan changes, and how.' }),
}).meta({ id: 'Plan', description: 'A future change, with the entities it adds or changes.' });
export type Plan = z.infer<typeof PlanSchema>;
