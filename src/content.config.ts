import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { sitePaths } from './site/env.ts';
import { docsDirFor, entitiesDirFor } from './site/content-dirs.ts';

const paths = sitePaths();
const docs = docsDirFor(paths);

export const collections = {
  // See src/site/content-dirs.ts for why the default content dir goes through the symlink.
  docs: defineCollection({
    loader: docs.usesSymlink ? docsLoader() : glob({ base: docs.dir, pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
  /** Prose beside the model: <content>/entities/<lang>/<kind>/<id>.md, shown on that entity's page. */
  entities: defineCollection({
    loader: glob({ base: entitiesDirFor(paths), pattern: '{nb,en}/*/*.md' }),
    schema: z.object({ title: z.string().optional() }).passthrough(),
  }),
  /** The runbook's hand-written procedures: <content>/runbook/<lang>/<scenario-id>.md (src/components/runbook). */
  runbook: defineCollection({
    loader: glob({ base: `${paths.contentDir}/runbook`, pattern: '{nb,en}/*.md' }),
    schema: z.object({}).passthrough(),
  }),
};
