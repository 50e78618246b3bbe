import { z } from 'zod';
import { IdSchema, LocalizedLabelSchema, LocalizedProseSchema, ProseSchema, RefSchema, SensitiveSchema } from './common.ts';

/** One point of a note: prose in both languages, which may be marked sensitive on its own. */
export const NotePointSchema = z
  .strictObject({
    nb: ProseSchema.optional().meta({ description: 'Norsk bokmål' }),
    en: ProseSchema.optional().meta({ description: 'English' }),
    sensitive: SensitiveSchema,
  })
  .refine((t) => t.nb !== undefined || t.en !== undefined, { message: 'needs at least one of nb, en' })
  .meta({ id: 'NotePoint', description: 'A point of a note in nb and en; `sensitive: true` leaves it out of the public build profile.' });
export type NotePoint = z.infer<typeof NotePointSchema>;

/** A note from the source that is not itself an entity (the agent setup, history). */
export const NoteSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedLabelSchema,
  body: LocalizedProseSchema,
  points: z.array(NotePointSchema).optional(),
  sensitive: SensitiveSchema,
  about: z.array(RefSchema).optional().meta({ description: 'Entities this note is about.' }),
}).meta({ id: 'Note', description: 'A note from the source that is not itself an entity.' });
export type Note = z.infer<typeof NoteSchema>;
