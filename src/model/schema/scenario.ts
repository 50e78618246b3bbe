import { z } from 'zod';
import { IdSchema, LocalizedLabelSchema, LocalizedProseSchema, RefSchema, SensitiveSchema } from './common.ts';

/** A later phase of a scenario: more things fail after some time (e.g. the UPS runs empty). */
export const PhaseSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedLabelSchema,
  after: LocalizedProseSchema.optional().meta({ description: 'When this phase begins, in words (the time may be unknown).' }),
  afterMinutesFrom: RefSchema.optional().meta({
    description: 'An entity whose runtimeMinutes gives when this phase begins (e.g. power:ups).',
  }),
  alsoFails: z.array(RefSchema).min(1),
});

/** A failure to simulate. */
export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedLabelSchema,
  description: LocalizedProseSchema.optional(),
  fails: z.array(RefSchema).min(1).meta({ description: 'What fails at t = 0.' }),
  phases: z.array(PhaseSchema).optional().meta({ description: 'Later phases, cumulative, in order.' }),
  symptoms: z
    .array(z.strictObject({ id: IdSchema, text: LocalizedLabelSchema }))
    .optional()
    .meta({ description: 'What a person notices, for the runbook symptom index.' }),
  sensitive: SensitiveSchema,
}).meta({ id: 'Scenario', description: 'A failure to simulate.' });
export type Scenario = z.infer<typeof ScenarioSchema>;
export type Phase = z.infer<typeof PhaseSchema>;
