import { z } from 'zod';
import { IdSchema, LocalizedLabelSchema, LocalizedProseSchema, RefSchema } from './common.ts';

/** A note from the source that is not itself an entity (the agent setup, history). */
export const NoteSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedLabelSchema,
  body: LocalizedProseSchema,
  points: z.array(LocalizedProseSchema).optional(),
  about: z.array(RefSchema).optional().meta({ description: 'Entities this note is about.' }),
}).meta({ id: 'Note', description: 'A note from the source that is not itself an entity.' });
export type Note = z.infer<typeof NoteSchema>;
