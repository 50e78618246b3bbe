import { z } from 'zod';
import { EntityBaseFields } from './common.ts';

/** A building, room or outdoor area. */
export const LocationSchema = z.strictObject({
  ...EntityBaseFields,
  kind: z.enum(['building', 'room', 'area']).meta({ description: 'building, room or area' }),
}).meta({ id: 'Location', description: 'A building, room or outdoor area.' });
export type Location = z.infer<typeof LocationSchema>;
