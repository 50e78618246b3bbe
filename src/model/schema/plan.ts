import { z } from 'zod';
import { EntityBaseFields, LocalizedLabelSchema, LocalizedProseSchema, RefSchema } from './common.ts';

/**
 * A relation the plan adds, removes or moves (both: the entity's link goes from `remove` to `add`).
 * Only plan diagrams apply these: the analysis describes the model as it is today.
 */
export const PlanLinkSchema = z
  .strictObject({
    ref: RefSchema.meta({ description: 'The entity whose relation changes (the one that writes it, e.g. system:knx).' }),
    relation: z
      .enum(['dependsOn', 'poweredBy', 'connectsVia', 'enhancedBy', 'uplink', 'locatedIn'])
      .meta({ description: 'Which of its relations changes.' }),
    remove: RefSchema.optional().meta({ description: 'The link that goes away (it must exist in the model today).' }),
    add: RefSchema.optional().meta({ description: 'The link the plan makes.' }),
    via: LocalizedLabelSchema.optional().meta({ description: 'One or two words drawn on the new arrow, e.g. USB/IP.' }),
    assumed: z
      .boolean()
      .optional()
      .meta({ description: 'True when the source does not state this link; the diagram draws it as assumed.' }),
    why: LocalizedProseSchema.optional().meta({ description: 'Why the link changes this way.' }),
  })
  .refine((link) => link.add !== undefined || link.remove !== undefined, {
    message: 'needs add, remove, or both (a moved link)',
  })
  .meta({ id: 'PlanLink', description: 'A relation a plan adds, removes or moves (remove and add together).' });
export type PlanLink = z.infer<typeof PlanLinkSchema>;

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
  links: z
    .array(PlanLinkSchema)
    .optional()
    .meta({ description: 'Relations the plan adds, removes or moves; the plan\'s "after" diagram applies them.' }),
}).meta({ id: 'Plan', description: 'A future change, with the entities it adds or changes.' });
export type Plan = z.infer<typeof PlanSchema>;
