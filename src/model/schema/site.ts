import { z } from 'zod';
import { DateSchema, LabelSchema, LocalizedLabelSchema, LocalizedProseSchema, RefSchema, SafeUrlSchema, IdSchema } from './common.ts';

/** A design principle in the owner's own words, with a translation. */
export const PrincipleSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedLabelSchema,
  text: LocalizedProseSchema.meta({ description: "The principle in the owner's own words (nb) and translated (en)." }),
});

/** A summary the source states (e.g. "12 LXC containers active"); compared with what the model computes. */
export const StatedSummarySchema = z.strictObject({
  runningLxc: z.number().int().min(0).optional(),
  runningQemu: z.number().int().min(0).optional(),
  stoppedLxc: z.number().int().min(0).optional(),
  stoppedQemu: z.number().int().min(0).optional(),
  text: LocalizedProseSchema.optional(),
});

/** The site's own settings. Nothing about a particular infrastructure lives in code. */
export const SiteSchema = z.strictObject({
  name: LabelSchema.meta({ description: 'The name of the place or organisation (Saghaugen).' }),
  title: LocalizedLabelSchema.meta({ description: 'The site title in each language.' }),
  tagline: LocalizedLabelSchema.optional(),
  description: LocalizedProseSchema.optional(),
  documented: DateSchema.meta({ description: 'The date the source documentation was written.' }),
  source: LabelSchema.optional().meta({ description: 'Where the facts come from (a document name).' }),
  publicUrl: SafeUrlSchema.optional().meta({
    description: 'Where the site is published. Used for links in the printed runbook. Unknown → left out.',
  }),
  locales: z
    .array(z.enum(['nb', 'en']))
    .min(1)
    .default(['nb', 'en'])
    .meta({ description: 'The languages the site is published in; the first is the default (served at /).' }),
  principles: z.array(PrincipleSchema).default([]),
  docsCapability: RefSchema.optional().meta({
    description: 'The capability that stands for "reading these docs online"; the runbook-reachable audit uses it.',
  }),
  statedSummary: StatedSummarySchema.optional(),
}).meta({ id: 'Site', description: "The site's own settings." });
export type Site = z.infer<typeof SiteSchema>;
export type Principle = z.infer<typeof PrincipleSchema>;
